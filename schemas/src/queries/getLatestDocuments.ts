import { type AnalyzedDocument, fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export type DocumentListItem = Pick<
  AnalyzedDocument,
  | 'id'
  | 'url'
  | 'source'
  | 'site'
  | 'mediaType'
  | 'title'
  | 'summary'
  | 'publishedAt'
  | 'fetchedAt'
  | 'keywords'
>;

export interface LatestDocumentsFilter {
  limit: number;
  /** Only documents whose time is before this one (keyset pagination): `eventTime|id`. */
  cursor?: { eventTime: string; id: string };
}

/** Keyset pagination: rows strictly after the cursor in (event time, id) descending order. */
export const BEFORE_CURSOR =
  "(event_time, id) < (fromUnixTimestamp64Milli({cursorTime:Int64}, 'UTC'), {cursorId:String})";

/** The params of `BEFORE_CURSOR` (none without a cursor). */
export function cursorParams(filter: Pick<LatestDocumentsFilter, 'cursor'>): Record<string, unknown> {
  if (!filter.cursor) return {};
  return { cursorTime: Date.parse(filter.cursor.eventTime), cursorId: filter.cursor.id };
}

/**
 * The newest (id, event time) pairs from document_facts (migrations/0013), read backwards along
 * its hour order and stopped after `take` rows, which FINAL would not allow: so the pairs may
 * include a document's older rows, which `getLatestDocuments` checks against documents.
 */
export function buildLatestCandidatesQuery(filter: LatestDocumentsFilter, take: number): BuiltQuery {
  const where = filter.cursor
    ? `WHERE hour <= toStartOfHour(fromUnixTimestamp64Milli({cursorTime:Int64}, 'UTC')) AND ${BEFORE_CURSOR}`
    : '';
  return {
    query: `SELECT id, toUnixTimestamp64Milli(event_time) AS t
      FROM document_facts
      ${where}
      ORDER BY hour DESC, event_time DESC, id DESC
      LIMIT {take:UInt32}`,
    params: { ...cursorParams(filter), take },
  };
}

/** The newest documents (before the cursor); with `ids`, only among those (read by primary key). */
export function buildLatestDocumentsQuery(filter: LatestDocumentsFilter, ids?: string[]): BuiltQuery {
  const conditions = [
    ...(ids ? ['id IN {ids:Array(String)}'] : []),
    ...(filter.cursor ? [BEFORE_CURSOR] : []),
  ];
  return {
    query: `SELECT id, url, source, site, media_type, title, summary, published_at, fetched_at, keywords, event_time,
        toUnixTimestamp64Milli(event_time) AS t
      FROM documents FINAL
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params: { ...cursorParams(filter), limit: filter.limit, ...(ids ? { ids } : {}) },
  };
}

interface Row {
  id: string;
  url: string;
  source: string;
  site: string;
  media_type: AnalyzedDocument['mediaType'];
  title: string;
  summary: string;
  published_at: string | null;
  fetched_at: string;
  keywords: string[];
  event_time: string;
  t: number | string;
}

export async function getLatestDocuments(
  store: Store,
  filter: LatestDocumentsFilter,
): Promise<{ items: DocumentListItem[]; nextCursor: string | null }> {
  const rows = await readLatest(store, filter);
  const items = rows.map((r) => ({
    id: r.id,
    url: r.url,
    source: r.source,
    site: r.site,
    mediaType: r.media_type,
    title: r.title,
    summary: r.summary,
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    keywords: r.keywords,
  }));
  const last = rows.at(-1);
  const nextCursor =
    last && rows.length === filter.limit ? `${fromClickHouseTime(last.event_time)}|${last.id}` : null;
  return { items, nextCursor };
}

/**
 * Every document has a row for its current hour and event time in document_facts, so when the
 * newest distinct candidate pairs there are all current in documents, they are the newest
 * documents. Otherwise (a re-analysis not merged yet that moved a document, or more older rows
 * than the extra candidates taken) documents are read in full, as before document_facts.
 */
async function readLatest(store: Store, filter: LatestDocumentsFilter): Promise<Row[]> {
  const take = 2 * filter.limit + 10;
  const found = await store.query<{ id: string; t: number | string }>(
    'getLatestCandidates',
    buildLatestCandidatesQuery(filter, take),
  );
  const pairs = [...new Map(found.map((c) => [`${c.id}@${c.t}`, c.id])).entries()].slice(0, filter.limit);
  if (pairs.length === filter.limit || found.length < take) {
    const rows = pairs.length
      ? await store.query<Row>(
          'getLatestDocuments',
          buildLatestDocumentsQuery(
            filter,
            pairs.map(([, id]) => id),
          ),
        )
      : [];
    const current = new Set(rows.map((r) => `${r.id}@${r.t}`));
    if (rows.length === pairs.length && pairs.every(([pair]) => current.has(pair))) return rows;
  }
  return store.query<Row>('getLatestDocuments', buildLatestDocumentsQuery(filter));
}
