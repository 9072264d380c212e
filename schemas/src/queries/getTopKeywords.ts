import type { BuiltQuery, Store } from '../store/engine.ts';

export interface TopKeywordsFilter {
  /** Beijing calendar days, `YYYY-MM-DD`, both inclusive. */
  fromDay: string;
  toDay: string;
  limit: number;
}

export interface KeywordCount {
  keyword: string;
  documents: number;
}

/** The most frequent document keywords over some days, from the daily keyword rollup. */
export function buildTopKeywordsQuery(f: TopKeywordsFilter): BuiltQuery {
  return {
    query: `SELECT keyword, sum(docs) AS documents
      FROM keywords_daily
      WHERE day >= {fromDay:Date} AND day <= {toDay:Date}
      GROUP BY keyword
      ORDER BY documents DESC, keyword
      LIMIT {limit:UInt32}`,
    params: { fromDay: f.fromDay, toDay: f.toDay, limit: f.limit },
  };
}

export async function getTopKeywords(store: Store, f: TopKeywordsFilter): Promise<KeywordCount[]> {
  const rows = await store.query<{ keyword: string; documents: number | string }>(
    'getTopKeywords',
    buildTopKeywordsQuery(f),
  );
  return rows.map((r) => ({ keyword: r.keyword, documents: Number(r.documents) }));
}
