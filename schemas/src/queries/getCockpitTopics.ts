import type { BuiltQuery, Store } from '../store/engine.ts';
import { ACTIVE_ITEMS, type CockpitPeriod, LATEST_INDEX, periodParams } from './getCockpitIndex.ts';

/** A hot topic of the cockpit period with its index as it stood at the period's end. */
export interface CockpitTopic {
  id: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  state: string;
  volume: number;
  velocity: number;
  negative: number;
  lastSeen: number;
  /** 0 and '' when the analyzer has not scored it yet. */
  score: number;
  level: string;
}

/** Topics active in the period, highest index first (then volume): 热点话题 by 热度指数. */
export function buildCockpitTopicsQuery(p: CockpitPeriod, limit: number): BuiltQuery {
  return {
    query: `SELECT t.id AS id, t.label AS label, t.keywords AS keywords, t.representative_title AS title,
        t.state AS state, t.volume AS volume, t.velocity AS velocity, t.sentiment_negative AS negative,
        toUnixTimestamp64Milli(t.last_seen) AS last_seen_ms, l.score AS score, l.level AS level
      FROM (SELECT * FROM topics FINAL WHERE id IN (SELECT id FROM ${ACTIVE_ITEMS} WHERE kind = 'topic')) AS t
      LEFT JOIN (SELECT id, score, level FROM ${LATEST_INDEX} WHERE kind = 'topic') AS l ON l.id = t.id
      ORDER BY score DESC, volume DESC, id
      LIMIT {limit:UInt32}`,
    params: { ...periodParams(p), limit },
  };
}

type Num = number | string;

export async function getCockpitTopics(store: Store, p: CockpitPeriod, limit = 10): Promise<CockpitTopic[]> {
  const rows = await store.query<{
    id: string;
    label: string;
    keywords: string[];
    title: string;
    state: string;
    volume: Num;
    velocity: Num;
    negative: Num;
    last_seen_ms: Num;
    score: Num;
    level: string;
  }>('getCockpitTopics', buildCockpitTopicsQuery(p, limit));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    keywords: r.keywords,
    representativeTitle: r.title,
    state: r.state,
    volume: Number(r.volume),
    velocity: Number(r.velocity),
    negative: Number(r.negative),
    lastSeen: Number(r.last_seen_ms),
    score: Number(r.score),
    level: r.level,
  }));
}
