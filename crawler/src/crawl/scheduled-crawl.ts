import { randomUUID } from 'node:crypto';
import { getSourceHealth, getSourceRunRequests, type Store, writeCrawlRunRecord } from '@yuqing/schemas';
import { type DueSource, dueSources, nextWakeAt } from '../schedule.ts';
import {
  type AllSources,
  formatManagedProblem,
  type ManagedSourceProblem,
  resolveAllSources,
} from '../sources/resolve-all-sources.ts';
import type { Source } from '../sources/source-schema.ts';
import { crawlOnce } from './crawl-once.ts';
import type { CrawlOptions, CrawlRunSummary } from './types.ts';

/** `crawl_runs.kind` of the record that reports an invalid dashboard entry in source health. */
export const INVALID_SOURCE_KIND = 'invalid';

export interface ScheduleState {
  /** Source id → start of its last run. */
  lastRuns: Map<string, string>;
  /** Source id → its latest run request. */
  requests: Map<string, string>;
}

/**
 * The last run of each source (source health) and the latest run requests. Runs older than the
 * longest interval (7 days) do not matter: a source without one is due anyway.
 */
export async function readScheduleState(store: Store): Promise<ScheduleState> {
  const [health, requests] = await Promise.all([
    getSourceHealth(store, { runs: 10, days: 8 }),
    getSourceRunRequests(store, { days: 8 }),
  ]);
  const lastRuns = new Map<string, string>();
  for (const h of health) {
    // Newest first; a report of an invalid entry is not a run.
    const run = h.runs.find((r) => r.kind !== INVALID_SOURCE_KIND);
    if (run) lastRuns.set(h.source, run.startedAt);
  }
  return { lastRuns, requests: new Map(requests.map((r) => [r.sourceId, r.requestedAt])) };
}

export interface ScheduledRound {
  /** What was crawled, in order. */
  runs: CrawlRunSummary[];
  due: DueSource[];
  /** When a source is next due (never later than `now + pollMs` when given); null: no enabled source. */
  nextWakeAt: Date | null;
  all: AllSources;
}

export interface ScheduledCrawlOptions extends CrawlOptions {
  /** See `nextWakeAt`: run requests can arrive at any time. */
  pollMs?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * The crawl scheduler's round: merges the sources file with the dashboard's table, crawls the
 * sources that are due (interval passed, never run, or a pending run request), and says when to
 * wake next. An invalid table entry is logged and recorded once per version in source health
 * (`crawl_runs`, kind `invalid`, error `invalid_source`); the other sources still run.
 */
export class ScheduledCrawler {
  readonly #reported = new Set<string>();

  constructor(
    private readonly store: Store,
    /** Every entry of the sources file (disabled ones too: they still own their ids), plus the demo source. */
    private readonly fileSources: readonly Source[],
    private readonly options: ScheduledCrawlOptions,
  ) {}

  async round(): Promise<ScheduledRound> {
    const now = this.options.now ?? (() => new Date());
    const log = this.options.logger.child({ component: 'scheduler' });
    const all = await resolveAllSources(this.store, this.fileSources);
    await this.#report(all.problems);
    const enabled = all.sources.filter((s) => s.enabled);
    const { lastRuns, requests } = await readScheduleState(this.store);
    const due = dueSources(enabled, lastRuns, now(), requests);
    if (due.length > 0) {
      log.info({ due: due.map((d) => ({ source: d.source.id, reason: d.reason })) }, 'crawling due sources');
    }
    const runs = await crawlOnce(
      this.store,
      due.map((d) => d.source),
      this.options,
    );
    for (const run of runs) lastRuns.set(run.source, run.startedAt);
    return {
      runs,
      due,
      nextWakeAt: nextWakeAt(enabled, lastRuns, now(), requests, this.options.pollMs),
      all,
    };
  }

  async #report(problems: readonly ManagedSourceProblem[]): Promise<void> {
    const log = this.options.logger.child({ component: 'scheduler' });
    const bySource = new Map<string, ManagedSourceProblem[]>();
    for (const p of problems) {
      const key = `${p.sourceId}@${p.updatedAt}`;
      if (!p.sourceId) {
        log.warn(formatManagedProblem(p)); // the table itself: say so every round
        continue;
      }
      if (this.#reported.has(key)) continue;
      bySource.set(key, [...(bySource.get(key) ?? []), p]);
    }
    for (const [key, list] of bySource) {
      this.#reported.add(key);
      for (const p of list) log.warn(`invalid source entry skipped: ${formatManagedProblem(p)}`);
      const at = new Date().toISOString();
      try {
        await writeCrawlRunRecord(this.store, {
          runId: randomUUID(),
          source: (list[0] as ManagedSourceProblem).sourceId,
          startedAt: at,
          finishedAt: at,
          found: 0,
          new: 0,
          changed: 0,
          errors: { invalid_source: list.length },
          freshnessP50Seconds: null,
          kind: INVALID_SOURCE_KIND,
          render: false,
          pages: 0,
          unchanged: 0,
          skipped: {},
          durationMs: 0,
          freshnessP90Seconds: null,
          aborted: false,
        });
      } catch (err) {
        log.error({ err }, 'recording an invalid source entry in source health failed');
      }
    }
  }
}
