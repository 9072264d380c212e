import { type Store, toClickHouseTime } from '@yuqing/schemas';
import type { PublicationStatus } from './queries/getPublications.ts';
import type { Draft, TargetKind } from './types.ts';

/** A draft's new version: the current row and the kept history, written together. */
export async function writeDraft(store: Store, d: Draft): Promise<void> {
  await store.insert('publish_drafts', [
    {
      id: d.id,
      document_id: d.documentId,
      department_id: d.departmentId,
      column_id: d.column,
      title: d.title,
      summary: d.summary,
      body: d.body,
      source_url: d.source.url,
      source_site: d.source.site,
      source_name: d.source.name,
      source_published_at: toClickHouseTime(d.source.publishedAt),
      state: d.state,
      created_by: d.createdBy,
      created_at: toClickHouseTime(d.createdAt),
      updated_by: d.updatedBy,
      updated_at: toClickHouseTime(d.updatedAt),
      submitted_by: d.submittedBy,
      approved_by: d.approvedBy,
      published_at: toClickHouseTime(d.publishedAt),
      version: d.version,
    },
  ]);
  await store.insert('publish_draft_versions', [
    {
      id: d.id,
      version: d.version,
      state: d.state,
      column_id: d.column,
      title: d.title,
      summary: d.summary,
      body: d.body,
      updated_by: d.updatedBy,
      updated_at: toClickHouseTime(d.updatedAt),
    },
  ]);
}

export interface PublishEventInput {
  draftId: string;
  actor: string;
  action: string;
  fromState?: string;
  toState?: string;
  detail?: string;
}

export function writePublishEvent(store: Store, e: PublishEventInput): Promise<void> {
  return store.insert('publish_events', [
    {
      draft_id: e.draftId,
      at: Date.now(),
      actor: e.actor,
      action: e.action,
      from_state: e.fromState ?? '',
      to_state: e.toState ?? '',
      detail: e.detail ?? '',
    },
  ]);
}

export interface PublicationInput {
  draftId: string;
  targetId: string;
  idempotencyKey: string;
  remoteId?: string;
  remoteUrl?: string;
  status: PublicationStatus;
  attempts: number;
  lastError?: string;
  publishedAt?: string | null;
  withdrawnAt?: string | null;
}

/** Versions by the clock, doubled so a later write in the same millisecond still wins. */
let lastVersion = 0;
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 2);
  return lastVersion;
}

export function writePublication(store: Store, p: PublicationInput): Promise<void> {
  return store.insert('publications', [
    {
      draft_id: p.draftId,
      target_id: p.targetId,
      idempotency_key: p.idempotencyKey,
      remote_id: p.remoteId ?? '',
      remote_url: p.remoteUrl ?? '',
      status: p.status,
      attempts: p.attempts,
      last_error: (p.lastError ?? '').slice(0, 1000),
      published_at: toClickHouseTime(p.publishedAt ?? null),
      withdrawn_at: toClickHouseTime(p.withdrawnAt ?? null),
      version: nextVersion(),
    },
  ]);
}

export interface PublishTargetInput {
  id: string;
  name: string;
  kind: TargetKind;
  columns: readonly string[];
  config: Record<string, unknown>;
  enabled: boolean;
  deleted?: boolean;
}

export function writePublishTarget(store: Store, t: PublishTargetInput): Promise<void> {
  return store.insert('publish_targets', [
    {
      id: t.id,
      name: t.name,
      kind: t.kind,
      columns: t.columns,
      config: JSON.stringify(t.config),
      enabled: t.enabled ? 1 : 0,
      deleted: t.deleted ? 1 : 0,
      version: nextVersion(),
    },
  ]);
}

export interface FeedEntryInput {
  targetId: string;
  column: string;
  key: string;
  draftId: string;
  title: string;
  summary: string;
  content: string;
  link: string;
  sourceName: string;
  sourceUrl: string;
  publishedAt: string;
  updatedAt: string;
  withdrawn: boolean;
}

export function writeFeedEntry(store: Store, e: FeedEntryInput): Promise<void> {
  return store.insert('feed_entries', [
    {
      target_id: e.targetId,
      column_id: e.column,
      entry_key: e.key,
      draft_id: e.draftId,
      title: e.title,
      summary: e.summary,
      content: e.content,
      link: e.link,
      source_name: e.sourceName,
      source_url: e.sourceUrl,
      published_at: toClickHouseTime(e.publishedAt),
      updated_at: toClickHouseTime(e.updatedAt),
      withdrawn: e.withdrawn ? 1 : 0,
      version: nextVersion(),
    },
  ]);
}
