import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * The opinion index (舆情指数) of a cockpit period.
 *
 * Active items are the topics (not merged away) and events whose span touches the period
 * (`last_seen ≥ from` and first seen before `to`). Each counts with its newest index computed
 * before `to`, so a past period shows the index as it stood then, not as it stands now.
 *
 * The period's index is the **maximum** over active topics and events, and its warning level
 * (蓝/黄/橙/红) is the level the analyzer stored with that maximum: one red event is a red day,
 * however many quiet topics surround it, and the thresholds stay in one place (the analyzer's
 * config). The volume-weighted mean is reported next to it as the general temperature.
 */
export interface CockpitPeriod {
  /** ISO times. */
  from: string;
  to: string;
}

export const COCKPIT_LEVELS = ['', 'blue', 'yellow', 'orange', 'red'] as const;
export type CockpitLevel = (typeof COCKPIT_LEVELS)[number];

export interface CockpitIndex {
  /** Highest index of an active topic or event; null when none has an index. */
  score: number | null;
  level: CockpitLevel;
  /** Mean index weighted by volume; null when none has an index. */
  weighted: number | null;
  /** The topic or event that holds the maximum. */
  top: { kind: 'topic' | 'event'; id: string; title: string } | null;
  /** Active topics and events with an index. */
  items: number;
  byKind: Record<'topic' | 'event', { items: number; max: number | null; weighted: number | null }>;
  /** How many active topics and events stand at each level ('' is below blue). */
  levels: Record<CockpitLevel, number>;
}

/** Params of the period as epoch ms, for `fromUnixTimestamp64Milli`. */
export function periodParams(p: CockpitPeriod): { fromMs: number; toMs: number } {
  return { fromMs: Date.parse(p.from), toMs: Date.parse(p.to) };
}

/** The newest index of each topic or event computed before the period's end. */
export const LATEST_INDEX = `(SELECT kind, id, argMax(score, computed_at) AS score, argMax(level, computed_at) AS level
  FROM opinion_index
  WHERE kind IN ('topic', 'event') AND computed_at < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
  GROUP BY kind, id)`;

/** Topics and events active in the period, with their volume and title. */
export const ACTIVE_ITEMS = `(SELECT 'topic' AS kind, id, volume,
    if(representative_title != '', representative_title, label) AS title FROM topics FINAL
    WHERE merged_into = '' AND topics.last_seen >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
      AND topics.first_seen < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')
  UNION ALL
  SELECT 'event' AS kind, id, volume, title FROM events FINAL
    WHERE events.last_seen >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')
      AND events.first_time < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC'))`;

export function buildCockpitIndexQuery(p: CockpitPeriod): BuiltQuery {
  return {
    query: `SELECT a.kind AS kind, l.level AS level, count() AS items, max(l.score) AS max_score,
        argMax(a.id, l.score) AS top_id, argMax(a.title, l.score) AS top_title,
        sum(l.score * a.volume) AS score_volume, sum(a.volume) AS volume
      FROM ${ACTIVE_ITEMS} AS a
      INNER JOIN ${LATEST_INDEX} AS l ON l.kind = a.kind AND l.id = a.id
      GROUP BY kind, level`,
    params: periodParams(p),
  };
}

type Num = number | string;
interface Row {
  kind: 'topic' | 'event';
  level: string;
  items: Num;
  max_score: Num;
  top_id: string;
  top_title: string;
  score_volume: Num;
  volume: Num;
}

export async function getCockpitIndex(store: Store, p: CockpitPeriod): Promise<CockpitIndex> {
  const rows = await store.query<Row>('getCockpitIndex', buildCockpitIndexQuery(p));
  const levels = Object.fromEntries(COCKPIT_LEVELS.map((l) => [l, 0])) as Record<CockpitLevel, number>;
  const acc = {
    topic: { items: 0, max: null as number | null, sv: 0, v: 0 },
    event: { items: 0, max: null as number | null, sv: 0, v: 0 },
  };
  let best: { row: Row; score: number } | null = null;
  for (const r of rows) {
    const items = Number(r.items);
    const max = Number(r.max_score);
    const k = acc[r.kind];
    if (!k) continue;
    if (r.level in levels) levels[r.level as CockpitLevel] += items;
    k.items += items;
    k.max = k.max === null ? max : Math.max(k.max, max);
    k.sv += Number(r.score_volume);
    k.v += Number(r.volume);
    if (!best || max > best.score) best = { row: r, score: max };
  }
  const mean = (sv: number, v: number) => (v > 0 ? sv / v : null);
  const items = acc.topic.items + acc.event.items;
  return {
    score: best ? best.score : null,
    level: best && best.row.level in levels ? (best.row.level as CockpitLevel) : '',
    weighted: items > 0 ? mean(acc.topic.sv + acc.event.sv, acc.topic.v + acc.event.v) : null,
    top: best ? { kind: best.row.kind, id: best.row.top_id, title: best.row.top_title } : null,
    items,
    byKind: {
      topic: { items: acc.topic.items, max: acc.topic.max, weighted: mean(acc.topic.sv, acc.topic.v) },
      event: { items: acc.event.items, max: acc.event.max, weighted: mean(acc.event.sv, acc.event.v) },
    },
    levels,
  };
}
