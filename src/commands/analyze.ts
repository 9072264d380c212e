import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import { type Command, UsageError } from './index.ts';

export const analyzeCommand: Command = {
  summary: 'Analyze every crawled document not yet analyzed and exit.',
  usage: '--once',
  options: {
    once: { type: 'boolean', help: 'Analyze what is pending once and exit (the loop runs in start)' },
  },
  async run(values) {
    if (!values.once) throw new UsageError('the analyzer loop runs inside `yuqing start`; use --once here');
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const { analyzeOnce } = await import('@yuqing/analyzer');
    const store = await openStore(config, logger);
    try {
      await migrate(store, logger);
      const { analyzed } = await analyzeOnce(store, { logger });
      console.log(`Analyzed ${analyzed} documents.`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
