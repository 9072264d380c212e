import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { REPORT_SENSITIVE_SCORE, type ReportScope, reportWhere } from './getReportOverview.ts';

export interface ReportTrendPoint {
  /** Start of the bucket (an hour, or a Beijing calendar day), ISO. */
  time: string;
  documents: number;
  negative: number;
  sensitive: number;
}

/** Documents per hour or Beijing day of a report's scope, with the negative and sensitive ones. */
export function buildReportTrendQuery(scope: ReportScope, bucket: 'hour' | 'day'): BuiltQuery {
  const { where, params } = reportWhere(scope);
  const time = bucket === 'day' ? "toStartOfDay(event_time, 'Asia/Shanghai')" : 'toStartOfHour(event_time)';
  return {
    query: `SELECT toDateTime64(${time}, 3, 'UTC') AS time, count() AS documents,
        countIf(sentiment_label = 'negative') AS negative,
        countIf(sensitivity_score >= {sensitive:UInt8}) AS sensitive
      FROM documents FINAL
      WHERE ${where.join(' AND ')}
      GROUP BY time
      ORDER BY time`,
    params: { ...params, sensitive: REPORT_SENSITIVE_SCORE },
  };
}

export async function getReportTrend(
  store: Store,
  scope: ReportScope,
  bucket: 'hour' | 'day',
): Promise<ReportTrendPoint[]> {
  const rows = await store.query<Record<string, string | number>>(
    'getReportTrend',
    buildReportTrendQuery(scope, bucket),
  );
  return rows.map((r) => ({
    time: fromClickHouseTime(String(r.time)),
    documents: Number(r.documents),
    negative: Number(r.negative),
    sensitive: Number(r.sensitive),
  }));
}
