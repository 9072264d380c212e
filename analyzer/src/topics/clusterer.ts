import { createHash } from 'node:crypto';
import type { TopicRecord } from '@yuqing/schemas';
import { BoundedMap } from '../bounded-map.ts';
import { Cluster } from './cluster.ts';
import { type ClustererOptions, DEFAULT_OPTIONS, type Topic, type TopicDocument } from './types.ts';
import { type Idf, vectorize } from './vector.ts';

const HOUR = 3_600_000;
/** Terms shared by more active topics than this are too common to find candidates by. */
const MAX_POSTING = 400;
/** The most recently active topics are always candidates (reactions share no words with them). */
const RECENT = 8;
/** How many document → topic links are remembered, so a reprint joins its original's topic. */
const DOC_LINKS = 200_000;
const HOUSEKEEPING_EVERY = 1000;
/** Retired topics waiting for `takeChanged`; a caller that never persists (batch) must not leak. */
const MAX_RETIRED = 10_000;

export const topicIdFor = (docId: string) =>
  `t${createHash('sha1').update(docId).digest('hex').slice(0, 15)}`;

/**
 * Incremental single-pass clustering of the document stream into hot topics. Each document is
 * compared with the few active topics that share its heavier terms (an inverted index over
 * centroid terms) plus the most recently active ones; its score for a topic is the cosine with
 * the topic's decayed centroid, faded by the topic's quiet time, plus a share-of-attention
 * prior (a topic that drew most of the last hour's documents draws bare reactions too). A
 * reprint joins its original's topic. Order-dependent: run it on one thread, in time order.
 */
export class TopicClusterer {
  readonly options: ClustererOptions;
  private readonly active = new Map<string, Cluster>();
  private readonly index = new Map<string, Set<Cluster>>();
  private readonly docTopic = new BoundedMap<string, string>(DOC_LINKS);
  /** Topics that left the active set or were merged, still to be reported by `takeChanged`. */
  private readonly retired = new Map<string, Cluster>();
  private recent: Cluster[] = [];
  /** Decayed count of all documents (attention denominator) at `clock`. */
  private attentionTotal = 0;
  private clock = 0;
  private seen = 0;
  private version = 0;

