import { analyzeOnce, restoreCorpus, TextAnalyzer } from '@yuqing/analyzer';
import { crawlOnce } from '@yuqing/crawler';
import { type Config, ensureAdmin, type Logger, migrate, openStore } from '@yuqing/schemas';
import { loop } from './loops.ts';
import { readSensitivityRules } from './rules.ts';
import { serveDashboard } from './server.ts';
import { resolveSources } from './sources.ts';

/**
 * The embedded platform in one process: it owns the ClickHouse data directory, serves the
 * dashboard, and runs the crawl scheduler and the analyzer loop until `signal` aborts. Then it
 * lets in-flight work finish, closes everything, and resolves.
 */
export async function runPlatform(config: Config, logger: Logger, signal: AbortSignal): Promise<void> {
  const store = await openStore(config, logger);
  const closers: Array<() => Promise<void>> = [() => store.close()];
  try {
    await migrate(store, logger);
    const admin = await ensureAdmin(store, logger, config.adminPassword);
    if (admin.generatedPassword) {
      // Printed once, to the terminal only; the log never carries it.
      process.stdout.write(
        `\n  管理员账号 admin account created — username: admin  password: ${admin.generatedPassword}\n` +
          '  It is shown only now; set YUQING_ADMIN_PASSWORD to choose it yourself.\n\n',
      );
    }
    const server = await serveDashboard({ store, config, logger });
    closers.unshift(server.close);
    process.stdout.write(`\n  yuqing 舆情监测 is running: ${server.url}\n\n`);

    const { sources, close: closeSources } = await resolveSources(config, logger);
    closers.push(closeSources);
    // Text analysis runs in worker threads; this thread keeps the store and the corpus state.
    const textAnalyzer = new TextAnalyzer(config.analyzerWorkers, { rules: readSensitivityRules(config) });
    closers.push(() => textAnalyzer.close());
    const corpus = await restoreCorpus(store);
    const analyzer = loop(
      'analyze',
      () => analyzeOnce(store, { logger, signal, analyzer: textAnalyzer, corpus }),
      config.analyzeIntervalSeconds * 1000,
      signal,
      logger,
    );
    const crawler = loop(
      'crawl',
      async () => {
        const runs = await crawlOnce(store, sources, { logger, signal });
        logger.info(
          { runs: runs.map((r) => ({ source: r.source, found: r.found, new: r.new, changed: r.changed })) },
          'crawl round finished',
        );
        analyzer.wake();
      },
      config.crawlIntervalSeconds * 1000,
      signal,
      logger,
    );
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    logger.info('stopping: finishing in-flight work');
    await Promise.all([crawler.done, analyzer.done]);
  } finally {
    for (const close of closers) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    }
  }
}
