import { toClickHouseTime } from './records.ts';
import type { Store } from './store/engine.ts';
import { nextVersion } from './writes-admin.ts';

/**
 * Sources managed from the dashboard (migration 0012). `managed_sources` keeps one row per change
 * (the newest `updated_at` wins); `source_run_requests` is an append-only log of "run now" clicks.
 * The crawler merges these with the sources file: ids defined in the file win.
 */

export interface ManagedSourceChange {
  id: string;
  /**
   * One source entry, the same shape as an entry of config/sources.yaml. The caller validates it
   * with `SourceSchema` from `@yuqing/crawler`; the crawler validates it again when it reads it.
   */
  definition: unknown;
  enabled: boolean;
  /** Who made the change (user id), for the audit trail. */
  updatedBy: string;
}

export interface ManagedSourceRecord extends ManagedSourceChange {
  updatedAt: string;
}

export interface SourceRunRequest {
  sourceId: string;
  requestedBy: string;
  requestedAt: string;
}

/** The id column and the definition's own id must agree, or the merge would be ambiguous. */
function checkDefinition(id: string, definition: unknown): void {
  if (id.trim() === '') throw new Error('managed source: id must not be empty');
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new Error(`managed source ${id}: definition must be an object (one sources.yaml entry)`);
  }
  const own = (definition as { id?: unknown }).id;
  if (own !== undefined && own !== id) {
    throw new Error(
      `managed source ${id}: definition.id is ${JSON.stringify(own)}, expected ${JSON.stringify(id)}`,
    );
  }
}

/** `updated_at` is the version: strictly increasing within the process, so two quick edits never tie. */
function versionTime(now: Date): number {
  return nextVersion(toClickHouseTime(now.toISOString()));
}

/** Creates or replaces a dashboard-managed source. Returns the `updatedAt` written. */
export async function upsertManagedSource(
  store: Store,
  change: ManagedSourceChange,
  now = new Date(),
): Promise<string> {
  checkDefinition(change.id, change.definition);
  const updatedAt = versionTime(now);
  await store.insert('managed_sources', [
    {
      id: change.id,
      definition: JSON.stringify({ ...(change.definition as object), id: change.id }),
      enabled: change.enabled ? 1 : 0,
      deleted: 0,
      updated_by: change.updatedBy,
      updated_at: updatedAt,
    },
  ]);
  return new Date(updatedAt).toISOString();
}

/** Deletes a dashboard-managed source (a tombstone version; the crawler stops crawling it). */
export async function deleteManagedSource(
  store: Store,
  id: string,
  updatedBy: string,
  now = new Date(),
): Promise<void> {
  if (id.trim() === '') throw new Error('managed source: id must not be empty');
  await store.insert('managed_sources', [
    { id, definition: '{}', enabled: 0, deleted: 1, updated_by: updatedBy, updated_at: versionTime(now) },
  ]);
}

/** Asks the crawler to run a source at its next wake-up, whatever its interval (file or table source). */
export async function requestSourceRun(
  store: Store,
  sourceId: string,
  requestedBy: string,
  now = new Date(),
): Promise<void> {
  if (sourceId.trim() === '') throw new Error('source run request: source id must not be empty');
  await store.insert('source_run_requests', [
    { source_id: sourceId, requested_by: requestedBy, requested_at: toClickHouseTime(now.toISOString()) },
  ]);
}
