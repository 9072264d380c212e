import type { BuiltQuery, Store } from '../store/engine.ts';
import { rollupSpan, toHour } from './rollupSpan.ts';

export interface CityRankingFilter {
  from: string;
  to: string;
  /** Two digits (`44`) to rank the cities of one province; all cities when absent. */
  province?: string;
  limit: number;
}

export interface CityRank {
  /** GB/T 2260 city code, `440100`. */
  code: string;
  documents: number;
  negative: number;
}

/**
 * Cities by documents naming them: whole Beijing days from the daily rollup, the hours at the
 * edges from the hourly region rollup.
 */
export function buildCityRankingQuery(f: CityRankingFilter): BuiltQuery {
  const span = rollupSpan(toHour(f.from), toHour(f.to, true));
  const params: Record<string, unknown> = { ...span.params, limit: f.limit };
  let hourlyProvince = '';
  let dailyProvince = '';
  if (f.province) {
    hourlyProvince = 'AND startsWith(city, {province:String})';
    dailyProvince = 'AND startsWith(value, {province:String})';
    params.province = f.province;
  }
  const parts = [
    `SELECT city AS code, docs, docs AS negative_docs, sentiment = 'negative' AS neg
      FROM regions_hourly WHERE ${span.hourly} ${hourlyProvince}`,
  ];
  if (span.daily) {
    parts.push(`SELECT value AS code, docs, negative_docs, true AS neg
      FROM documents_daily WHERE dimension = 'city' AND ${span.daily} ${dailyProvince}`);
  }
  return {
    query: `SELECT code, uniqMerge(docs) AS documents, uniqMergeIf(negative_docs, neg) AS negative
      FROM (${parts.join('\n      UNION ALL\n      ')})
      GROUP BY code
      ORDER BY documents DESC, code
      LIMIT {limit:UInt32}`,
    params,
  };
}

export async function getCityRanking(store: Store, f: CityRankingFilter): Promise<CityRank[]> {
  const rows = await store.query<{ code: string; documents: number | string; negative: number | string }>(
    'getCityRanking',
    buildCityRankingQuery(f),
  );
  return rows.map((r) => ({ code: r.code, documents: Number(r.documents), negative: Number(r.negative) }));
}
