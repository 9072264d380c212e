import { type BuiltQuery, fromClickHouseTime, type Store } from '@yuqing/schemas';

export type PublicationStatus = 'pending' | 'published' | 'failed' | 'withdrawn' | 'withdraw_failed';

export interface Publication {
  draftId: string;
  targetId: string;
  idempotencyKey: string;
  remoteId: string;
  remoteUrl: string;
  status: PublicationStatus;
  attempts: number;
  lastError: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  version: number;
}

export function buildPublicationsQuery(draftId: string): BuiltQuery {
  return {
    query: `SELECT draft_id, target_id, idempotency_key, remote_id, remote_url, status, attempts, last_error,
        published_at, withdrawn_at, version
      FROM publications FINAL WHERE draft_id = {draftId:String} ORDER BY target_id`,
    params: { draftId },
  };
}

interface Row {
  draft_id: string;
  target_id: string;
  idempotency_key: string;
  remote_id: string;
  remote_url: string;
  status: string;
  attempts: number;
  last_error: string;
  published_at: string | null;
  withdrawn_at: string | null;
  version: string | number;
}

export async function getPublications(store: Store, draftId: string): Promise<Publication[]> {
  const rows = await store.query<Row>('getPublications', buildPublicationsQuery(draftId));
  return rows.map((r) => ({
    draftId: r.draft_id,
    targetId: r.target_id,
    idempotencyKey: r.idempotency_key,
    remoteId: r.remote_id,
    remoteUrl: r.remote_url,
    status: r.status as PublicationStatus,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    publishedAt: fromClickHouseTime(r.published_at),
    withdrawnAt: fromClickHouseTime(r.withdrawn_at),
    version: Number(r.version),
  }));
}
