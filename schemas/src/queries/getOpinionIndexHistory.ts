import type { BuiltQuery, Store } from '../store/engine.ts';
import type { IndexKind } from '../writes-index.ts';

/** How a topic's or event's index moved over time (one point per stored computation). */
export function buildOpinionIndexHistoryQuery(kind: IndexKind, id: string, limit: number): BuiltQuery {
  return {
    query: `SELECT toUnixTimestamp64Milli(computed_at) AS at, score, level FROM opinion_index
      WHERE kind = {kind:String} AND id = {id:String}
      ORDER BY computed_at DESC LIMIT {limit:UInt32}`,
    params: { kind, id, limit },
  };
}

export async function getOpinionIndexHistory(
  store: Store,
  kind: IndexKind,
  id: string,
  limit = 500,
): Promise<Array<{ at: number; score: number; level: string }>> {
  const rows = await store.query<{ at: number | string; score: number; level: string }>(
    'getOpinionIndexHistory',
    buildOpinionIndexHistoryQuery(kind, id, limit),
  );
  return rows.map((r) => ({ at: Number(r.at), score: Number(r.score), level: r.level })).reverse();
}
