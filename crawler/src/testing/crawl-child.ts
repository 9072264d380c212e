/**
 * A crawl in its own process, for the SIGKILL test: `node --import tsx crawl-child.ts DATA_DIR
 * SOURCES_JSON`. Prints `inserted <table> <rows>` after each insert so the test knows when to kill.
 */
import { createLogger, loadConfig, migrate, openStore, type Store } from '@yuqing/schemas';
import { crawlOnce } from '../crawl/crawl-once.ts';
import { SourceSchema } from '../sources/source-schema.ts';

const [dir, json] = process.argv.slice(2) as [string, string];
const logger = createLogger('silent');
const store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
await migrate(store, logger);
const noisy: Store = Object.create(store, {
  insert: {
    value: async (table: string, rows: readonly object[]) => {
      await store.insert(table, rows);
      process.stdout.write(`inserted ${table} ${rows.length}\n`);
    },
  },
});
const sources = (JSON.parse(json) as unknown[]).map((s) => SourceSchema.parse(s));
await crawlOnce(noisy, sources, { logger, batchSize: 20 });
process.stdout.write('done\n');
await store.close();
