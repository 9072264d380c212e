import type { BuiltQuery, Store } from '../store/engine.ts';

export interface SeenUrl {
  urlId: string;
  contentHash: string;
  etag: string;
  lastModified: string;
}

/** The crawler's persisted seen-set for one source. */
export function buildSeenUrlsQuery(source: string): BuiltQuery {
  return {
    query: `SELECT url_id, content_hash, etag, last_modified FROM crawl_seen FINAL WHERE source = {source:String}`,
    params: { source },
  };
}

export async function getSeenUrls(store: Store, source: string): Promise<Map<string, SeenUrl>> {
  const rows = await store.query<{
    url_id: string;
    content_hash: string;
    etag: string;
    last_modified: string;
  }>('getSeenUrls', buildSeenUrlsQuery(source));
  return new Map(
    rows.map((r) => [
      r.url_id,
      { urlId: r.url_id, contentHash: r.content_hash, etag: r.etag, lastModified: r.last_modified },
    ]),
  );
}
