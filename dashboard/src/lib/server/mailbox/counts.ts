import type { BuiltQuery, Store } from '@yuqing/schemas';

/** Letters per state within the owner departments, and how many open ones are past their deadline. */
export function buildLetterCountsQuery(ownerDepartmentIds: readonly string[], now: string): BuiltQuery {
  return {
    query: `SELECT state, count() AS n,
        countIf(state IN ('received', 'assigned', 'replying') AND deadline_at < fromUnixTimestamp64Milli({now:Int64}, 'UTC')) AS overdue
      FROM letters FINAL
      WHERE owner_department_id IN {owners:Array(String)}
      GROUP BY state`,
    params: { owners: ownerDepartmentIds, now: Date.parse(now) },
  };
}

export interface LetterCounts {
  byState: Record<string, number>;
  overdue: number;
  total: number;
}

export async function getLetterCounts(
  store: Store,
  ownerDepartmentIds: readonly string[],
  now = new Date().toISOString(),
): Promise<LetterCounts> {
  const rows = await store.query<{ state: string; n: number | string; overdue: number | string }>(
    'getLetterCounts',
    buildLetterCountsQuery(ownerDepartmentIds, now),
  );
  const byState: Record<string, number> = {};
  let overdue = 0;
  let total = 0;
  for (const r of rows) {
    byState[r.state] = Number(r.n);
    overdue += Number(r.overdue);
    total += Number(r.n);
  }
  return { byState, overdue, total };
}
