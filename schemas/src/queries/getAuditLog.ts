import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export interface AuditLogFilter {
  from: string;
  to: string;
  /** Exact action (`login`, `user.update`) or a prefix ending in `.` (`user.`). */
  action?: string;
  actorId?: string;
  limit: number;
  /** Entries strictly older than this time (keyset pagination). */
  before?: string;
}

export interface AuditLogEntry {
  at: string;
  actorId: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

export function buildAuditLogQuery(f: AuditLogFilter): BuiltQuery {
  const where = [
    "at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')",
    "at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')",
  ];
  const params: Record<string, unknown> = { from: Date.parse(f.from), to: Date.parse(f.to), limit: f.limit };
  if (f.action) {
    where.push(f.action.endsWith('.') ? 'startsWith(action, {action:String})' : 'action = {action:String}');
    params.action = f.action;
  }
  if (f.actorId) {
    where.push('actor_id = {actorId:String}');
    params.actorId = f.actorId;
  }
  if (f.before) {
    where.push("at < fromUnixTimestamp64Milli({before:Int64}, 'UTC')");
    params.before = Date.parse(f.before);
  }
  return {
    query: `SELECT at, actor_id, action, target, detail, ip FROM audit_log
      WHERE ${where.join(' AND ')}
      ORDER BY at DESC
      LIMIT {limit:UInt32}`,
    params,
  };
}

interface Row {
  at: string;
  actor_id: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

export async function getAuditLog(store: Store, filter: AuditLogFilter): Promise<AuditLogEntry[]> {
  const rows = await store.query<Row>('getAuditLog', buildAuditLogQuery(filter));
  return rows.map((r) => ({
    at: fromClickHouseTime(r.at),
    actorId: r.actor_id,
    action: r.action,
    target: r.target,
    detail: r.detail,
    ip: r.ip,
  }));
}
