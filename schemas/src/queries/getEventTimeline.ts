import type { BuiltQuery, Store } from '../store/engine.ts';
import { EVENT_DOCUMENTS } from './getEventDetail.ts';

export type TimelineKind = 'first_report' | 'first_of_media' | 'most_reprinted' | 'most_sensitive' | 'peak';

/** One entry of an event's timeline: a key report or a peak hour. */
export interface TimelineEntry {
  time: number;
  kind: TimelineKind;
  /** Documents in the hour (peaks) or reprints of the document (most_reprinted). */
  documents?: number;
  doc?: { id: string; site: string; mediaType: string; title: string; url: string; sensitivity: number };
}

export interface EventTimeline {
  entries: TimelineEntry[];
  hourly: Array<{ at: number; documents: number }>;
}

const HOUR = 3_600_000;

export function buildEventTimelineQueries(eventId: string): Record<'hourly' | 'keys', BuiltQuery> {
  const params = { eventId };
  const columns = `id, site, media_type, title, url, sensitivity_score, toUnixTimestamp64Milli(event_time) AS time`;
  return {
    hourly: {
      query: `SELECT toUnixTimestamp(toStartOfHour(event_time)) * 1000 AS at, count() AS documents
        FROM ${EVENT_DOCUMENTS} GROUP BY at ORDER BY at`,
      params,
    },
    keys: {
      query: `SELECT 'first_of_media' AS kind, 0 AS n, ${columns} FROM ${EVENT_DOCUMENTS}
          ORDER BY event_time, id LIMIT 1 BY media_type
        UNION ALL
        SELECT 'most_sensitive' AS kind, 0 AS n, ${columns} FROM ${EVENT_DOCUMENTS}
          WHERE sensitivity_score > 0 ORDER BY sensitivity_score DESC, event_time LIMIT 3
        UNION ALL
        SELECT 'most_reprinted' AS kind, r.n AS n, d.id AS id, d.site AS site, d.media_type AS media_type,
            d.title AS title, d.url AS url, d.sensitivity_score AS sensitivity_score,
            toUnixTimestamp64Milli(d.event_time) AS time
          FROM (SELECT duplicate_of AS original, count() AS n FROM ${EVENT_DOCUMENTS}
            WHERE duplicate_of != '' GROUP BY original ORDER BY n DESC, original LIMIT 3) AS r
          INNER JOIN (SELECT *, event_time FROM documents FINAL) AS d ON d.id = r.original`,
      params,
    },
  };
}

/**
 * Peak hours: local maxima with at least `minDocuments` and at least `factor` × the median of
 * the hours that have documents; the `limit` largest, in time order.
 */
export function findPeaks(
  hourly: ReadonlyArray<{ at: number; documents: number }>,
  { minDocuments = 3, factor = 2, limit = 5 } = {},
): Array<{ at: number; documents: number }> {
  if (hourly.length === 0) return [];
  const counts = new Map(hourly.map((h) => [h.at, h.documents]));
  const sorted = hourly.map((h) => h.documents).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const floor = Math.max(minDocuments, factor * median);
  return hourly
    .filter(
      (h) =>
        h.documents >= floor &&
        h.documents > (counts.get(h.at - HOUR) ?? 0) &&
        h.documents >= (counts.get(h.at + HOUR) ?? 0),
    )
    .sort((a, b) => b.documents - a.documents || a.at - b.at)
    .slice(0, limit)
    .sort((a, b) => a.at - b.at);
}

type Num = number | string;

export async function getEventTimeline(store: Store, eventId: string): Promise<EventTimeline> {
  const q = buildEventTimelineQueries(eventId);
  const [hourlyRows, keys] = await Promise.all([
    store.query<{ at: Num; documents: Num }>('getEventTimeline.hourly', q.hourly),
    store.query<{
      kind: TimelineKind;
      n: Num;
      id: string;
      site: string;
      media_type: string;
      title: string;
      url: string;
      sensitivity_score: Num;
      time: Num;
    }>('getEventTimeline.keys', q.keys),
  ]);
  const hourly = hourlyRows.map((h) => ({ at: Number(h.at), documents: Number(h.documents) }));
  const entries: TimelineEntry[] = [];
  const firstTime = Math.min(...keys.filter((k) => k.kind === 'first_of_media').map((k) => Number(k.time)));
  for (const k of keys) {
    const time = Number(k.time);
    const kind = k.kind === 'first_of_media' && time === firstTime ? 'first_report' : k.kind;
    entries.push({
      time,
      kind,
      ...(k.kind === 'most_reprinted' ? { documents: Number(k.n) } : {}),
      doc: {
        id: k.id,
        site: k.site,
        mediaType: k.media_type,
        title: k.title,
        url: k.url,
        sensitivity: Number(k.sensitivity_score),
      },
    });
  }
  for (const p of findPeaks(hourly)) entries.push({ time: p.at, kind: 'peak', documents: p.documents });
  entries.sort((a, b) => a.time - b.time || a.kind.localeCompare(b.kind));
  // One first_report even when two media types start in the same millisecond.
  const first = entries.findIndex((e) => e.kind === 'first_report');
  for (const e of entries.slice(first + 1)) if (e.kind === 'first_report') e.kind = 'first_of_media';
  return { entries, hourly };
}
