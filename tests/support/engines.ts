import { type Config, createLogger, loadConfig, openStore, type Store } from '@yuqing/schemas';
import { tempDir } from './temp-dir.ts';

export interface EngineCase {
  name: 'embedded' | 'remote';
  /** Why this engine cannot run here; the suite is then skipped and says so. */
  skip?: string;
  open: () => Promise<{ store: Store; close: () => Promise<void> }>;
}

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');

/**
 * Every engine this machine can reach: embedded chDB always, a ClickHouse server when
 * CLICKHOUSE_URL is set. The remote case is announced loudly when skipped.
 */
export function availableEngines(): EngineCase[] {
  const engines: EngineCase[] = [
    {
      name: 'embedded',
      open: async () => {
        const tmp = tempDir('store');
        const store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
        return {
          store,
          close: async () => {
            await store.close();
            tmp.cleanup();
          },
        };
      },
    },
  ];
  if (process.env.CLICKHOUSE_URL) {
    engines.push({
      name: 'remote',
      open: async () => {
        const database = `yuqing_test_${process.pid}_${Date.now()}`;
        const config: Config = loadConfig({ ...process.env, CLICKHOUSE_DATABASE: database });
        const store = await openStore(config, logger);
        return {
          store,
          close: async () => {
            await store.command(`DROP DATABASE IF EXISTS ${database}`);
            await store.close();
          },
        };
      },
    });
  } else {
    const skip =
      'SKIPPING the remote ClickHouse engine: CLICKHOUSE_URL is not set. ' +
      'Set it (e.g. CLICKHOUSE_URL=http://127.0.0.1:8123) to run this suite against a server.';
    console.warn(`\n*** ${skip} ***\n`);
    engines.push({ name: 'remote', skip, open: () => Promise.reject(new Error(skip)) });
  }
  return engines;
}
