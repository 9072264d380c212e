import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import { type Command, UsageError } from './index.ts';

export const crawlCommand: Command = {
  summary:
    'Crawl every enabled source once (file and dashboard sources; the demo site when none is configured) and exit.',
  usage: '--once',
  options: {
    once: { type: 'boolean', help: 'Crawl each source once and exit (scheduled crawling runs in start)' },
  },
  async run(values) {
    if (!values.once) throw new UsageError('scheduled crawling runs inside `yuqing start`; use --once here');
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    // Loaded here so that `--help` and bad arguments answer without loading Crawlee.
    const { crawlOnce, formatManagedProblem, resolveAllSources } = await import('@yuqing/crawler');
    const { resolveSources } = await import('../sources.ts');
    const store = await openStore(config, logger);
    const { sources, close } = await resolveSources(config, logger);
    try {
      await migrate(store, logger);
      // Dashboard-managed sources join the file's (the file wins for an id both define).
      const all = await resolveAllSources(store, sources);
      for (const problem of all.problems) logger.warn(formatManagedProblem(problem));
      const runs = await crawlOnce(store, all.sources, { logger });
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
