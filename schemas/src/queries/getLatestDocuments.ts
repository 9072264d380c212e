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

export function buildLatestDocumentsQuery(filter: LatestDocumentsFilter): BuiltQuery {
  const params: Record<string, unknown> = { limit: filter.limit };
  let where = '';
  if (filter.cursor) {
    where =
      "WHERE (event_time, id) < (fromUnixTimestamp64Milli({cursorTime:Int64}, 'UTC'), {cursorId:String})";
    params.cursorTime = Date.parse(filter.cursor.eventTime);
    params.cursorId = filter.cursor.id;
  }
  return {
    query: `SELECT id, url, source, site, media_type, title, summary, published_at, fetched_at, keywords, event_time
      FROM documents FINAL
      ${where}
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params,
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
}

export async function getLatestDocuments(
  store: Store,
  filter: LatestDocumentsFilter,
): Promise<{ items: DocumentListItem[]; nextCursor: string | null }> {
  const rows = await store.query<Row>('getLatestDocuments', buildLatestDocumentsQuery(filter));
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
