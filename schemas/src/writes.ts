import type { Watermark } from './queries/getWatermark.ts';
import type { AnalyzedDocument, RawDocument, User } from './records.ts';
import { toClickHouseTime } from './records.ts';
import type { Store } from './store/engine.ts';

/** Inserts are batched by the callers; each function maps records to one table's columns. */

export function writeRawDocuments(store: Store, docs: readonly RawDocument[]): Promise<void> {
  // The write time orders the analyzer's reading (getPendingRawDocuments), whatever the fetch times.
  const storedAt = Date.now();
  return store.insert(
    'raw_documents',
    docs.map((d) => ({
      id: d.id,
      url: d.url,
      canonical_url: d.canonicalUrl,
      source: d.source,
      site: d.site,
      media_type: d.mediaType,
      title: d.title,
      body: d.body,
      author: d.author,
      published_at: toClickHouseTime(d.publishedAt),
      fetched_at: toClickHouseTime(d.fetchedAt),
      content_hash: d.contentHash,
      region: d.region ?? '',
      stored_at: storedAt,
    })),
  );
}

export function writeDocuments(store: Store, docs: readonly AnalyzedDocument[]): Promise<void> {
  return store.insert(
    'documents',
    docs.map((d) => ({
      id: d.id,
      url: d.url,
      source: d.source,
      site: d.site,
      media_type: d.mediaType,
      title: d.title,
      summary: d.summary,
      published_at: toClickHouseTime(d.publishedAt),
      fetched_at: toClickHouseTime(d.fetchedAt),
      analyzed_at: toClickHouseTime(d.analyzedAt),
      content_hash: d.contentHash,
      tokens: d.tokens,
      keywords: d.keywords,
      category: d.category,
      sentiment_label: d.sentiment.label,
      sentiment_score: d.sentiment.score,
      sentiment_evidence: d.sentiment.evidence,
      sensitivity_score: Math.round(d.sensitivity.score),
      sensitivity_categories: d.sensitivity.categories,
      sensitivity_evidence: JSON.stringify(d.sensitivity.evidence),
      region_codes: d.regions.map((r) => r.code),
      region_names: d.regions.map((r) => r.name),
      persons: d.persons,
      orgs: d.orgs,
      places: d.places,
      // UInt64 goes as a decimal string: JSON numbers lose precision past 2^53.
      simhash: BigInt(`0x${d.simhash}`).toString(),
      passages: d.passages ?? [],
      duplicate_of: d.duplicateOf ?? '',
      topic_id: d.topicId ?? '',
    })),
  );
}

export function writeWatermark(store: Store, stage: string, mark: Watermark): Promise<void> {
  return store.insert('pipeline_state', [
    { stage, watermark_time: toClickHouseTime(mark.time), watermark_id: mark.id, updated_at: Date.now() },
  ]);
}

export interface SeenRecord {
  source: string;
  urlId: string;
  url: string;
  contentHash: string;
  etag?: string;
  lastModified?: string;
  fetchedAt: string;
}

export function writeSeen(store: Store, seen: readonly SeenRecord[]): Promise<void> {
  return store.insert(
    'crawl_seen',
    seen.map((s) => ({
      source: s.source,
      url_id: s.urlId,
      url: s.url,
      content_hash: s.contentHash,
      etag: s.etag ?? '',
      last_modified: s.lastModified ?? '',
      fetched_at: toClickHouseTime(s.fetchedAt),
    })),
  );
}

export interface CrawlRun {
  runId: string;
  source: string;
  startedAt: string;
  finishedAt: string;
  found: number;
  new: number;
  changed: number;
  errors: Record<string, number>;
  freshnessP50Seconds: number | null;
}

export function writeCrawlRun(store: Store, run: CrawlRun): Promise<void> {
  return store.insert('crawl_runs', [
    {
      run_id: run.runId,
      source: run.source,
      started_at: toClickHouseTime(run.startedAt),
      finished_at: toClickHouseTime(run.finishedAt),
      found: run.found,
      new: run.new,
      changed: run.changed,
      errors: run.errors,
      freshness_p50_seconds: run.freshnessP50Seconds,
    },
  ]);
}

export function writeDepartment(
  store: Store,
  d: { id: string; parentId: string; name: string },
): Promise<void> {
  return store.insert('departments', [
    { id: d.id, parent_id: d.parentId, name: d.name, version: Date.now() },
  ]);
}

export function writeUser(store: Store, user: User, passwordHash: string): Promise<void> {
  return store.insert('users', [
    {
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: passwordHash,
      roles: user.roles,
      department_id: user.departmentId,
      disabled: user.disabled ? 1 : 0,
      version: Date.now(),
    },
  ]);
}

export function writeSession(
  store: Store,
  s: { id: string; userId: string; createdAt: number; expiresAt: number; revoked: boolean },
): Promise<void> {
  return store.insert('sessions', [
    {
      id: s.id,
      user_id: s.userId,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      revoked: s.revoked ? 1 : 0,
      // A revocation must win over the creation row even within the same millisecond.
      version: Date.now() * 2 + (s.revoked ? 1 : 0),
    },
  ]);
}

export interface AuditEntry {
  actorId: string;
  action: string;
  target: string;
  detail?: string;
  ip?: string;
}

export function writeAudit(store: Store, entry: AuditEntry): Promise<void> {
  return store.insert('audit_log', [
    {
      at: Date.now(),
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target,
      detail: entry.detail ?? '',
      ip: entry.ip ?? '',
    },
  ]);
}

/** Adds a batch's document frequencies to the corpus statistics (summed on merge). */
export async function writeTermDf(
  store: Store,
  terms: ReadonlyMap<string, number>,
  documents: number,
): Promise<void> {
  if (documents === 0) return;
  await store.insert(
    'term_df',
    [...terms].map(([term, df]) => ({ term, df })),
  );
  await store.insert('corpus_stats', [{ key: 'documents', value: documents }]);
}
