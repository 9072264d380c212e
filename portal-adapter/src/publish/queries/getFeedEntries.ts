import { type BuiltQuery, fromClickHouseTime, type Store } from '@yuqing/schemas';

export interface FeedEntry {
  key: string;
  draftId: string;
  column: string;
  title: string;
  summary: string;
  content: string;
  link: string;
  sourceName: string;
  sourceUrl: string;
  publishedAt: string;
  updatedAt: string;
}

/** A column's live entries (withdrawn ones left out), newest first. */
export function buildFeedEntriesQuery(targetId: string, column: string, limit = 50): BuiltQuery {
  return {
    query: `SELECT entry_key, draft_id, column_id, title, summary, content, link, source_name, source_url,
        published_at, updated_at
      FROM feed_entries FINAL
      WHERE target_id = {targetId:String} AND column_id = {column:String} AND withdrawn = 0
      ORDER BY published_at DESC, entry_key LIMIT {limit:UInt32}`,
    params: { targetId, column, limit: Math.min(Math.max(limit, 1), 500) },
  };
}

/**
 * When the column last changed, withdrawn entries included (a withdrawal changes the feed), so
 * Last-Modified and the ETag move whenever the served content does.
 */
export function buildFeedStampQuery(targetId: string, column: string): BuiltQuery {
  return {
    query: `SELECT max(updated_at) AS changed, count() AS entries, sum(withdrawn) AS withdrawn,
        max(version) AS version
      FROM feed_entries FINAL WHERE target_id = {targetId:String} AND column_id = {column:String}`,
    params: { targetId, column },
  };
}

interface Row {
  entry_key: string;
  draft_id: string;
  column_id: string;
  title: string;
  summary: string;
  content: string;
  link: string;
  source_name: string;
  source_url: string;
  published_at: string;
  updated_at: string;
}

export async function getFeedEntries(
  store: Store,
  targetId: string,
  column: string,
  limit?: number,
): Promise<FeedEntry[]> {
  const rows = await store.query<Row>('getFeedEntries', buildFeedEntriesQuery(targetId, column, limit));
  return rows.map((r) => ({
    key: r.entry_key,
    draftId: r.draft_id,
    column: r.column_id,
    title: r.title,
    summary: r.summary,
    content: r.content,
    link: r.link,
    sourceName: r.source_name,
    sourceUrl: r.source_url,
    publishedAt: fromClickHouseTime(r.published_at),
    updatedAt: fromClickHouseTime(r.updated_at),
  }));
}

export interface FeedStamp {
  /** ISO time of the last change, null for a column with no entries ever. */
  changed: string | null;
  tag: string;
}

export async function getFeedStamp(store: Store, targetId: string, column: string): Promise<FeedStamp> {
  const [r] = await store.query<{ changed: string; entries: number; withdrawn: number; version: string }>(
    'getFeedStamp',
    buildFeedStampQuery(targetId, column),
  );
  if (!r || Number(r.entries) === 0) return { changed: null, tag: '0' };
  return {
    changed: fromClickHouseTime(r.changed),
    tag: `${Number(r.entries)}-${Number(r.withdrawn)}-${r.version}`,
  };
}

/** One entry by its key, withdrawn or not: what a withdrawal rewrites. */
export function buildFeedEntryQuery(targetId: string, key: string): BuiltQuery {
  return {
    query: `SELECT entry_key, draft_id, column_id, title, summary, content, link, source_name, source_url,
        published_at, updated_at
      FROM feed_entries FINAL WHERE target_id = {targetId:String} AND entry_key = {key:String} LIMIT 1`,
    params: { targetId, key },
  };
}

export async function getFeedEntry(store: Store, targetId: string, key: string): Promise<FeedEntry | null> {
  const [r] = await store.query<Row>('getFeedEntry', buildFeedEntryQuery(targetId, key));
  if (!r) return null;
  return {
    key: r.entry_key,
    draftId: r.draft_id,
    column: r.column_id,
    title: r.title,
    summary: r.summary,
    content: r.content,
    link: r.link,
    sourceName: r.source_name,
    sourceUrl: r.source_url,
    publishedAt: fromClickHouseTime(r.published_at),
    updatedAt: fromClickHouseTime(r.updated_at),
  };
}
