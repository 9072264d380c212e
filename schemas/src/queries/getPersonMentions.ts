import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/** A document that mentions a watched person, newest first. */
export interface PersonMention {
  documentId: string;
  title: string;
  url: string;
  source: string;
  site: string;
  eventTime: string;
  matched: string;
  via: string;
  sentiment: string;
  sentimentScore: number;
  topicId: string;
}

export function buildPersonMentionsQuery(personId: string, limit: number, since?: number): BuiltQuery {
  const params: Record<string, unknown> = { personId, limit };
  let time = '';
  if (since !== undefined) {
    time = "AND event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')";
    params.since = since;
  }
  return {
    query: `SELECT m.document_id AS document_id, d.title AS title, d.url AS url, m.source AS source, d.site AS site,
        m.event_time AS event_time, m.matched AS matched, m.via AS via, m.sentiment_label AS sentiment_label,
        m.sentiment_score AS sentiment_score, m.topic_id AS topic_id
      FROM (SELECT * FROM person_mentions FINAL WHERE person_id = {personId:String} ${time}
        ORDER BY event_time DESC LIMIT {limit:UInt32}) AS m
      LEFT JOIN (SELECT id, title, url, site FROM documents FINAL
        WHERE id IN (SELECT document_id FROM person_mentions WHERE person_id = {personId:String} ${time})) AS d
        ON d.id = m.document_id
      ORDER BY m.event_time DESC, m.document_id`,
    params,
  };
}

export async function getPersonMentions(
  store: Store,
  personId: string,
  { limit = 50, since }: { limit?: number; since?: number } = {},
): Promise<PersonMention[]> {
  const rows = await store.query<{
    document_id: string;
    title: string;
    url: string;
    source: string;
    site: string;
    event_time: string;
    matched: string;
    via: string;
    sentiment_label: string;
    sentiment_score: number;
    topic_id: string;
  }>('getPersonMentions', buildPersonMentionsQuery(personId, limit, since));
  return rows.map((r) => ({
    documentId: r.document_id,
    title: r.title,
    url: r.url,
    source: r.source,
    site: r.site,
    eventTime: fromClickHouseTime(r.event_time),
    matched: r.matched,
    via: r.via,
    sentiment: r.sentiment_label,
    sentimentScore: Number(r.sentiment_score),
    topicId: r.topic_id,
  }));
}
