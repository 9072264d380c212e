import { randomUUID } from 'node:crypto';
import { getSeenUrls, type Store, writeCrawlRunRecord } from '@yuqing/schemas';
import { crawlListing } from '../listings/listing-crawl.ts';
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
    const started = Date.now();
    const startedAt = new Date(started).toISOString();
    let counters = new RunCounters();

    try {
      const seen = await getSeenUrls(store, source.id);
      const input = {
        store,
        seen,
        logger,
        signal,
        batchSize: options.batchSize,
        browserExecutable: options.browserExecutable,
      };
      counters =
        source.kind === 'site'
          ? await crawlSite({ ...input, source })
          : await crawlListing({ ...input, source });
    } catch (err) {
      counters.error('crawler');
      logger.error({ err }, 'crawler: the source failed; going on with the others');
    }

    const summary: CrawlRunSummary = {
      runId,
      source: source.id,
      kind: source.kind,
      render: source.render,
      startedAt,
      finishedAt: new Date().toISOString(),
      pages: counters.pages,
      found: counters.found,
      new: counters.new,
      changed: counters.changed,
      unchanged: counters.unchanged,
      errors: counters.errors,
      skipped: counters.skipped,
      durationMs: Date.now() - started,
      freshnessP50Seconds: counters.freshnessP50(),
      freshnessP90Seconds: counters.freshnessP90(),
      aborted: signal?.aborted ?? false,
    };
    try {
      await writeCrawlRunRecord(store, summary);
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
