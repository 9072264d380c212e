import type { BuiltQuery, Store } from '../store/engine.ts';
import type { EventRecord, EventState } from '../writes-events.ts';

export interface EventsFilter {
  ids?: readonly string[];
  /** Events that include one of these topics. */
  topicIds?: readonly string[];
  /** Only events seen at or after this time (epoch ms). */
  since?: number;
  states?: readonly EventState[];
  /** Only events whose index level is one of these (blue, yellow, orange, red). */
  levels?: readonly string[];
  orderBy?: 'last_seen' | 'index' | 'volume';
  limit?: number;
}

const ORDER: Record<NonNullable<EventsFilter['orderBy']>, string> = {
  last_seen: 'last_seen DESC',
  index: 'index_score DESC, last_seen DESC',
  volume: 'volume DESC, last_seen DESC',
};

export const EVENT_COLUMNS = `id, version, topic_ids, title, keywords, state, reasons, promoted_by,
  first_doc_id, toUnixTimestamp64Milli(first_time) AS first_time, first_site, first_source, first_title, first_url,
  toUnixTimestamp64Milli(last_seen) AS last_seen, volume, sources, negative, max_sensitivity, index_score,
  index_level, toUnixTimestamp64Milli(created_at) AS created_at, toUnixTimestamp64Milli(updated_at) AS updated_at`;

export function buildEventsQuery(filter: EventsFilter = {}): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit ?? 100 };
  if (filter.ids) {
    where.push('id IN {ids:Array(String)}');
    params.ids = filter.ids;
  }
  if (filter.topicIds) {
    where.push('hasAny(topic_ids, {topicIds:Array(String)})');
    params.topicIds = filter.topicIds;
  }
  if (filter.since !== undefined) {
    where.push("events.last_seen >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')");
    params.since = filter.since;
  }
  if (filter.states) {
    where.push('state IN {states:Array(String)}');
    params.states = filter.states;
  }
  if (filter.levels) {
    where.push('index_level IN {levels:Array(String)}');
    params.levels = filter.levels;
  }
  return {
    query: `SELECT ${EVENT_COLUMNS} FROM events FINAL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${ORDER[filter.orderBy ?? 'last_seen']}, id
      LIMIT {limit:UInt32}`,
    params,
  };
}

export interface EventRow {
  id: string;
  version: number | string;
  topic_ids: string[];
  title: string;
  keywords: string[];
  state: string;
  reasons: string[];
  promoted_by: string;
  first_doc_id: string;
  first_time: number | string;
  first_site: string;
  first_source: string;
  first_title: string;
  first_url: string;
  last_seen: number | string;
  volume: number | string;
  sources: number | string;
  negative: number | string;
  max_sensitivity: number | string;
  index_score: number;
  index_level: string;
  created_at: number | string;
  updated_at: number | string;
}

export function toEventRecord(r: EventRow): EventRecord {
  return {
    id: r.id,
    version: Number(r.version),
    topicIds: r.topic_ids,
    title: r.title,
    keywords: r.keywords,
    state: r.state as EventState,
    reasons: r.reasons,
    promotedBy: r.promoted_by,
    firstReport: {
      docId: r.first_doc_id,
      time: Number(r.first_time),
      site: r.first_site,
      source: r.first_source,
      title: r.first_title,
      url: r.first_url,
    },
    lastSeen: Number(r.last_seen),
    volume: Number(r.volume),
    sources: Number(r.sources),
    negative: Number(r.negative),
    maxSensitivity: Number(r.max_sensitivity),
    indexScore: Number(r.index_score),
    indexLevel: r.index_level,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/** The newest version of each event matching the filter. */
export async function getEvents(store: Store, filter: EventsFilter = {}): Promise<EventRecord[]> {
  const rows = await store.query<EventRow>('getEvents', buildEventsQuery(filter));
  return rows.map(toEventRecord);
}
