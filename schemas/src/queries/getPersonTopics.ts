import type { BuiltQuery, Store } from '../store/engine.ts';

/** The topics a watched person appears in, by mentions, with the topic's label and state. */
export interface PersonTopic {
  topicId: string;
  label: string;
  state: string;
  mentions: number;
  negative: number;
  lastMention: number;
}

export function buildPersonTopicsQuery(personId: string, limit: number): BuiltQuery {
  return {
    query: `SELECT m.topic_id AS topic_id, t.label AS label, t.state AS state, m.mentions AS mentions,
        m.negative AS negative, m.last_mention AS last_mention
      FROM (SELECT topic_id, count() AS mentions, countIf(sentiment_label = 'negative') AS negative,
          toUnixTimestamp64Milli(max(event_time)) AS last_mention
        FROM person_mentions FINAL
        WHERE person_id = {personId:String} AND topic_id != ''
        GROUP BY topic_id ORDER BY mentions DESC, last_mention DESC LIMIT {limit:UInt32}) AS m
      LEFT JOIN (SELECT id, label, state FROM topics FINAL) AS t ON t.id = m.topic_id
      ORDER BY mentions DESC, last_mention DESC`,
    params: { personId, limit },
  };
}

type Num = number | string;

export async function getPersonTopics(store: Store, personId: string, limit = 20): Promise<PersonTopic[]> {
  const rows = await store.query<{
    topic_id: string;
    label: string;
    state: string;
    mentions: Num;
    negative: Num;
    last_mention: Num;
  }>('getPersonTopics', buildPersonTopicsQuery(personId, limit));
  return rows.map((r) => ({
    topicId: r.topic_id,
    label: r.label ?? '',
    state: r.state ?? '',
    mentions: Number(r.mentions),
    negative: Number(r.negative),
    lastMention: Number(r.last_mention),
  }));
}
