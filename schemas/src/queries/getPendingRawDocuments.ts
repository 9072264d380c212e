import { fromClickHouseTime, type RawDocument } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { Watermark } from './getWatermark.ts';

/** Raw documents fetched after the watermark, oldest first: the analyzer's input. */
export function buildPendingRawDocumentsQuery(after: Watermark, limit: number): BuiltQuery {
  return {
    query: `SELECT id, url, canonical_url, source, site, media_type, title, body, author,
        published_at, fetched_at, content_hash
      FROM raw_documents FINAL
      WHERE (fetched_at, id) > (fromUnixTimestamp64Milli({time:Int64}, 'UTC'), {id:String})
      ORDER BY fetched_at, id
      LIMIT {limit:UInt32}`,
    params: { time: Date.parse(after.time), id: after.id, limit },
  };
}

interface Row {
  id: string;
  url: string;
  canonical_url: string;
  source: string;
  site: string;
  media_type: RawDocument['mediaType'];
  title: string;
  body: string;
  author: string;
  published_at: string | null;
  fetched_at: string;
  content_hash: string;
}

export async function getPendingRawDocuments(
  store: Store,
  after: Watermark,
  limit: number,
): Promise<RawDocument[]> {
  const rows = await store.query<Row>('getPendingRawDocuments', buildPendingRawDocumentsQuery(after, limit));
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    source: r.source,
    site: r.site,
    mediaType: r.media_type,
    title: r.title,
    body: r.body,
    author: r.author,
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    contentHash: r.content_hash,
  }));
}
