import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export interface ReportRun {
  scheduleId: string;
  /** The report's date (`YYYY-MM-DD`, Beijing) as the scheduler asked for it. */
  periodDate: string;
  kind: string;
  state: 'generated' | 'delivered' | 'failed';
  title: string;
  files: string[];
  documents: number;
  delivered: string[];
  error: string;
  startedAt: string;
  finishedAt: string;
}

/** The newest runs first; `latestPerSchedule` keeps one run (the newest period) per schedule. */
export function buildReportRunsQuery(filter: { limit: number; latestPerSchedule?: boolean }): BuiltQuery {
  return {
    query: `SELECT schedule_id, period_date, kind, state, title, files, documents, delivered, error, started_at, finished_at
      FROM report_runs FINAL
      ORDER BY period_date DESC, schedule_id
      ${filter.latestPerSchedule ? 'LIMIT 1 BY schedule_id' : ''}
      LIMIT {limit:UInt32}`,
    params: { limit: filter.limit },
  };
}

export async function getReportRuns(
  store: Store,
  filter: { limit: number; latestPerSchedule?: boolean },
): Promise<ReportRun[]> {
  const rows = await store.query<Record<string, unknown>>('getReportRuns', buildReportRunsQuery(filter));
  return rows.map((r) => ({
    scheduleId: String(r.schedule_id),
    periodDate: String(r.period_date),
    kind: String(r.kind),
    state: String(r.state) as ReportRun['state'],
    title: String(r.title),
    files: r.files as string[],
    documents: Number(r.documents),
    delivered: r.delivered as string[],
    error: String(r.error),
    startedAt: fromClickHouseTime(String(r.started_at)),
    finishedAt: fromClickHouseTime(String(r.finished_at)),
  }));
}
