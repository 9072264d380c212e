import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/** One crawl run as source health shows it. */
export interface SourceRun {
  runId: string;
  kind: string;
  render: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pages: number;
  found: number;
  new: number;
  changed: number;
  unchanged: number;
  /** Failures by kind: dns, timeout, http_4xx, http_429, http_5xx, robots, parse, too_large, … */
  errors: Record<string, number>;
  skipped: Record<string, number>;
  /** Seconds from publication to fetch over the run's new articles (median, 90th percentile). */
  freshnessP50Seconds: number | null;
  freshnessP90Seconds: number | null;
  aborted: boolean;
}

export interface SourceHealth {
  source: string;
  /** `ok`: the last run had no errors; `degraded`: errors, but it found articles; `failing`: errors and nothing found. */
  status: 'ok' | 'degraded' | 'failing';
  lastRun: SourceRun;
  /** The last successful run (no errors), if any within the window. */
  lastOkAt: string | null;
  /** Errors by kind summed over `runs`. */
  errorTotals: Record<string, number>;
  /** Newest first. */
  runs: SourceRun[];
}

export interface SourceHealthFilter {
  /** Runs per source (newest first), 1 to 100; default 10. */
  runs?: number;
  /** Only runs that started within this many days; default 30. */
  days?: number;
  /** Only these sources; all when empty. */
  sources?: readonly string[];
}

export function buildSourceHealthQuery(filter: SourceHealthFilter = {}): BuiltQuery {
  return {
    query: `SELECT run_id, source, kind, render, started_at, finished_at, duration_ms, pages, found, new, changed,
        unchanged, errors, skipped, freshness_p50_seconds, freshness_p90_seconds, aborted
      FROM crawl_runs
      WHERE started_at >= now64(3, 'UTC') - toIntervalDay({days:UInt32})
        AND (empty({sources:Array(String)}) OR has({sources:Array(String)}, source))
      ORDER BY source ASC, started_at DESC
      LIMIT {runs:UInt32} BY source`,
    params: {
      runs: Math.min(100, Math.max(1, Math.floor(filter.runs ?? 10))),
      days: Math.max(1, Math.floor(filter.days ?? 30)),
      sources: [...(filter.sources ?? [])],
    },
  };
}

interface Row {
  run_id: string;
  source: string;
  kind: string;
  render: number | string;
  started_at: string;
  finished_at: string;
  duration_ms: number | string;
  pages: number | string;
  found: number | string;
  new: number | string;
  changed: number | string;
  unchanged: number | string;
  errors: Record<string, number | string>;
  skipped: Record<string, number | string>;
  freshness_p50_seconds: number | null;
  freshness_p90_seconds: number | null;
  aborted: number | string;
}

function counts(map: Record<string, number | string>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, Number(v)]));
}

function toRun(r: Row): SourceRun {
  return {
    runId: r.run_id,
    kind: r.kind,
    render: Number(r.render) === 1,
    startedAt: fromClickHouseTime(r.started_at),
    finishedAt: fromClickHouseTime(r.finished_at),
    durationMs: Number(r.duration_ms),
    pages: Number(r.pages),
    found: Number(r.found),
    new: Number(r.new),
    changed: Number(r.changed),
    unchanged: Number(r.unchanged),
    errors: counts(r.errors),
    skipped: counts(r.skipped),
    freshnessP50Seconds: r.freshness_p50_seconds === null ? null : Number(r.freshness_p50_seconds),
    freshnessP90Seconds: r.freshness_p90_seconds === null ? null : Number(r.freshness_p90_seconds),
    aborted: Number(r.aborted) === 1,
  };
}

/** Source health: each source's latest runs with errors by kind, durations and freshness; sources A–Z. */
export async function getSourceHealth(
  store: Store,
  filter: SourceHealthFilter = {},
): Promise<SourceHealth[]> {
  const rows = await store.query<Row>('getSourceHealth', buildSourceHealthQuery(filter));
  const bySource = new Map<string, SourceRun[]>();
  for (const row of rows) {
    const runs = bySource.get(row.source) ?? [];
    runs.push(toRun(row));
    bySource.set(row.source, runs);
  }
  return [...bySource].map(([source, runs]) => {
    const lastRun = runs[0] as SourceRun;
    const errorTotals: Record<string, number> = {};
    for (const run of runs) {
      for (const [k, n] of Object.entries(run.errors)) errorTotals[k] = (errorTotals[k] ?? 0) + n;
    }
    const failed = Object.keys(lastRun.errors).length > 0;
    return {
      source,
      status: !failed ? 'ok' : lastRun.found > 0 ? 'degraded' : 'failing',
      lastRun,
      lastOkAt: runs.find((r) => Object.keys(r.errors).length === 0)?.startedAt ?? null,
      errorTotals,
      runs,
    };
  });
}
