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
  // A bucket is either a whole day (daily rollup) or lies in the edges (hourly rollup), never both.
  const parts = [
    `SELECT toDateTime64(${bucket}, 3, 'UTC') AS time,
        uniqMergeIf(docs, sentiment = 'negative') AS negative,
        uniqMergeIf(docs, sentiment = 'neutral') AS neutral,
        uniqMergeIf(docs, sentiment = 'positive') AS positive,
        uniqMerge(docs) AS documents
      FROM documents_hourly WHERE ${span.hourly}
      GROUP BY time`,
  ];
  if (span.daily) {
    parts.push(`SELECT toDateTime64(toDateTime(day, 'Asia/Shanghai'), 3, 'UTC') AS time,
        uniqCombinedMergeIf(17)(docs, dimension = 'sentiment' AND value = 'negative') AS negative,
        uniqCombinedMergeIf(17)(docs, dimension = 'sentiment' AND value = 'neutral') AS neutral,
        uniqCombinedMergeIf(17)(docs, dimension = 'sentiment' AND value = 'positive') AS positive,
        uniqCombinedMergeIf(17)(docs, dimension = 'all') AS documents
      FROM documents_daily WHERE dimension IN ('all', 'sentiment') AND ${span.daily}
      GROUP BY time`);
  }
  return {
    query: `SELECT time, negative, neutral, positive, documents
      FROM (${parts.join('\n      UNION ALL\n      ')})
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
