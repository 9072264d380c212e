import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { DeliveryAttemptRecord, DeliveryRecord } from '../writes-alerts.ts';
import { DELIVERY_COLUMNS, type DeliveryRow, deliveryFromRow } from './getDueDeliveries.ts';

export interface DeliveryLog {
  deliveries: DeliveryRecord[];
  attempts: DeliveryAttemptRecord[];
}

/** The deliveries of one alert (current state) and every attempt, oldest first. */
export function buildDeliveryLogQueries(alertId: string): { deliveries: BuiltQuery; attempts: BuiltQuery } {
  return {
    deliveries: {
      query: `SELECT ${DELIVERY_COLUMNS} FROM deliveries FINAL WHERE alert_id = {alertId:String} ORDER BY created_at, id`,
      params: { alertId },
    },
    attempts: {
      query: `SELECT delivery_id, alert_id, channel_id, attempt, at, ok, status_code, error, duration_ms
        FROM delivery_attempts WHERE alert_id = {alertId:String} ORDER BY at, delivery_id, attempt`,
      params: { alertId },
    },
  };
}

export async function getDeliveryLog(store: Store, alertId: string): Promise<DeliveryLog> {
  const built = buildDeliveryLogQueries(alertId);
  const [deliveries, attempts] = await Promise.all([
    store.query<DeliveryRow>('getDeliveryLog.deliveries', built.deliveries),
    store.query<{
      delivery_id: string;
      alert_id: string;
      channel_id: string;
      attempt: number | string;
      at: string;
      ok: number;
      status_code: number | string;
      error: string;
      duration_ms: number | string;
    }>('getDeliveryLog.attempts', built.attempts),
  ]);
  return {
    deliveries: deliveries.map(deliveryFromRow),
    attempts: attempts.map((a) => ({
      deliveryId: a.delivery_id,
      alertId: a.alert_id,
      channelId: a.channel_id,
      attempt: Number(a.attempt),
      at: fromClickHouseTime(a.at),
      ok: Number(a.ok) === 1,
      statusCode: Number(a.status_code),
      error: a.error,
      durationMs: Number(a.duration_ms),
    })),
  };
}
