import type { BuiltQuery, Store } from '../store/engine.ts';
import { ALERT_LEVELS, ALERT_STATES, type AlertLevel, type AlertState } from '../writes-alerts.ts';

/** Alert counts for a reader's departments: by state, and the unread (`new`) ones by level. */
export interface AlertSummary {
  byState: Record<AlertState, number>;
  unreadByLevel: Record<AlertLevel, number>;
  unread: number;
}

export function buildAlertSummaryQuery(departmentIds: readonly string[]): BuiltQuery {
  return {
    query: `SELECT if(s.state = '', 'new', s.state) AS state, a.level AS level, count() AS n
      FROM (SELECT id, level FROM alerts FINAL WHERE has({departments:Array(String)}, department_id)) AS a
      LEFT JOIN (SELECT id, state FROM alert_status FINAL) AS s ON s.id = a.id
      GROUP BY state, level`,
    params: { departments: departmentIds },
  };
}

export async function getAlertSummary(store: Store, departmentIds: readonly string[]): Promise<AlertSummary> {
  const byState = Object.fromEntries(ALERT_STATES.map((s) => [s, 0])) as Record<AlertState, number>;
  const unreadByLevel = Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
  if (departmentIds.length === 0) return { byState, unreadByLevel, unread: 0 };
  const rows = await store.query<{ state: string; level: string; n: number | string }>(
    'getAlertSummary',
    buildAlertSummaryQuery(departmentIds),
  );
  for (const r of rows) {
    const n = Number(r.n);
    if (r.state in byState) byState[r.state as AlertState] += n;
    if (r.state === 'new' && r.level in unreadByLevel) unreadByLevel[r.level as AlertLevel] += n;
  }
  return { byState, unreadByLevel, unread: byState.new };
}
