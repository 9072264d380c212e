import type { TopicRecord } from '@yuqing/schemas';
import {
  countDocument,
  DEFAULT_LIFECYCLE,
  emptyRates,
  lifecycle,
  type Rates,
  velocity,
} from './lifecycle.ts';
import type { Topic, TopicDocument } from './types.ts';
import { addInto, norm, type SparseVector, topTerms } from './vector.ts';

const HOUR = 3_600_000;
const MAX_SOURCE_NAMES = 200;
const LABEL_TERMS = 5;
const KEYWORDS = 10;

/** One topic being tracked: its decayed centroid and running statistics. */
export class Cluster {
  centroid = new Map<string, number>();
  centroidNorm = 0;
  firstSeen: number;
  lastSeen: number;
  volume = 0;
  rates: Rates;
  attention = 0;
  sourceNames = new Set<string>();
  sources = 0;
  sentiment = { positive: 0, neutral: 0, negative: 0 };
  regions = new Map<string, number>();
  representativeTitle = '';
  representativeDocId = '';
  representativeScore = -1;
  mergedInto = '';
  /** Changed since the last snapshot of changes; the state last written. */
  dirty = true;
  recordedState = '';

  constructor(
    readonly id: string,
    time: number,
  ) {
    this.firstSeen = time;
    this.lastSeen = time;
    this.rates = emptyRates(time);
  }

  /** Attention counter decayed to `time`. */
  attentionAt(time: number, hours: number): number {
    return this.attention * Math.exp(-Math.max(0, time - this.lastSeen) / (hours * HOUR));
  }

  /**
   * Adds a document: decays the centroid by the quiet time, adds the vector, trims the centroid
   * to `maxTerms` (returning the terms added and removed, for the inverted index).
   */
  add(
    doc: TopicDocument,
    vector: SparseVector,
    similarity: number,
    o: { centroidHours: number; attentionHours: number; centroidTerms: number; anchorTerms: number },
  ): { added: string[]; removed: string[] } {
    const time = Math.max(doc.time, this.lastSeen);
    const added = vector.terms.filter((t) => !this.centroid.has(t));
    const weight = o.anchorTerms > 0 ? Math.min(1, vector.terms.length / o.anchorTerms) : 1;
    const decay = Math.exp(-(time - this.lastSeen) / (o.centroidHours * HOUR));
    addInto(this.centroid, vector, decay, weight);
    const removed: string[] = [];
    if (this.centroid.size > o.centroidTerms * 1.5) {
      const keep = new Set(topTerms(this.centroid, o.centroidTerms).map(([t]) => t));
      for (const t of this.centroid.keys()) if (!keep.has(t)) removed.push(t);
      for (const t of removed) this.centroid.delete(t);
    }
    this.centroidNorm = norm(this.centroid);
    this.attention = this.attentionAt(time, o.attentionHours) + 1;
    this.rates = countDocument(this.rates, doc.time, DEFAULT_LIFECYCLE);
    this.firstSeen = Math.min(this.firstSeen, doc.time);
    this.lastSeen = time;
    this.volume++;
    if (this.sourceNames.size < MAX_SOURCE_NAMES) this.sourceNames.add(doc.source);
    this.sources = Math.max(this.sources, this.sourceNames.size);
    const s = doc.sentiment === 'positive' || doc.sentiment === 'negative' ? doc.sentiment : 'neutral';
    this.sentiment[s]++;
    for (const r of doc.regions) this.regions.set(r, (this.regions.get(r) ?? 0) + 1);
    // The most central document with something to read stands for the topic.
    const score = similarity * Math.min(1, doc.title.length / 20);
    if (score > this.representativeScore) {
      this.representativeScore = score;
      this.representativeTitle = doc.title;
      this.representativeDocId = doc.id;
    }
    this.dirty = true;
    return { added, removed: removed.filter((t) => !added.includes(t)) };
  }

  keywords(limit = KEYWORDS): string[] {
    return topTerms(this.centroid, limit + 4)
      .map(([t]) => t)
      .filter((t) => !t.startsWith('@'))
      .slice(0, limit);
  }

  topic(now: number): Topic {
    const keywords = this.keywords();
    return {
      id: this.id,
      label: keywords.slice(0, LABEL_TERMS).join(' '),
      keywords,
      representativeTitle: this.representativeTitle,
      representativeDocId: this.representativeDocId,
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      volume: this.volume,
      velocity: velocity(this.rates, now, DEFAULT_LIFECYCLE),
      sources: this.sources,
      sentiment: { ...this.sentiment },
      regions: [...this.regions].sort((a, b) => b[1] - a[1]).map(([code]) => code),
      state: this.mergedInto ? 'ended' : lifecycle(this.rates, this, now),
      mergedInto: this.mergedInto,
    };
  }

  record(now: number, version: number): TopicRecord {
    const topic = this.topic(now);
    return {
      ...topic,
      version,
      sourceNames: [...this.sourceNames],
      regionCodes: topic.regions,
      regionCounts: Object.fromEntries(this.regions),
      centroid: Object.fromEntries(this.centroid),
      rates: { ...this.rates },
      attention: this.attention,
      representativeScore: this.representativeScore,
      updatedAt: now,
    };
  }

  static fromRecord(r: TopicRecord): Cluster {
    const c = new Cluster(r.id, r.firstSeen);
    c.centroid = new Map(Object.entries(r.centroid).map(([t, w]) => [t, Number(w)]));
    c.centroidNorm = norm(c.centroid);
    c.lastSeen = r.lastSeen;
    c.volume = r.volume;
    c.rates = { ...r.rates };
    c.attention = r.attention;
    c.sourceNames = new Set(r.sourceNames);
    c.sources = r.sources;
    c.sentiment = { ...r.sentiment };
    c.regions = new Map(Object.entries(r.regionCounts).map(([k, n]) => [k, Number(n)]));
    c.representativeTitle = r.representativeTitle;
    c.representativeDocId = r.representativeDocId;
    c.representativeScore = r.representativeScore;
    c.mergedInto = r.mergedInto;
    c.dirty = false;
    c.recordedState = r.state;
    return c;
  }
}
