import type { BuiltQuery, Store } from '../store/engine.ts';
import { ACTIVE_ITEMS, type CockpitPeriod, LATEST_INDEX, periodParams } from './getCockpitIndex.ts';

/** A top event (重点事件) of the cockpit period with its index as it stood at the period's end. */
export interface CockpitEvent {
  id: string;
  title: string;
  state: string;
  volume: number;
  sources: number;
  negative: number;
  firstSite: string;
  firstTime: number;
  lastSeen: number;
  score: number;
  level: string;
}

/**
 * Events active in the period, highest index first. An event the index job has not scored before
 * the period's end falls back to the score stored on the event itself.
 */
export function buildCockpitEventsQuery(p: CockpitPeriod, limit: number): BuiltQuery {
  return {
    query: `SELECT e.id AS id, e.title AS title, e.state AS state, e.volume AS volume, e.sources AS sources,
        e.negative AS negative, e.first_site AS first_site,
        toUnixTimestamp64Milli(e.first_time) AS first_ms, toUnixTimestamp64Milli(e.last_seen) AS last_ms,
        if(l.id = '', e.index_score, l.score) AS score, if(l.id = '', e.index_level, l.level) AS level
      FROM (SELECT * FROM events FINAL WHERE id IN (SELECT id FROM ${ACTIVE_ITEMS} WHERE kind = 'event')) AS e
      LEFT JOIN (SELECT id, score, level FROM ${LATEST_INDEX} WHERE kind = 'event') AS l ON l.id = e.id
      ORDER BY score DESC, volume DESC, id
      LIMIT {limit:UInt32}`,
    params: { ...periodParams(p), limit },
  };
}

type Num = number | string;

export async function getCockpitEvents(store: Store, p: CockpitPeriod, limit = 10): Promise<CockpitEvent[]> {
  const rows = await store.query<{
    id: string;
    title: string;
    state: string;
    volume: Num;
    sources: Num;
    negative: Num;
    first_site: string;
    first_ms: Num;
    last_ms: Num;
    score: Num;
    level: string;
  }>('getCockpitEvents', buildCockpitEventsQuery(p, limit));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state,
    volume: Number(r.volume),
    sources: Number(r.sources),
    negative: Number(r.negative),
    firstSite: r.first_site,
    firstTime: Number(r.first_ms),
    lastSeen: Number(r.last_ms),
    score: Number(r.score),
    level: r.level,
  }));
}
