import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { toHour } from './getCockpitSummary.ts';

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

/** Documents per bucket (Beijing days for `day`) split by sentiment, from the hourly rollup. */
export function buildSentimentTrendQuery(f: SentimentTrendFilter): BuiltQuery {
  const bucket = f.bucket === 'day' ? "toStartOfDay(hour, 'Asia/Shanghai')" : 'hour';
  return {
    query: `SELECT toDateTime64(${bucket}, 3, 'UTC') AS time,
        uniqMergeIf(docs, sentiment = 'negative') AS negative,
        uniqMergeIf(docs, sentiment = 'neutral') AS neutral,
        uniqMergeIf(docs, sentiment = 'positive') AS positive,
        uniqMerge(docs) AS documents
      FROM documents_hourly
      WHERE hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}
      GROUP BY time
      ORDER BY time`,
    params: { fromH: toHour(f.from), toH: toHour(f.to, true) },
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
