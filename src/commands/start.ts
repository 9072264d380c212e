import { createLogger, loadConfig } from '@yuqing/schemas';
import type { Command } from './index.ts';

export const startCommand: Command = {
  summary: 'Run the platform: migrate, crawl, analyze and serve the dashboard (Ctrl-C stops it cleanly).',
  options: {},
  async run() {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const { runPlatform } = await import('../platform.ts');
    const controller = new AbortController();
    const stop = (signal: string) => {
      if (controller.signal.aborted) {
        logger.warn('second stop signal: exiting now');
        process.exit(130);
      }
      logger.info({ signal }, 'stop requested');
      controller.abort();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    await runPlatform(config, logger, controller.signal);
    logger.info('stopped cleanly');
    return 0;
  },
};
