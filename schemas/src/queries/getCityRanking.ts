import type { BuiltQuery, Store } from '../store/engine.ts';
import { toHour } from './getCockpitSummary.ts';

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
 * Cities by documents naming them: counts of the per-document rows of document_facts
 * (migrations/0013); a document naming several cities counts in each.
 */
export function buildCityRankingQuery(f: CityRankingFilter): BuiltQuery {
  const params: Record<string, unknown> = { fromH: toHour(f.from), toH: toHour(f.to, true), limit: f.limit };
  let cities = 'cities';
  if (f.province) {
    cities = 'arrayFilter(c -> startsWith(c, {province:String}), cities)';
    params.province = f.province;
  }
  return {
    query: `SELECT arrayJoin(${cities}) AS code, count() AS documents, countIf(sentiment = 'negative') AS negative
      FROM document_facts FINAL
      WHERE hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')} AND notEmpty(cities)
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
