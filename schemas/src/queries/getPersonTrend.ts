import type { BuiltQuery, Store } from '../store/engine.ts';

/** Coverage of a watched person per day: mentions by sentiment and the mean sentiment score. */
export interface PersonTrendPoint {
  day: string;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  avgScore: number;
}

export function buildPersonTrendQuery(personId: string, since?: number): BuiltQuery {
  const params: Record<string, unknown> = { personId };
  let time = '';
  if (since !== undefined) {
    time = "AND event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')";
    params.since = since;
  }
  return {
    query: `SELECT toString(toDate(event_time)) AS day, count() AS mentions,
        countIf(sentiment_label = 'positive') AS positive, countIf(sentiment_label = 'neutral') AS neutral,
        countIf(sentiment_label = 'negative') AS negative, avg(sentiment_score) AS avg_score
      FROM person_mentions FINAL
      WHERE person_id = {personId:String} ${time}
      GROUP BY day ORDER BY day`,
    params,
  };
}

type Num = number | string;

export async function getPersonTrend(
  store: Store,
  personId: string,
  since?: number,
): Promise<PersonTrendPoint[]> {
  const rows = await store.query<{
    day: string;
    mentions: Num;
    positive: Num;
    neutral: Num;
    negative: Num;
    avg_score: Num;
  }>('getPersonTrend', buildPersonTrendQuery(personId, since));
  return rows.map((r) => ({
    day: r.day,
    mentions: Number(r.mentions),
    positive: Number(r.positive),
    neutral: Number(r.neutral),
    negative: Number(r.negative),
    avgScore: Math.round(Number(r.avg_score) * 1000) / 1000,
  }));
}
