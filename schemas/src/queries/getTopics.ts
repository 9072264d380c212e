import type { BuiltQuery, Store } from '../store/engine.ts';
import type { TopicState } from '../writes-topics.ts';
import { TOPIC_COLUMNS, type TopicRow } from './getActiveTopicState.ts';

/** A hot topic as lists and the dashboard show it (no clustering internals). */
export interface TopicSummary {
  id: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  representativeDocId: string;
  firstSeen: string;
  lastSeen: string;
  volume: number;
  velocity: number;
  sources: number;
  sentiment: { positive: number; neutral: number; negative: number };
  regionCodes: string[];
  state: TopicState;
}

export interface TopicsFilter {
  /** Only topics seen at or after this time (ISO). */
  since?: string;
  states?: TopicState[];
  /** Only topics that touch this region code or one below it (prefix match, e.g. `3301`). */
  region?: string;
  minVolume?: number;
  orderBy?: 'velocity' | 'volume' | 'last_seen';
  limit: number;
}

const ORDER: Record<NonNullable<TopicsFilter['orderBy']>, string> = {
  velocity: 'velocity DESC, volume DESC',
  volume: 'volume DESC, last_seen DESC',
  last_seen: 'last_seen DESC',
};

export function buildTopicsQuery(filter: TopicsFilter): BuiltQuery {
  const where = ["merged_into = ''", 'volume >= {minVolume:UInt32}'];
  const params: Record<string, unknown> = { limit: filter.limit, minVolume: filter.minVolume ?? 2 };
  if (filter.since) {
    // Qualified: the SELECT aliases `last_seen` to epoch ms, which a bare name in WHERE would mean.
    where.push("topics.last_seen >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')");
    params.since = Date.parse(filter.since);
  }
  if (filter.states?.length) {
    where.push('state IN {states:Array(String)}');
    params.states = filter.states;
  }
  if (filter.region) {
    where.push('arrayExists(c -> startsWith(c, {region:String}), region_codes)');
    params.region = filter.region;
  }
  return {
    query: `SELECT ${TOPIC_COLUMNS}
      FROM topics FINAL
      WHERE ${where.join(' AND ')}
      ORDER BY ${ORDER[filter.orderBy ?? 'velocity']}, id
      LIMIT {limit:UInt32}`,
    params,
  };
}

export async function getTopics(store: Store, filter: TopicsFilter): Promise<TopicSummary[]> {
  const rows = await store.query<TopicRow>('getTopics', buildTopicsQuery(filter));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    keywords: r.keywords,
    representativeTitle: r.representative_title,
    representativeDocId: r.representative_doc_id,
    firstSeen: new Date(Number(r.first_seen)).toISOString(),
    lastSeen: new Date(Number(r.last_seen)).toISOString(),
    volume: Number(r.volume),
    velocity: Number(r.velocity),
    sources: Number(r.sources),
    sentiment: {
      positive: Number(r.sentiment_positive),
      neutral: Number(r.sentiment_neutral),
      negative: Number(r.sentiment_negative),
    },
    regionCodes: r.region_codes,
    state: r.state as TopicState,
  }));
}
