import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { rollupSpan, toHour } from './rollupSpan.ts';

export interface SentimentTrendFilter {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
}

export interface SentimentTrendPoint {
  time: string;
  negative: number;
  neutral: number;
  positive: number;
  documents: number;
}

/**
 * Documents per bucket split by sentiment. Hours come from the hourly rollup; Beijing days from
 * the daily rollup for whole days and the hourly rollup for the partial days at the edges.
 */
export function buildSentimentTrendQuery(f: SentimentTrendFilter): BuiltQuery {
  const fromH = toHour(f.from);
  const toH = toHour(f.to, true);
  const span =
    f.bucket === 'day'
      ? rollupSpan(fromH, toH)
      : {
          hourly: "hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}",
          daily: null,
          params: { fromH, toH },
        };
  const bucket = f.bucket === 'day' ? "toStartOfDay(hour, 'Asia/Shanghai')" : 'hour';
  const parts = [`SELECT ${bucket} AS t, sentiment, docs FROM documents_hourly WHERE ${span.hourly}`];
  if (span.daily) {
    parts.push(`SELECT toDateTime(day, 'Asia/Shanghai') AS t, value AS sentiment, docs
      FROM documents_daily WHERE dimension = 'sentiment' AND ${span.daily}`);
  }
  return {
    query: `SELECT toDateTime64(t, 3, 'UTC') AS time,
        uniqMergeIf(docs, sentiment = 'negative') AS negative,
        uniqMergeIf(docs, sentiment = 'neutral') AS neutral,
        uniqMergeIf(docs, sentiment = 'positive') AS positive,
        uniqMerge(docs) AS documents
      FROM (${parts.join('\n      UNION ALL\n      ')})
      GROUP BY time
      ORDER BY time`,
    params: span.params,
  };
}

export async function getSentimentTrend(
  store: Store,
  f: SentimentTrendFilter,
): Promise<SentimentTrendPoint[]> {
  const rows = await store.query<Record<string, string | number>>(
    'getSentimentTrend',
    buildSentimentTrendQuery(f),
  );
  return rows.map((r) => ({
    time: fromClickHouseTime(String(r.time)),
    negative: Number(r.negative),
    neutral: Number(r.neutral),
    positive: Number(r.positive),
    documents: Number(r.documents),
  }));
}
