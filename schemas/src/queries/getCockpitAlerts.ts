import type { BuiltQuery, Store } from '../store/engine.ts';
import { ALERT_LEVELS, type AlertLevel } from '../writes-alerts.ts';
import { type CockpitPeriod, periodParams } from './getCockpitIndex.ts';

/**
 * Alerts of a reader's departments raised in the cockpit period, by level: all of them, and those
 * still open (not resolved). Alerts are private to departments, so the caller passes the scope.
 */
export interface CockpitAlerts {
  byLevel: Record<AlertLevel, number>;
  openByLevel: Record<AlertLevel, number>;
  total: number;
  open: number;
}

export function buildCockpitAlertsQuery(p: CockpitPeriod, departmentIds: readonly string[]): BuiltQuery {
  return {
    query: `SELECT a.level AS level, countIf(s.state != 'resolved') AS open, count() AS n
      FROM (SELECT id, level FROM alerts FINAL
        WHERE has({departments:Array(String)}, department_id)
          AND alerted_at >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
          AND alerted_at < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')) AS a
      LEFT JOIN (SELECT id, state FROM alert_status FINAL) AS s ON s.id = a.id
      GROUP BY level`,
    params: { ...periodParams(p), departments: departmentIds },
  };
}

export async function getCockpitAlerts(
  store: Store,
  p: CockpitPeriod,
  departmentIds: readonly string[],
): Promise<CockpitAlerts> {
  const zero = () => Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
  const out: CockpitAlerts = { byLevel: zero(), openByLevel: zero(), total: 0, open: 0 };
  if (departmentIds.length === 0) return out;
  const rows = await store.query<{ level: string; open: number | string; n: number | string }>(
    'getCockpitAlerts',
    buildCockpitAlertsQuery(p, departmentIds),
  );
  for (const r of rows) {
    if (!(r.level in out.byLevel)) continue;
    out.byLevel[r.level as AlertLevel] += Number(r.n);
    out.openByLevel[r.level as AlertLevel] += Number(r.open);
    out.total += Number(r.n);
    out.open += Number(r.open);
  }
  return out;
}
