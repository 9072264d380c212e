import type { BuiltQuery, Store } from '../store/engine.ts';

export interface TopicHour {
  topicId: string;
  /** Rolling hours before `to`: 0 is the last hour. */
  hoursAgo: number;
  documents: number;
  negative: number;
}

/**
 * Documents and negative documents per topic and hour over [from, to), for topics that had at
 * least `minNegative` negative documents since `recentFrom` (the rest cannot surge).
 */
export function buildTopicSentimentWindowsQuery(
  from: string,
  recentFrom: string,
  to: string,
  minNegative: number,
): BuiltQuery {
  return {
    query: `SELECT topic_id, intDiv({to:Int64} - 1 - toUnixTimestamp64Milli(event_time), 3600000) AS ago, uniqExact(id) AS docs,
        uniqExactIf(id, sentiment_label = 'negative') AS negative
      FROM documents
      WHERE topic_id != ''
        AND event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        AND topic_id IN (
          SELECT topic_id FROM documents
          WHERE topic_id != '' AND sentiment_label = 'negative'
            AND event_time >= fromUnixTimestamp64Milli({recentFrom:Int64}, 'UTC')
            AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
          GROUP BY topic_id
          HAVING uniqExact(id) >= {minNegative:UInt32})
      GROUP BY topic_id, ago
      ORDER BY topic_id, ago`,
    params: { from: Date.parse(from), recentFrom: Date.parse(recentFrom), to: Date.parse(to), minNegative },
  };
}

export async function getTopicSentimentWindows(
  store: Store,
  from: string,
  recentFrom: string,
  to: string,
  minNegative: number,
): Promise<TopicHour[]> {
  const rows = await store.query<{
    topic_id: string;
    ago: number | string;
    docs: number | string;
    negative: number | string;
  }>('getTopicSentimentWindows', buildTopicSentimentWindowsQuery(from, recentFrom, to, minNegative));
  return rows.map((r) => ({
    topicId: r.topic_id,
    hoursAgo: Number(r.ago),
    documents: Number(r.docs),
    negative: Number(r.negative),
  }));
}
