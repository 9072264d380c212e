import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { DeliveryRecord, DeliveryStatus } from '../writes-alerts.ts';

export interface DeliveryRow {
  id: string;
  alert_id: string;
  channel_id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number | string;
  next_attempt_at: string;
  last_error: string;
  created_at: string;
  sent_at: string | null;
}

export const DELIVERY_COLUMNS =
  'id, alert_id, channel_id, kind, payload, status, attempts, next_attempt_at, last_error, created_at, sent_at';

export function deliveryFromRow(r: DeliveryRow): DeliveryRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    channelId: r.channel_id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as unknown,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: fromClickHouseTime(r.next_attempt_at),
    lastError: r.last_error,
    createdAt: fromClickHouseTime(r.created_at),
    sentAt: fromClickHouseTime(r.sent_at),
  };
}

/** Pending deliveries whose next attempt is due, oldest first. */
export function buildDueDeliveriesQuery(now: string, limit: number): BuiltQuery {
  return {
    query: `SELECT ${DELIVERY_COLUMNS}
      FROM deliveries FINAL
      WHERE status = 'pending' AND next_attempt_at <= fromUnixTimestamp64Milli({now:Int64}, 'UTC')
      ORDER BY next_attempt_at, id
      LIMIT {limit:UInt32}`,
    params: { now: Date.parse(now), limit },
  };
}

export async function getDueDeliveries(store: Store, now: string, limit = 100): Promise<DeliveryRecord[]> {
  const rows = await store.query<DeliveryRow>('getDueDeliveries', buildDueDeliveriesQuery(now, limit));
  return rows.map(deliveryFromRow);
}
