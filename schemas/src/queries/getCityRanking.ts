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
 * (migrations/0013); a document naming several cities counts in each (its first in `city`, the
 * others in `more_cities`).
 */
export function buildCityRankingQuery(f: CityRankingFilter): BuiltQuery {
  const params: Record<string, unknown> = { fromH: toHour(f.from), toH: toHour(f.to, true), limit: f.limit };
  let inProvince = '';
  if (f.province) {
    inProvince = 'AND startsWith(code, {province:String})';
    params.province = f.province;
  }
  const period = "hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}";
  const counts = "count() AS documents, countIf(sentiment = 'negative') AS negative";
  return {
    query: `SELECT code, sum(documents) AS documents, sum(negative) AS negative
      FROM (
        SELECT city AS code, ${counts} FROM document_facts FINAL
        WHERE ${period} AND city != '' ${inProvince} GROUP BY code
        UNION ALL
        SELECT arrayJoin(more_cities) AS code, ${counts} FROM document_facts FINAL
        WHERE ${period} AND notEmpty(more_cities) GROUP BY code HAVING 1 ${inProvince}
      )
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
