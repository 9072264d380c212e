import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import type { Command } from './index.ts';

export const migrateCommand: Command = {
  summary: 'Apply the pending ClickHouse migrations and exit.',
  options: {},
  async run() {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const store = await openStore(config, logger);
    try {
      const applied = await migrate(store, logger);
      console.log(
        applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.',
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
