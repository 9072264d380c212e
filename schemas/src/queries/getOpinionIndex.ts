import type { BuiltQuery, Store } from '../store/engine.ts';
import type { IndexKind } from '../writes-index.ts';

/** The current opinion index of some documents, topics or events, with its parts. */
export interface OpinionIndexValue {
  kind: IndexKind;
  id: string;
  score: number;
  level: string;
  parts: Record<string, number>;
  computedAt: number;
}

export function buildOpinionIndexQuery(kind: IndexKind, ids: readonly string[]): BuiltQuery {
  return {
    query: `SELECT kind, id, score, level, parts, toUnixTimestamp64Milli(computed_at) AS computed_at
      FROM opinion_index
      WHERE kind = {kind:String} AND id IN {ids:Array(String)}
      ORDER BY computed_at DESC
      LIMIT 1 BY id`,
    params: { kind, ids },
  };
}

export async function getOpinionIndex(
  store: Store,
  kind: IndexKind,
  ids: readonly string[],
): Promise<Map<string, OpinionIndexValue>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{
    kind: IndexKind;
    id: string;
    score: number;
    level: string;
    parts: Record<string, number>;
    computed_at: number | string;
  }>('getOpinionIndex', buildOpinionIndexQuery(kind, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        kind: r.kind,
        id: r.id,
        score: Number(r.score),
        level: r.level,
        parts: Object.fromEntries(Object.entries(r.parts).map(([k, v]) => [k, Number(v)])),
        computedAt: Number(r.computed_at),
      },
    ]),
  );
}
