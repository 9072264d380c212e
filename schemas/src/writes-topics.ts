import type { Store } from './store/engine.ts';

export type TopicState = 'emerging' | 'rising' | 'peak' | 'declining' | 'ended';

/**
 * One version of a hot topic as the `topics` table keeps it: what readers show (label,
 * statistics, state) and what the analyzer needs to resume clustering (centroid, rates).
 * Times are epoch milliseconds.
 */
export interface TopicRecord {
  id: string;
  /** Grows with every change; the highest version of an id wins. */
  version: number;
  label: string;
  keywords: string[];
  representativeTitle: string;
  representativeDocId: string;
  firstSeen: number;
  lastSeen: number;
  volume: number;
  /** Documents per hour, recent. */
  velocity: number;
  sources: number;
  /** Distinct sources seen (capped), to keep counting them after a restart. */
  sourceNames: string[];
  sentiment: { positive: number; neutral: number; negative: number };
  /** Most frequent first. */
  regionCodes: string[];
  regionCounts: Record<string, number>;
  state: TopicState;
  /** The topic this one was merged into, or ''. */
  mergedInto: string;
  centroid: Record<string, number>;
  rates: { short: number; long: number; peak: number; at: number };
  /** The topic's decayed share-of-attention counter at `lastSeen`. */
  attention: number;
  representativeScore: number;
  updatedAt: number;
}

export function writeTopics(store: Store, topics: readonly TopicRecord[]): Promise<void> {
  if (topics.length === 0) return Promise.resolve();
  return store.insert(
    'topics',
    topics.map((t) => ({
      id: t.id,
      version: t.version,
      label: t.label,
      keywords: t.keywords,
      representative_title: t.representativeTitle,
      representative_doc_id: t.representativeDocId,
      first_seen: t.firstSeen,
      last_seen: t.lastSeen,
      volume: t.volume,
      velocity: t.velocity,
      sources: t.sources,
      source_names: t.sourceNames,
      sentiment_positive: t.sentiment.positive,
      sentiment_neutral: t.sentiment.neutral,
      sentiment_negative: t.sentiment.negative,
      region_codes: t.regionCodes,
      region_counts: t.regionCounts,
      state: t.state,
      merged_into: t.mergedInto,
      centroid: t.centroid,
      rate_short: t.rates.short,
      rate_long: t.rates.long,
      rate_peak: t.rates.peak,
      rate_at: t.rates.at,
      attention: t.attention,
      representative_score: t.representativeScore,
      updated_at: t.updatedAt,
    })),
  );
}
