import type { BuiltQuery, Store } from '../store/engine.ts';
import type { IndexKind } from '../writes-index.ts';

/** How many documents, topics or events stand at each warning level now ('' is below blue). */
export function buildOpinionIndexDistributionQuery(kind: IndexKind, since?: number): BuiltQuery {
  const params: Record<string, unknown> = { kind };
  let time = '';
  if (since !== undefined) {
    time = "AND computed_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')";
    params.since = since;
  }
  return {
    query: `SELECT level, count() AS n, avg(score) AS avg_score FROM (
        SELECT id, argMax(level, computed_at) AS level, argMax(score, computed_at) AS score
        FROM opinion_index WHERE kind = {kind:String} ${time} GROUP BY id)
      GROUP BY level ORDER BY level`,
    params,
  };
}

export async function getOpinionIndexDistribution(
  store: Store,
  kind: IndexKind,
  since?: number,
): Promise<Record<'' | 'blue' | 'yellow' | 'orange' | 'red', number>> {
  const rows = await store.query<{ level: string; n: number | string }>(
    'getOpinionIndexDistribution',
    buildOpinionIndexDistributionQuery(kind, since),
  );
  const out = { '': 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const r of rows) if (r.level in out) out[r.level as keyof typeof out] = Number(r.n);
  return out;
}
