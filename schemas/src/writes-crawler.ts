import { toClickHouseTime } from './records.ts';
import type { Store } from './store/engine.ts';
import type { CrawlRun } from './writes.ts';

/** One crawl run of one source with everything source health shows (migration 0003). */
export interface CrawlRunRecord extends CrawlRun {
  kind: string;
  render: boolean;
  pages: number;
  unchanged: number;
  /** Left out on purpose, by reason (`non_html`, `trap`, `not_modified` …). */
  skipped: Record<string, number>;
  durationMs: number;
  freshnessP90Seconds: number | null;
  aborted: boolean;
}

export function writeCrawlRunRecord(store: Store, run: CrawlRunRecord): Promise<void> {
  return store.insert('crawl_runs', [
    {
      run_id: run.runId,
      source: run.source,
      started_at: toClickHouseTime(run.startedAt),
      finished_at: toClickHouseTime(run.finishedAt),
      found: run.found,
      new: run.new,
      changed: run.changed,
      errors: run.errors,
      freshness_p50_seconds: run.freshnessP50Seconds,
      kind: run.kind,
      render: run.render ? 1 : 0,
      pages: run.pages,
      unchanged: run.unchanged,
      skipped: run.skipped,
      duration_ms: Math.max(0, Math.round(run.durationMs)),
      freshness_p90_seconds: run.freshnessP90Seconds,
      aborted: run.aborted ? 1 : 0,
    },
  ]);
}
