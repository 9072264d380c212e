import { type BuiltQuery, fromClickHouseTime, type Store } from '@yuqing/schemas';

export interface DueLetter {
  id: string;
  title: string;
  department: string;
  state: string;
  urgency: string;
  deadlineAt: string;
  /** Negative when overdue. */
  hoursLeft: number;
  overdue: boolean;
}

const OPEN_STATES = ['received', 'assigned', 'replying'];

/**
 * Open letters (not yet answered) whose deadline has passed or falls within `withinHours` of
 * `now`: the reminder list, overdue first, then by deadline.
 */
export function buildDueLettersQuery(
  now: string,
  withinHours: number,
  ownerDepartmentIds?: readonly string[],
): BuiltQuery {
  return {
    query: `SELECT id, title, department, state, urgency, deadline_at,
        dateDiff('second', fromUnixTimestamp64Milli({now:Int64}, 'UTC'), deadline_at) / 3600 AS hours_left
      FROM letters FINAL
      WHERE state IN {open:Array(String)}
        AND deadline_at <= fromUnixTimestamp64Milli({now:Int64}, 'UTC') + toIntervalSecond({within:UInt32})
        ${ownerDepartmentIds ? 'AND owner_department_id IN {owners:Array(String)}' : ''}
      ORDER BY deadline_at, id`,
    params: {
      now: Date.parse(now),
      within: Math.round(withinHours * 3600),
      open: OPEN_STATES,
      ...(ownerDepartmentIds ? { owners: ownerDepartmentIds } : {}),
    },
  };
}

export async function getDueLetters(
  store: Store,
  options: { now?: string; withinHours?: number; ownerDepartmentIds?: readonly string[] } = {},
): Promise<DueLetter[]> {
  const rows = await store.query<{
    id: string;
    title: string;
    department: string;
    state: string;
    urgency: string;
    deadline_at: string;
    hours_left: number;
  }>(
    'getDueLetters',
    buildDueLettersQuery(
      options.now ?? new Date().toISOString(),
      options.withinHours ?? 24,
      options.ownerDepartmentIds,
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    department: r.department,
    state: r.state,
    urgency: r.urgency,
    deadlineAt: fromClickHouseTime(r.deadline_at),
    hoursLeft: Math.round(Number(r.hours_left) * 10) / 10,
    overdue: Number(r.hours_left) < 0,
  }));
}
