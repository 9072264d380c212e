import type { BuiltQuery, Store } from '../store/engine.ts';

export function buildHealthCountsQuery(): BuiltQuery {
  return {
    query: `SELECT
      (SELECT uniqExact(id) FROM raw_documents) AS documents,
      (SELECT uniqExact(id) FROM documents) AS analyzed`,
    params: {},
  };
}

export async function getHealthCounts(store: Store): Promise<{ documents: number; analyzed: number }> {
  const [row] = await store.query<{ documents: number | string; analyzed: number | string }>(
    'getHealthCounts',
    buildHealthCountsQuery(),
  );
  return { documents: Number(row?.documents ?? 0), analyzed: Number(row?.analyzed ?? 0) };
}
