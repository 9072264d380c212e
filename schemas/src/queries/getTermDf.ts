import type { BuiltQuery, Store } from '../store/engine.ts';

/** Corpus document frequencies of words seen at least `minDf` times, and the corpus size. */
export function buildTermDfQuery(minDf: number): BuiltQuery {
  return {
    query: `SELECT term, sum(df) AS df FROM term_df GROUP BY term HAVING df >= {minDf:UInt64}
      UNION ALL
      SELECT '' AS term, sum(value) AS df FROM corpus_stats WHERE key = 'documents'`,
    params: { minDf },
  };
}

export async function getTermDf(
  store: Store,
  minDf = 2,
): Promise<{ terms: Map<string, number>; documents: number }> {
  const rows = await store.query<{ term: string; df: number | string }>('getTermDf', buildTermDfQuery(minDf));
  const terms = new Map<string, number>();
  let documents = 0;
  for (const r of rows) {
    if (r.term === '') documents = Number(r.df);
    else terms.set(r.term, Number(r.df));
  }
  return { terms, documents };
}
