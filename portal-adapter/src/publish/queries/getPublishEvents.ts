import { type BuiltQuery, fromClickHouseTime, type Store } from '@yuqing/schemas';
import type { PublishEvent } from '../types.ts';

/** A draft's audit trail, oldest first. */
export function buildPublishEventsQuery(draftId: string): BuiltQuery {
  return {
    query: `SELECT draft_id, at, actor, action, from_state, to_state, detail
      FROM publish_events WHERE draft_id = {draftId:String} ORDER BY at, action`,
    params: { draftId },
  };
}

interface Row {
  draft_id: string;
  at: string;
  actor: string;
  action: string;
  from_state: string;
  to_state: string;
  detail: string;
}

export async function getPublishEvents(store: Store, draftId: string): Promise<PublishEvent[]> {
  const rows = await store.query<Row>('getPublishEvents', buildPublishEventsQuery(draftId));
  return rows.map((r) => ({
    draftId: r.draft_id,
    at: fromClickHouseTime(r.at),
    actor: r.actor,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    detail: r.detail,
  }));
}