  constructor(
    private readonly idf: Idf,
    options: Partial<ClustererOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /** Resumes from persisted topics (`getActiveTopicState`). */
  static restore(records: readonly TopicRecord[], idf: Idf, options: Partial<ClustererOptions> = {}) {
    const c = new TopicClusterer(idf, options);
    const sorted = records.filter((r) => !r.mergedInto).sort((a, b) => a.lastSeen - b.lastSeen);
    for (const r of sorted) {
      const cluster = Cluster.fromRecord(r);
      c.active.set(cluster.id, cluster);
      for (const t of cluster.centroid.keys()) c.indexTerm(t, cluster);
      if (cluster.representativeDocId) c.docTopic.set(cluster.representativeDocId, cluster.id);
      c.version = Math.max(c.version, r.version);
      c.clock = Math.max(c.clock, r.lastSeen);
    }
    for (const cluster of c.active.values())
      c.attentionTotal += cluster.attentionAt(c.clock, c.options.attentionHours);
    c.recent = sorted
      .slice(-RECENT)
      .reverse()
      .map((r) => c.active.get(r.id) as Cluster);
    return c;
  }

  /** Assigns a document to a topic (founding one if none fits) and returns the topic id. */
  assign(doc: TopicDocument): string {
    const o = this.options;
    const now = Math.max(this.clock, doc.time);
    this.attentionTotal = this.attentionTotal * Math.exp(-(now - this.clock) / (o.attentionHours * HOUR)) + 1;
    this.clock = now;
    const vector = vectorize(doc, this.idf, o.docTerms);
    let best: Cluster | undefined;
    let bestScore = -1;
    let bestSimilarity = 0;
    const original = doc.duplicateOf ? this.docTopic.get(doc.duplicateOf) : undefined;
    const reprinted = original ? this.active.get(original) : undefined;
    if (reprinted) {
      best = reprinted;
      bestSimilarity = 1;
      bestScore = Number.POSITIVE_INFINITY;
    } else {
      const dots = new Map<Cluster, number>();
      vector.terms.forEach((t, i) => {
        const posting = this.index.get(t);
        if (!posting || posting.size > MAX_POSTING) return;
        const w = vector.weights[i] as number;
        for (const c of posting) dots.set(c, (dots.get(c) ?? 0) + w * (c.centroid.get(t) as number));
      });
      for (const c of this.recent) if (!dots.has(c)) dots.set(c, 0);
      const prior = (o.attention * o.priorTerms) / (o.priorTerms + vector.terms.length);
      for (const [c, dot] of dots) {
        const similarity = c.centroidNorm > 0 ? dot / c.centroidNorm : 0;
        const fade = Math.exp(-Math.max(0, now - c.lastSeen) / (o.matchHours * HOUR));
        const share = c.attentionAt(now, o.attentionHours) / this.attentionTotal;
        const score = similarity * fade + prior * share;
        if (score > bestScore) [best, bestScore, bestSimilarity] = [c, score, similarity];
      }
    }
    const canFound = vector.terms.length >= o.foundTerms || bestScore <= 0;
    if (!best || (bestScore < o.threshold && canFound)) {
      best = new Cluster(topicIdFor(doc.id), doc.time);
      this.active.set(best.id, best);
      bestSimilarity = 1;
    }
    const { added, removed } = best.add(doc, vector, bestSimilarity, o);
    for (const t of added) this.indexTerm(t, best);
    for (const t of removed) this.unindexTerm(t, best);
    this.recent = [best, ...this.recent.filter((c) => c !== best)].slice(0, RECENT);
    this.docTopic.set(doc.id, best.id);
    if (++this.seen % HOUSEKEEPING_EVERY === 0) this.housekeeping();
    return best.id;
  }

  /** Every active topic as readers see it at `now`, busiest first. */
  topics(now = this.clock): Topic[] {
    return [...this.active.values()].map((c) => c.topic(now)).sort((a, b) => b.volume - a.volume);
  }

  /** Records of every active topic, to persist the whole state. */
  snapshot(at = this.clock, now = Date.now()): TopicRecord[] {
    const version = this.nextVersion(now);
    return [...this.active.values()].map((c) => c.record(at, version));
  }

  /**
   * Records of the topics changed since the last call, or whose life-cycle state has moved on
   * by `at` (pass the wall clock when live): write them after each batch. `now` versions them.
   */
  takeChanged(at = this.clock, now = Date.now()): TopicRecord[] {
    const version = this.nextVersion(now);
    const out: TopicRecord[] = [];
    for (const c of [...this.active.values(), ...this.retired.values()]) {
      if (!c.dirty && c.topic(at).state === c.recordedState) continue;
      const record = c.record(at, version);
      out.push(record);
      c.recordedState = record.state;
      c.dirty = false;
    }
    this.retired.clear();
    return out;
  }

  /** Forgets the retired topics unreported: for a caller that never persists (batch analysis). */
  dropRetired(): void {
    this.retired.clear();
  }

  /** The topic a document was assigned to, while it is remembered. */
  topicOf(docId: string): string | undefined {
    return this.docTopic.get(docId);
  }

  get size(): number {
    return this.active.size;
  }

  private nextVersion(now: number): number {
    this.version = Math.max(this.version + 1, now);
    return this.version;
  }

  private indexTerm(term: string, cluster: Cluster): void {
    const posting = this.index.get(term);
    if (posting) posting.add(cluster);
    else this.index.set(term, new Set([cluster]));
  }

  private unindexTerm(term: string, cluster: Cluster): void {
    const posting = this.index.get(term);
    posting?.delete(cluster);
    if (posting?.size === 0) this.index.delete(term);
  }

  /** Drops topics quiet for `evictHours`, and the quietest ones beyond `maxActive`. */
  private housekeeping(): void {
    const o = this.options;
    const byQuiet = [...this.active.values()].sort((a, b) => a.lastSeen - b.lastSeen);
    const excess = byQuiet.length - o.maxActive;
    for (const [i, c] of byQuiet.entries()) {
      if (i >= excess && this.clock - c.lastSeen <= o.evictHours * HOUR) break;
      this.retire(c);
    }
  }

  private retire(c: Cluster): void {
    this.active.delete(c.id);
    for (const t of c.centroid.keys()) this.unindexTerm(t, c);
    this.recent = this.recent.filter((r) => r !== c);
    c.dirty = true;
    this.retired.set(c.id, c);
    if (this.retired.size > MAX_RETIRED) this.retired.delete(this.retired.keys().next().value as string);
  }
}
