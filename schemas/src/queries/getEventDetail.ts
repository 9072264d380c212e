import type { BuiltQuery, Store } from '../store/engine.ts';
import type { EventRecord } from '../writes-events.ts';
import { EVENT_COLUMNS, type EventRow, toEventRecord } from './getEvents.ts';

/** The documents of an event (those of its topics), as a subquery over `documents`. */
export const EVENT_DOCUMENTS = `(SELECT *, event_time FROM documents
  WHERE topic_id IN (SELECT arrayJoin(topic_ids) FROM events FINAL WHERE id = {eventId:String})
  ORDER BY id, analyzed_at DESC LIMIT 1 BY id)`;

/** An event with what its page shows first: sentiment and media mix, regions, people, index parts. */
export interface EventDetail {
  event: EventRecord;
  sentiment: { positive: number; neutral: number; negative: number };
  mediaTypes: Array<{ mediaType: string; documents: number }>;
  regions: Array<{ code: string; name: string; documents: number }>;
  persons: Array<{ name: string; documents: number }>;
  /** The newest index computation with its parts (points per factor and `input.*`). */
  index: { score: number; level: string; parts: Record<string, number>; computedAt: number } | null;
}

export function buildEventDetailQueries(eventId: string): Record<string, BuiltQuery> {
  const params = { eventId };
  return {
    event: { query: `SELECT ${EVENT_COLUMNS} FROM events FINAL WHERE id = {eventId:String} LIMIT 1`, params },
    mix: {
      query: `SELECT media_type, sentiment_label, count() AS documents FROM ${EVENT_DOCUMENTS}
        GROUP BY media_type, sentiment_label`,
      params,
    },
    regions: {
      query: `SELECT code, any(name) AS name, count() AS documents
        FROM ${EVENT_DOCUMENTS} ARRAY JOIN region_codes AS code, region_names AS name
        GROUP BY code ORDER BY documents DESC, code LIMIT 20`,
      params,
    },
    persons: {
      query: `SELECT person AS name, count() AS documents FROM ${EVENT_DOCUMENTS} ARRAY JOIN persons AS person
        GROUP BY person ORDER BY documents DESC, person LIMIT 20`,
      params,
    },
    index: {
      query: `SELECT score, level, parts, toUnixTimestamp64Milli(computed_at) AS computed_at FROM opinion_index
        WHERE kind = 'event' AND id = {eventId:String} ORDER BY computed_at DESC LIMIT 1`,
      params,
    },
  };
}

type Num = number | string;

export async function getEventDetail(store: Store, eventId: string): Promise<EventDetail | null> {
  const q = buildEventDetailQueries(eventId) as Record<
    'event' | 'mix' | 'regions' | 'persons' | 'index',
    BuiltQuery
  >;
  const [event] = await store.query<EventRow>('getEventDetail', q.event);
  if (!event) return null;
  const [mix, regions, persons, index] = await Promise.all([
    store.query<{ media_type: string; sentiment_label: string; documents: Num }>('getEventDetail.mix', q.mix),
    store.query<{ code: string; name: string; documents: Num }>('getEventDetail.regions', q.regions),
    store.query<{ name: string; documents: Num }>('getEventDetail.persons', q.persons),
    store.query<{ score: number; level: string; parts: Record<string, number>; computed_at: Num }>(
      'getEventDetail.index',
      q.index,
    ),
  ]);
  const sentiment = { positive: 0, neutral: 0, negative: 0 };
  const media = new Map<string, number>();
  for (const m of mix) {
    const n = Number(m.documents);
    if (m.sentiment_label in sentiment) sentiment[m.sentiment_label as keyof typeof sentiment] += n;
    media.set(m.media_type, (media.get(m.media_type) ?? 0) + n);
  }
  const i = index[0];
  return {
    event: toEventRecord(event),
    sentiment,
    mediaTypes: [...media]
      .map(([mediaType, documents]) => ({ mediaType, documents }))
      .sort((a, b) => b.documents - a.documents || a.mediaType.localeCompare(b.mediaType)),
    regions: regions.map((r) => ({ code: r.code, name: r.name, documents: Number(r.documents) })),
    persons: persons.map((p) => ({ name: p.name, documents: Number(p.documents) })),
    index: i
      ? {
          score: Number(i.score),
          level: i.level,
          parts: Object.fromEntries(Object.entries(i.parts).map(([k, v]) => [k, Number(v)])),
          computedAt: Number(i.computed_at),
        }
      : null,
  };
}
