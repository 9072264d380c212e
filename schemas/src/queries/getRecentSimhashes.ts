import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * SimHashes and passage fingerprints of the newest analyzed originals, to rebuild the
 * near-duplicate index at start.
 */
export function buildRecentSimhashesQuery(limit: number): BuiltQuery {
  return {
    query: `SELECT id, lower(hex(simhash)) AS hash, toUnixTimestamp64Milli(event_time) AS time, passages
      FROM documents FINAL
      WHERE simhash != 0 AND duplicate_of = ''
      ORDER BY event_time DESC
      LIMIT {limit:UInt32}`,
    params: { limit },
  };
}

export async function getRecentSimhashes(
  store: Store,
  limit: number,
): Promise<Array<{ id: string; simhash: string; time: number; passages: number[] }>> {
  const rows = await store.query<{
    id: string;
    hash: string;
    time: number | string;
    passages: Array<number | string>;
  }>('getRecentSimhashes', buildRecentSimhashesQuery(limit));
  // UInt64 arrives as a string in JSON: the fingerprints stay below 2^53, so Number keeps them whole.
  return rows.map((r) => ({
    id: r.id,
    simhash: r.hash.padStart(16, '0'),
    time: Number(r.time),
    passages: r.passages.map(Number),
  }));
}
