import { fromClickHouseTime, type RawDocument } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { Watermark } from './getWatermark.ts';

/** A raw document with the time it was written, which the analyzer's watermark follows. */
export interface PendingRawDocument extends RawDocument {
  storedAt: string;
}

/**
 * Raw documents written after the watermark, in the order they were written: the analyzer's
 * input. Not by fetch time: a crawler writes a batch after fetching it, so a batch's fetch times
 * can be older than those of documents another source wrote (and the analyzer read) meanwhile.
 */
export function buildPendingRawDocumentsQuery(after: Watermark, limit: number): BuiltQuery {
  return {
    query: `SELECT id, url, canonical_url, source, site, media_type, title, body, author,
        published_at, fetched_at, content_hash, region, stored_at
      FROM raw_documents FINAL
      WHERE (stored_at, id) > (fromUnixTimestamp64Milli({time:Int64}, 'UTC'), {id:String})
      ORDER BY stored_at, id
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
  region: string;
  stored_at: string;
}

export async function getPendingRawDocuments(
  store: Store,
  after: Watermark,
  limit: number,
): Promise<PendingRawDocument[]> {
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
    region: r.region,
    storedAt: fromClickHouseTime(r.stored_at),
  }));
}
