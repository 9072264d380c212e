import {
  type AnalyzedDocument,
  getEventTopicStats,
  type OpinionIndexRecord,
  type TopicStats,
  writeOpinionIndex,
} from '@yuqing/schemas';
import { BoundedMap } from '../bounded-map.ts';
import type { DocumentObserver, ObserverContext } from '../observer.ts';
import { computeIndex, documentInputs, groupInputs, type IndexResult } from './compute.ts';
import { type OpinionIndexConfig, regionPrefix } from './config.ts';

/**
 * Computes the opinion index of every document of a batch and of every topic the batch touched,
 * and stores them (table `opinion_index`). A topic's index is stored again only when it moved by
 * `minChange` or changed level. The batch's results stay readable until the next batch, for the
 * event tracker and the alert engine (`scoreOf`).
 */
export class OpinionIndexObserver implements DocumentObserver {
  readonly name = 'opinion-index';
  /** Statistics of the topics of the last batch (the event tracker reads them). */
  topicStats = new Map<string, TopicStats>();
  topicIndex = new Map<string, IndexResult>();
  documentIndex = new Map<string, IndexResult>();
  private readonly stored = new BoundedMap<string, IndexResult>(50_000);
  readonly homePrefixes: string[];

  constructor(readonly config: OpinionIndexConfig) {
    this.homePrefixes = config.homeRegions.map(regionPrefix);
  }

  /** The index of a document of the last batch. */
  scoreOf(documentId: string): IndexResult | undefined {
    return this.documentIndex.get(documentId);
  }

  async onDocuments(docs: readonly AnalyzedDocument[], { store, now }: ObserverContext): Promise<void> {
    const topicIds = [...new Set(docs.map((d) => d.topicId).filter((t): t is string => !!t))];
    this.topicStats = await getEventTopicStats(store, topicIds, this.homePrefixes);
    const at = now.getTime();
    const rows: OpinionIndexRecord[] = [];
    this.documentIndex = new Map();
    for (const doc of docs) {
      const stats = doc.topicId ? this.topicStats.get(doc.topicId) : undefined;
      const result = computeIndex(documentInputs(doc, stats, this.config), this.config);
      this.documentIndex.set(doc.id, result);
      rows.push({ kind: 'document', id: doc.id, ...result, computedAt: at });
    }
    this.topicIndex = new Map();
    for (const [id, stats] of this.topicStats) {
      const result = computeIndex(groupInputs(stats, this.config), this.config);
      this.topicIndex.set(id, result);
      if (this.changed(`topic:${id}`, result)) rows.push({ kind: 'topic', id, ...result, computedAt: at });
    }
    await writeOpinionIndex(store, rows);
  }

  /** True (and remembered) when the index moved enough since it was last stored. */
  changed(key: string, result: IndexResult): boolean {
    const last = this.stored.get(key);
    if (last && last.level === result.level && Math.abs(last.score - result.score) < this.config.minChange) {
      return false;
    }
    this.stored.set(key, result);
    return true;
  }
}
