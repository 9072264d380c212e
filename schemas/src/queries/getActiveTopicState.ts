import type { BuiltQuery, Store } from '../store/engine.ts';
import type { TopicRecord, TopicState } from '../writes-topics.ts';

/** Columns of a topic row with times as epoch milliseconds; shared with `getTopics`. */
export const TOPIC_COLUMNS = `id, version, label, keywords, representative_title, representative_doc_id,
  toUnixTimestamp64Milli(first_seen) AS first_seen, toUnixTimestamp64Milli(last_seen) AS last_seen,
  volume, velocity, sources, sentiment_positive, sentiment_neutral, sentiment_negative,
  region_codes, state, merged_into`;

export interface TopicRow {
  id: string;
  version: number | string;
  label: string;
  keywords: string[];
  representative_title: string;
  representative_doc_id: string;
  first_seen: number | string;
  last_seen: number | string;
  volume: number;
  velocity: number;
  sources: number;
  sentiment_positive: number;
  sentiment_neutral: number;
  sentiment_negative: number;
  region_codes: string[];
  state: string;
  merged_into: string;
}

interface StateRow extends TopicRow {
  source_names: string[];
  region_counts: Record<string, number>;
  centroid: Record<string, number>;
  rate_short: number;
  rate_long: number;
  rate_peak: number;
  rate_at: number | string;
  attention: number;
  representative_score: number;
  updated_at: number | string;
}

/**
 * The newest version of every topic seen since `since` (epoch ms) and not merged away: what the
 * analyzer needs to resume clustering after a restart.
 */
export function buildActiveTopicStateQuery(since: number, limit: number): BuiltQuery {
  return {
    query: `SELECT ${TOPIC_COLUMNS}, source_names, region_counts, centroid, rate_short, rate_long, rate_peak,
        toUnixTimestamp64Milli(rate_at) AS rate_at, attention, representative_score,
        toUnixTimestamp64Milli(updated_at) AS updated_at
      FROM topics FINAL
      WHERE topics.last_seen >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') AND merged_into = ''
      ORDER BY last_seen DESC
      LIMIT {limit:UInt32}`,
    params: { since, limit },
  };
}

export function toTopicRecord(r: StateRow): TopicRecord {
  return {
    id: r.id,
    version: Number(r.version),
    label: r.label,
    keywords: r.keywords,
    representativeTitle: r.representative_title,
    representativeDocId: r.representative_doc_id,
    firstSeen: Number(r.first_seen),
    lastSeen: Number(r.last_seen),
    volume: Number(r.volume),
    velocity: Number(r.velocity),
    sources: Number(r.sources),
    sourceNames: r.source_names,
    sentiment: {
      positive: Number(r.sentiment_positive),
      neutral: Number(r.sentiment_neutral),
      negative: Number(r.sentiment_negative),
    },
    regionCodes: r.region_codes,
    regionCounts: Object.fromEntries(Object.entries(r.region_counts).map(([k, n]) => [k, Number(n)])),
    state: r.state as TopicState,
    mergedInto: r.merged_into,
    centroid: Object.fromEntries(Object.entries(r.centroid).map(([k, w]) => [k, Number(w)])),
    rates: { short: r.rate_short, long: r.rate_long, peak: r.rate_peak, at: Number(r.rate_at) },
    attention: Number(r.attention),
    representativeScore: Number(r.representative_score),
    updatedAt: Number(r.updated_at),
  };
}

export async function getActiveTopicState(store: Store, since: number, limit = 5000): Promise<TopicRecord[]> {
  const rows = await store.query<StateRow>('getActiveTopicState', buildActiveTopicStateQuery(since, limit));
  return rows.map(toTopicRecord);
}
