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

/**
 * Documents per bucket (Beijing days for `day`) split by sentiment: counts of the per-document
 * rows of document_facts (migrations/0013).
 */
export function buildSentimentTrendQuery(f: SentimentTrendFilter): BuiltQuery {
  const bucket = f.bucket === 'day' ? "toStartOfDay(hour, 'Asia/Shanghai')" : 'hour';
  return {
    query: `SELECT toDateTime64(${bucket}, 3, 'UTC') AS time,
        countIf(sentiment = 'negative') AS negative,
        countIf(sentiment = 'neutral') AS neutral,
        countIf(sentiment = 'positive') AS positive,
        count() AS documents
      FROM document_facts FINAL
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
