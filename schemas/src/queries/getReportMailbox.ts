import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * Mailbox statistics for a report (领导信箱 / 网上信访 / 民意征集) from the `letters` table of the
 * mailbox migration. The report must work before that table exists or while it is empty, and the
 * table is versioned rows, so the columns used are looked up first and chosen from fixed
 * candidate lists (identifiers never come from input).
 */
const CANDIDATES = {
  time: ['received_at', 'created_at'],
  category: ['category', 'category_l1'],
  department: ['department_name', 'department', 'department_id', 'assigned_department'],
  state: ['state', 'status'],
  deadline: ['deadline', 'due_at', 'deadline_at'],
  owner: ['owner_department_id'],
} as const;
type Role = keyof typeof CANDIDATES;
const CLOSED_STATES = ['replied', 'closed'];

export interface MailboxCount {
  key: string;
  letters: number;
}

export type ReportMailbox =
  | { available: false; reason: 'no-table' | 'no-columns' | 'no-owner' }
  | {
      available: true;
      received: number;
      overdue: number | null;
      byCategory: MailboxCount[];
      byDepartment: MailboxCount[];
      byState: MailboxCount[];
    };

export const buildMailboxColumnsQuery = (): BuiltQuery => ({
  query: `SELECT t.engine AS engine, c.name AS name
    FROM system.tables AS t LEFT JOIN system.columns AS c ON c.database = t.database AND c.table = t.name
    WHERE t.database = currentDatabase() AND t.name = 'letters'`,
  params: {},
});

export type MailboxColumns = Partial<Record<Role, string>> & { final: boolean };

/** Picks the first candidate of each role that the table has. */
export function mailboxColumns(rows: ReadonlyArray<{ engine: string; name: string }>): MailboxColumns | null {
  if (rows.length === 0) return null;
  const names = new Set(rows.map((r) => r.name));
  const out: MailboxColumns = { final: /Replacing|Collapsing/.test(rows[0]?.engine ?? '') };
  for (const role of Object.keys(CANDIDATES) as Role[]) {
    const found = CANDIDATES[role].find((c) => names.has(c));
    if (found) out[role] = found;
  }
  return out;
}

/** One query per grouping; `group` is a column picked by `mailboxColumns`. */
export function buildMailboxQuery(
  cols: MailboxColumns,
  from: string,
  to: string,
  group: string,
  now: string,
  departments?: readonly string[],
): BuiltQuery {
  const time = cols.time as string;
  const overdue =
    cols.deadline && cols.state
      ? `countIf(${cols.deadline} < fromUnixTimestamp64Milli({now:Int64}, 'UTC') AND ${cols.state} NOT IN {closed:Array(String)})`
      : 'toUInt64(0)';
  return {
    query: `SELECT ${group ? `toString(${group})` : "''"} AS key, count() AS letters, ${overdue} AS overdue
      FROM letters ${cols.final ? 'FINAL' : ''}
      WHERE ${time} >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ${time} < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        ${departments && cols.owner ? `AND ${cols.owner} IN {departments:Array(String)}` : ''}
      GROUP BY key
      ORDER BY letters DESC, key
      LIMIT 20`,
    params: {
      from: Date.parse(from),
      to: Date.parse(to),
      now: Date.parse(now),
      closed: CLOSED_STATES,
      departments: departments ? [...departments] : [],
    },
  };
}

export async function getReportMailbox(
  store: Store,
  from: string,
  to: string,
  now = new Date().toISOString(),
  /** Only letters owned by these departments (letters are private to departments); all when absent. */
  departments?: readonly string[],
): Promise<ReportMailbox> {
  const cols = mailboxColumns(
    await store.query<{ engine: string; name: string }>(
      'getReportMailbox.columns',
      buildMailboxColumnsQuery(),
    ),
  );
  if (!cols) return { available: false, reason: 'no-table' };
  if (!cols.time) return { available: false, reason: 'no-columns' };
  if (departments && !cols.owner) return { available: false, reason: 'no-owner' };
  const run = async (group: string | undefined) => {
    if (group === undefined) return [];
    const rows = await store.query<{ key: string; letters: number | string; overdue: number | string }>(
      'getReportMailbox',
      buildMailboxQuery(cols, from, to, group, now, departments),
    );
    return rows.map((r) => ({ key: r.key, letters: Number(r.letters), overdue: Number(r.overdue) }));
  };
  const [total] = await run('');
  const [byCategory, byDepartment, byState] = await Promise.all([
    run(cols.category),
    run(cols.department),
    run(cols.state),
  ]);
  const strip = (rows: Array<{ key: string; letters: number }>) =>
    rows.map(({ key, letters }) => ({ key: key || '未分类', letters }));
  return {
    available: true,
    received: total?.letters ?? 0,
    overdue: cols.deadline && cols.state ? (total?.overdue ?? 0) : null,
    byCategory: strip(byCategory),
    byDepartment: strip(byDepartment),
    byState: strip(byState),
  };
}
