import { randomUUID } from 'node:crypto';
import { getSeenUrls, type Store, writeCrawlRun } from '@yuqing/schemas';
import type { Source } from '../sources/source-schema.ts';
import { crawlSite } from './site-crawl.ts';
import { type CrawlOptions, type CrawlRunSummary, RunCounters } from './types.ts';

/**
 * One pass over the enabled sources, one after another. Each source gets a crawl run recorded in
 * `crawl_runs`; a source that fails is recorded with its error and the others go on.
 */
export async function crawlOnce(
  store: Store,
  sources: readonly Source[],
  options: CrawlOptions,
): Promise<CrawlRunSummary[]> {
  const { signal } = options;
  const log = options.logger.child({ component: 'crawler' });
  const summaries: CrawlRunSummary[] = [];

  for (const source of sources) {
    if (!source.enabled) continue;
    if (signal?.aborted) break;
    const logger = log.child({ source: source.id });
    const runId = randomUUID();
    const startedAt = new Date().toISOString();
    let counters = new RunCounters();

    try {
      if (source.kind !== 'site') {
        counters.error('unsupported_kind');
        logger.warn({ kind: source.kind }, 'crawler: this source kind is not crawled yet; skipped');
      } else if (source.render) {
        counters.error('unsupported_render');
        logger.warn('crawler: sources that need a browser (render: true) are not crawled yet; skipped');
      } else {
        const seen = await getSeenUrls(store, source.id);
        counters = await crawlSite({ store, source, seen, logger, signal, batchSize: options.batchSize });
      }
    } catch (err) {
      counters.error('crawler');
      logger.error({ err }, 'crawler: the source failed; going on with the others');
    }

    const summary: CrawlRunSummary = {
      runId,
      source: source.id,
      startedAt,
      finishedAt: new Date().toISOString(),
      pages: counters.pages,
      found: counters.found,
      new: counters.new,
      changed: counters.changed,
      unchanged: counters.unchanged,
      errors: counters.errors,
      freshnessP50Seconds: counters.freshnessP50(),
      aborted: signal?.aborted ?? false,
    };
    try {
      await writeCrawlRun(store, summary);
    } catch (err) {
      logger.error({ err }, 'crawler: recording the crawl run failed');
    }
    logger.info(
      {
        pages: summary.pages,
        found: summary.found,
        new: summary.new,
        changed: summary.changed,
        errors: summary.errors,
      },
      'crawler: run finished',
    );
    summaries.push(summary);
  }
  return summaries;
}
