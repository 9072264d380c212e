import type { BuiltQuery, Store } from '@yuqing/schemas';

export interface DepartmentMailboxStats {
  department: string;
  received: number;
  /** Not yet answered. */
  open: number;
  replied: number;
  closed: number;
  /** Open past the deadline, or answered after it. */
  overdue: number;
  /** Answered in time / answered. */
  onTimeRate: number | null;
  /** Mean hours from receipt to reply over answered letters. */
  meanReplyHours: number | null;
}

/** Letters received in [from, to) per responsible department, most letters first. */
export function buildMailboxStatsQuery(
  from: string,
  to: string,
  now: string,
  ownerDepartmentIds?: readonly string[],
): BuiltQuery {
  return {
    query: `SELECT department,
        count() AS received,
        countIf(state IN ('received', 'assigned', 'replying')) AS open,
        countIf(state = 'replied') AS replied,
        countIf(state = 'closed') AS closed,
        countIf((replied_at IS NULL AND state != 'closed' AND deadline_at < fromUnixTimestamp64Milli({now:Int64}, 'UTC'))
          OR (replied_at IS NOT NULL AND replied_at > deadline_at)) AS overdue,
        countIf(replied_at IS NOT NULL) AS answered,
        countIf(replied_at IS NOT NULL AND replied_at <= deadline_at) AS on_time,
        avgIf(dateDiff('second', received_at, assumeNotNull(replied_at)) / 3600, replied_at IS NOT NULL) AS mean_reply_hours
      FROM letters FINAL
      WHERE received_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND received_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        ${ownerDepartmentIds ? 'AND owner_department_id IN {owners:Array(String)}' : ''}
      GROUP BY department
      ORDER BY received DESC, department`,
    params: {
      from: Date.parse(from),
      to: Date.parse(to),
      now: Date.parse(now),
      ...(ownerDepartmentIds ? { owners: ownerDepartmentIds } : {}),
    },
  };
}

export async function getMailboxStats(
  store: Store,
  options: { from: string; to: string; now?: string; ownerDepartmentIds?: readonly string[] },
): Promise<DepartmentMailboxStats[]> {
  const rows = await store.query<Record<string, number | string>>(
    'getMailboxStats',
    buildMailboxStatsQuery(
      options.from,
      options.to,
      options.now ?? new Date().toISOString(),
      options.ownerDepartmentIds,
    ),
  );
  return rows.map((r) => {
    const answered = Number(r.answered);
    const mean = Number(r.mean_reply_hours);
    return {
      department: String(r.department),
      received: Number(r.received),
      open: Number(r.open),
      replied: Number(r.replied),
      closed: Number(r.closed),
      overdue: Number(r.overdue),
      onTimeRate: answered ? Math.round((Number(r.on_time) / answered) * 1000) / 1000 : null,
      meanReplyHours: answered && Number.isFinite(mean) ? Math.round(mean * 10) / 10 : null,
    };
  });
}
