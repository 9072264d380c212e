import type { BuiltQuery, Store } from '../store/engine.ts';

/** A topic's documents per hour or day by sentiment, and its spread over media types. */
export interface TopicTrendPoint {
  time: string;
  negative: number;
  neutral: number;
  positive: number;
  documents: number;
}

export interface TopicTrend {
  bucket: 'hour' | 'day';
  points: TopicTrendPoint[];
  media: { mediaType: string; documents: number }[];
}

export function buildTopicTrendQuery(topicId: string, bucket: 'hour' | 'day'): BuiltQuery {
  const start = bucket === 'hour' ? 'toStartOfHour(event_time)' : "toStartOfDay(event_time, 'Asia/Shanghai')";
  return {
    query: `SELECT toUnixTimestamp64Milli(toDateTime64(${start}, 3, 'UTC')) AS t, media_type,
        countIf(sentiment_label = 'negative') AS negative, countIf(sentiment_label = 'neutral') AS neutral,
        countIf(sentiment_label = 'positive') AS positive, count() AS documents
      FROM (SELECT id, event_time, media_type, sentiment_label FROM documents FINAL WHERE topic_id = {topicId:String})
      GROUP BY t, media_type
      ORDER BY t`,
    params: { topicId },
  };
}

interface Row {
  t: number | string;
  media_type: string;
  negative: number | string;
  neutral: number | string;
  positive: number | string;
  documents: number | string;
}

/** Hourly buckets when the topic spans up to three days, daily (Beijing days) beyond. */
export async function getTopicTrend(
  store: Store,
  topicId: string,
  span: { firstSeen: string; lastSeen: string },
): Promise<TopicTrend> {
  const bucket = Date.parse(span.lastSeen) - Date.parse(span.firstSeen) <= 3 * 86_400_000 ? 'hour' : 'day';
  const rows = await store.query<Row>('getTopicTrend', buildTopicTrendQuery(topicId, bucket));
  const byTime = new Map<number, TopicTrendPoint>();
  const media = new Map<string, number>();
  for (const r of rows) {
    const t = Number(r.t);
    const p = byTime.get(t) ?? {
      time: new Date(t).toISOString(),
      negative: 0,
      neutral: 0,
      positive: 0,
      documents: 0,
    };
    p.negative += Number(r.negative);
    p.neutral += Number(r.neutral);
    p.positive += Number(r.positive);
    p.documents += Number(r.documents);
    byTime.set(t, p);
    media.set(r.media_type, (media.get(r.media_type) ?? 0) + Number(r.documents));
  }
  return {
    bucket,
    points: [...byTime.values()],
    media: [...media]
      .map(([mediaType, documents]) => ({ mediaType, documents }))
      .sort((a, b) => b.documents - a.documents),
  };
}
