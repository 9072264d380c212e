import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import { type Command, UsageError } from './index.ts';

export const crawlCommand: Command = {
  summary: 'Crawl every enabled source once (the demo site when none is configured) and exit.',
  usage: '--once',
  options: {
    once: { type: 'boolean', help: 'Crawl each source once and exit (scheduled crawling runs in start)' },
  },
  async run(values) {
    if (!values.once) throw new UsageError('scheduled crawling runs inside `yuqing start`; use --once here');
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    // Loaded here so that `--help` and bad arguments answer without loading Crawlee.
    const { crawlOnce } = await import('@yuqing/crawler');
    const { resolveSources } = await import('../sources.ts');
    const store = await openStore(config, logger);
    const { sources, close } = await resolveSources(config, logger);
    try {
      await migrate(store, logger);
      const runs = await crawlOnce(store, sources, { logger });
      for (const run of runs) {
        console.log(
          `${run.source}: found ${run.found}, new ${run.new}, changed ${run.changed}, errors ${JSON.stringify(run.errors)}`,
        );
      }
      return 0;
    } finally {
      await close();
      await store.close();
    }
  },
};
