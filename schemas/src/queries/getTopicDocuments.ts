import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/** A document of a topic as its page lists it: newest first, or the earliest first (首发). */
export interface TopicDocument {
  id: string;
  url: string;
  title: string;
  source: string;
  site: string;
  mediaType: string;
  publishedAt: string | null;
  fetchedAt: string;
  sentiment: string;
  sensitivity: number;
}

export function buildTopicDocumentsQuery(
  topicId: string,
  order: 'newest' | 'earliest',
  limit: number,
): BuiltQuery {
  return {
    query: `SELECT id, url, title, source, site, media_type, published_at, fetched_at, sentiment_label, sensitivity_score
      FROM documents FINAL
      WHERE topic_id = {topicId:String}
      ORDER BY event_time ${order === 'newest' ? 'DESC' : 'ASC'}, id
      LIMIT {limit:UInt32}`,
    params: { topicId, limit },
  };
}

export async function getTopicDocuments(
  store: Store,
  topicId: string,
  order: 'newest' | 'earliest',
  limit: number,
): Promise<TopicDocument[]> {
  const rows = await store.query<{
    id: string;
    url: string;
    title: string;
    source: string;
    site: string;
    media_type: string;
    published_at: string | null;
    fetched_at: string;
    sentiment_label: string;
    sensitivity_score: number | string;
  }>('getTopicDocuments', buildTopicDocumentsQuery(topicId, order, limit));
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    title: r.title,
    source: r.source,
    site: r.site,
    mediaType: r.media_type,
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    sentiment: r.sentiment_label,
    sensitivity: Number(r.sensitivity_score),
  }));
}
