/** What the clusterer needs to know about one analyzed document. */
export interface TopicDocument {
  id: string;
  /** jieba words, stop words kept (`TextAnalysis.tokens`). */
  tokens: readonly string[];
  /** Corpus TF-IDF keywords (`Corpus.add(...).keywords`). */
  keywords: readonly string[];
  /** Headline, or the opening of the text when there is none (Weibo posts). */
  title: string;
  /** Publish time in epoch milliseconds. */
  time: number;
  source: string;
  sentiment: 'positive' | 'neutral' | 'negative' | string;
  /** GB/T 2260 codes. */
  regions: readonly string[];
  persons: readonly string[];
  orgs: readonly string[];
  places: readonly string[];
  /** The earlier original this document reprints, if any. */
  duplicateOf: string | null;
}

export type TopicLifecycle = 'emerging' | 'rising' | 'peak' | 'declining' | 'ended';

/** A topic as readers see it. */
export interface Topic {
  id: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  representativeDocId: string;
  firstSeen: number;
  lastSeen: number;
  volume: number;
  /** Documents per hour over the last hour or so (exponentially weighted). */
  velocity: number;
  sources: number;
  sentiment: { positive: number; neutral: number; negative: number };
  /** Most frequent region codes first. */
  regions: string[];
  state: TopicLifecycle;
  /** Set when this topic was merged into another one. */
  mergedInto: string;
}

/** Tunables; the defaults were chosen on the CED dev stream (see analyzer/scripts/eval-topics.ts). */
export interface ClustererOptions {
  /** Join the best topic when its score reaches this; otherwise found a new one. */
  threshold: number;
  /** Weight of a topic's share of current attention (a recency prior), added to the similarity. */
  attention: number;
  /**
   * The prior counts less for documents with more to say: it is multiplied by
   * `priorTerms / (priorTerms + content terms)`, so bare reactions lean on it, long posts do not.
   */
  priorTerms: number;
  /** A document adds `min(1, content terms / anchorTerms)` of its vector to the centroid. */
  anchorTerms: number;
  /**
   * A document with fewer content terms than this cannot found a topic while some topic is
   * active: a bare reaction joins its best candidate instead of seeding a topic of reactions.
   */
  foundTerms: number;
  /** Time constant of the attention (hours): how soon a burst stops pulling reactions in. */
  attentionHours: number;
  /** Similarity to a topic fades with its quiet time on this scale (hours). */
  matchHours: number;
  /** Centroid weights decay on this scale (hours), so a topic follows its drift. */
  centroidHours: number;
  /** Topics quiet for longer leave the active set (hours). */
  evictHours: number;
  /** At most this many active topics are kept in memory. */
  maxActive: number;
  /** Terms kept per document vector and per centroid. */
  docTerms: number;
  centroidTerms: number;
}

export const DEFAULT_OPTIONS: ClustererOptions = {
  threshold: 0.15,
  attention: 1,
  priorTerms: 6,
  anchorTerms: 10,
  foundTerms: 0,
  attentionHours: 0.1,
  matchHours: 12,
  centroidHours: 24,
  evictHours: 7 * 24,
  maxActive: 5000,
  docTerms: 24,
  centroidTerms: 80,
};
