import path from 'node:path';
import {
  AlertEngine,
  analyzeOnce,
  createObservers,
  Deliverer,
  type ObserverOptions,
  type PipelineState,
  restoreState,
  TextAnalyzer,
} from '@yuqing/analyzer';
import { ScheduledCrawler } from '@yuqing/crawler';
import { runScheduledReports } from '@yuqing/portal-adapter';
import {
  type Config,
  ensureAdmin,
  type Logger,
  migrate,
  openStore,
  type Store,
  writeTopics,
} from '@yuqing/schemas';
import { loop } from './loops.ts';
import { readSensitivityRules } from './rules.ts';
import { serveDashboard } from './server.ts';
import { observerOptions, resolveSources } from './sources.ts';

/** Window rules (volume spikes, negative surges), held-back notifications and topic states run this often. */
const ALERT_TICK_MS = 60_000;
/** Scheduled reports are checked this often. */
const REPORT_TICK_MS = 60_000;

/**
 * The embedded platform in one process: it owns the ClickHouse data directory, serves the
 * dashboard, and runs the crawl scheduler, the analyzer loop, the alert timer and the delivery of
 * notifications until `signal` aborts. Then it lets in-flight work finish, closes everything, and
 * resolves.
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
    const dashboardUrl = config.publicUrl ?? server.url;
    const analysis = await startAnalysis({
      store,
      config,
      logger,
      signal,
      dashboardUrl,
      observers: await observerOptions(store, config, logger, sources),
    });
    closers.push(analysis.close);
    // The analyzer starts on each batch the crawler stores, not on its next interval.
    const crawlStore = onInsert(store, 'raw_documents', analysis.wake);
    // Each source runs on its own interval (or at once when asked from the dashboard); the
    // scheduler looks every poll interval for what is due.
    const pollMs = config.crawlIntervalSeconds * 1000;
    const scheduler = new ScheduledCrawler(crawlStore, sources, { logger, signal, pollMs });
    const crawler = loop(
      'crawl',
      async () => {
        const round = await scheduler.round();
        if (round.runs.length === 0) return;
        logger.info(
          {
            runs: round.runs.map((r) => ({
              source: r.source,
              found: r.found,
              new: r.new,
              changed: r.changed,
            })),
          },
          'crawl round finished',
        );
        analysis.wake();
      },
      pollMs,
      signal,
      logger,
    );
    const reports =
      config.reports === 'on'
        ? loop(
            'reports',
            () =>
              runScheduledReports(store, {
                dashboardUrl,
                outDir: path.join(config.dataDir, 'reports'),
                logger,
              }),
            REPORT_TICK_MS,
            signal,
            logger,
          )
        : undefined;
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    logger.info('stopping: finishing in-flight work');
    await Promise.all([crawler.done, analysis.done, reports?.done]);
  } finally {
    for (const close of closers) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    }
  }
}

export interface Analysis {
  state: PipelineState;
  alerts: AlertEngine;
  deliverer: Deliverer;
  /** Starts an analyzer round now (or right after the running one). */
  wake: () => void;
  /** Resolves when every loop has stopped after `signal` aborted. */
  done: Promise<void>;
  /** Stops the analysis worker threads (after `done`). */
  close: () => Promise<void>;
}

/**
 * The live analysis on a store this process owns: the analyzer loop (worker threads for the text,
 * topics, observers and the alert engine on this thread), the alert timer and the deliverer.
 * Shared by the platform and the latency bench, so the bench measures what runs.
 */
export async function startAnalysis(options: {
  store: Store;
  config: Config;
  logger: Logger;
  signal: AbortSignal;
  /** The dashboard's address, for the link in notifications. */
  dashboardUrl?: string;
  /** Opinion index and event settings of the stateful layers. */
  observers?: ObserverOptions;
}): Promise<Analysis> {
  const { store, config, logger, signal } = options;
  // Text analysis runs in worker threads; this thread keeps the store and the order-dependent state.
  const textAnalyzer = new TextAnalyzer(config.analyzerWorkers, { rules: readSensitivityRules(config) });
  let state: PipelineState;
  try {
    // Each worker loads its dictionaries and models now, not when the first crawled batch waits.
    await Promise.all(
      Array.from({ length: Math.max(1, textAnalyzer.workers) }, (_, i) =>
        textAnalyzer.analyze([
          { id: `warm-up-${i}`, title: '预热', content: '杭州市气象台今天发布暴雨预警。' },
        ]),
      ),
    );
    state = await restoreState(store, logger, { observers: createObservers(options.observers) });
  } catch (error) {
    await textAnalyzer.close();
    throw error;
  }
  // Channels and rules live in the store (managed from the dashboard); nothing to configure here.
  const deliverer = new Deliverer(store, logger, { dashboardUrl: options.dashboardUrl });
  const alerts = new AlertEngine(store, logger, { onQueued: () => deliverer.wake() });
  const analyzer = loop(
    'analyze',
    () => analyzeOnce(store, { logger, signal, analyzer: textAnalyzer, state, alerts }),
    config.analyzeIntervalSeconds * 1000,
    signal,
    logger,
  );
  const ticks = loop(
    'minute',
    async () => {
      // Topic states move on with time even when nothing new arrives (rising → declining → ended).
      await writeTopics(store, state.topics.takeChanged(Date.now(), Date.now()));
      await alerts.tick();
    },
    ALERT_TICK_MS,
    signal,
    logger,
  );
  const delivery = deliverer.run(signal);
  return {
    state,
    alerts,
    deliverer,
    wake: analyzer.wake,
    done: Promise.all([analyzer.done, ticks.done, delivery]).then(() => {}),
    close: () => textAnalyzer.close(),
  };
}

/** The same store, calling `after` once each insert into `table` has been written. */
export function onInsert(store: Store, table: string, after: () => void): Store {
  return {
    engine: store.engine,
    database: store.database,
    ddl: store.ddl,
    query: (name, built) => store.query(name, built),
    insert: async (into, rows) => {
      await store.insert(into, rows);
      if (into === table) after();
    },
    command: (statement, params) => store.command(statement, params),
    close: () => store.close(),
  };
}
