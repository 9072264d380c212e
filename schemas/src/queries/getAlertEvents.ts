import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { AlertEventRecord } from '../writes-alerts.ts';

/** The history of one alert, oldest first. */
export function buildAlertEventsQuery(alertId: string): BuiltQuery {
  return {
    query: `SELECT alert_id, at, actor, action, from_state, to_state, detail
      FROM alert_events
      WHERE alert_id = {alertId:String}
      ORDER BY at, action`,
    params: { alertId },
  };
}

export async function getAlertEvents(store: Store, alertId: string): Promise<AlertEventRecord[]> {
  const rows = await store.query<{
    alert_id: string;
    at: string;
    actor: string;
    action: string;
    from_state: string;
    to_state: string;
    detail: string;
  }>('getAlertEvents', buildAlertEventsQuery(alertId));
  return rows.map((r) => ({
    alertId: r.alert_id,
    at: fromClickHouseTime(r.at),
    actor: r.actor,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    detail: r.detail,
  }));
}
