import {
  type AnalyzedDocument,
  type DocumentLinkRecord,
  type EventRecord,
  getEventLinkTargets,
  getEvents,
  getEventTopicStats,
  nextVersion,
  type OpinionIndexRecord,
  type Store,
  type TopicStats,
  writeDocumentLinks,
  writeEvents,
  writeOpinionIndex,
} from '@yuqing/schemas';
import type { DocumentObserver, ObserverContext } from '../observer.ts';
import { computeIndex, groupInputs } from '../opinion-index/compute.ts';
import type { OpinionIndexConfig } from '../opinion-index/config.ts';
import type { OpinionIndexObserver } from '../opinion-index/observer.ts';
import type { BatchTexts } from '../plans/texts.ts';
import { urlsIn } from './links.ts';
import {
  combineTopics,
  crossedThresholds,
  type EventThresholds,
  eventIdFor,
  eventRecord,
} from './thresholds.ts';

const RELOAD_MS = 5_000;

/**
 * Follows the topics of each batch: a topic that crosses a threshold becomes an event, and every
 * event whose topics grew gets a new version with its statistics, first report and index. Links
 * from an event's new documents to stored documents (a URL in the text) are recorded for the
 * reprint chains. Events promoted by analysts (`promoteTopic`) are picked up within seconds.
 */
export class EventTracker implements DocumentObserver {
  readonly name = 'events';
  private byTopic = new Map<string, EventRecord>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  /** Event ids of the last batch's topics (the alert engine reads them). */
  readonly eventOfTopic = new Map<string, string>();

  constructor(
    private readonly options: {
      thresholds: EventThresholds;
      index: OpinionIndexConfig;
      texts: BatchTexts;
      /** Statistics of the batch's topics, when the index observer ran first. */
      indexObserver?: OpinionIndexObserver;
    },
  ) {}

  async restore(store: Store): Promise<void> {
    await this.reload(store, Date.now());
  }

  private async reload(store: Store, now: number): Promise<void> {
    const events = await getEvents(store, {
      since: now - this.options.thresholds.followHours * 3_600_000,
      limit: 100_000,
    });
    this.byTopic = new Map();
    this.eventOfTopic.clear();
    for (const e of events) {
      for (const t of e.topicIds) {
        this.byTopic.set(t, e);
        this.eventOfTopic.set(t, e.id);
      }
    }
    this.loadedAt = Date.now();
  }

  async onDocuments(
    docs: readonly AnalyzedDocument[],
    { store, logger, now }: ObserverContext,
  ): Promise<void> {
    if (Date.now() - this.loadedAt >= RELOAD_MS) await this.reload(store, now.getTime());
    const topicIds = [...new Set(docs.map((d) => d.topicId).filter((t): t is string => !!t))];
    if (topicIds.length === 0) return;
    const fromIndex = this.options.indexObserver?.topicStats;
    const stats =
      fromIndex && topicIds.every((t) => fromIndex.has(t))
        ? fromIndex
        : await getEventTopicStats(store, topicIds, this.options.indexObserver?.homePrefixes ?? []);

    // Events touched by this batch, with the topics each one needs statistics for.
    const touched = new Map<string, { previous?: EventRecord; topics: Set<string>; reasons: string[] }>();
    // What a reload would keep: events seen within followHours of this batch. Held longer, an
    // event would follow its topic or not depending on when the last reload happened to run.
    const followFrom = now.getTime() - this.options.thresholds.followHours * 3_600_000;
    for (const topicId of topicIds) {
      const s = stats.get(topicId);
      if (!s) continue;
      const known = this.byTopic.get(topicId);
      const existing = known && known.lastSeen >= followFrom ? known : undefined;
      const index = computeIndex(groupInputs(s, this.options.index), this.options.index);
      const reasons = crossedThresholds(s, index, this.options.thresholds);
      if (existing) {
        const entry = touched.get(existing.id) ?? {
          previous: existing,
          topics: new Set(existing.topicIds),
          reasons: [],
        };
        entry.reasons.push(...reasons);
        touched.set(existing.id, entry);
      } else if (reasons.length > 0) {
        touched.set(eventIdFor(topicId), { topics: new Set([topicId]), reasons });
      }
    }
    if (touched.size === 0) return;
    // An event quiet for longer than followHours is not in memory; its topic crossing again
    // continues it (reasons, promoter and creation time kept) instead of starting it over.
    const fresh = [...touched].filter(([, e]) => !e.previous).map(([id]) => id);
    if (fresh.length > 0) {
      for (const old of await getEvents(store, { ids: fresh, limit: fresh.length })) {
        const entry = touched.get(old.id);
        if (entry) {
          entry.previous = old;
          for (const t of old.topicIds) entry.topics.add(t);
        }
      }
    }

    const missing = [...new Set([...touched.values()].flatMap((e) => [...e.topics]))].filter(
      (t) => !stats.has(t),
    );
    const all = new Map<string, TopicStats>(stats);
    if (missing.length > 0) {
      for (const [k, v] of await getEventTopicStats(
        store,
        missing,
        this.options.indexObserver?.homePrefixes ?? [],
      )) {
        all.set(k, v);
      }
    }
    const at = now.getTime();
    const records: EventRecord[] = [];
    const indexRows: OpinionIndexRecord[] = [];
    for (const [id, entry] of touched) {
      const topics = [...entry.topics].map((t) => all.get(t)).filter((t): t is TopicStats => t !== undefined);
      if (topics.length === 0) continue;
      const index = computeIndex(groupInputs(combineTopics(topics), this.options.index), this.options.index);
      const record = eventRecord(
        id,
        topics,
        index,
        { version: nextVersion(), now: at, reasons: entry.reasons },
        entry.previous,
      );
      records.push(record);
      for (const t of record.topicIds) {
        this.byTopic.set(t, record);
        this.eventOfTopic.set(t, record.id);
      }
      const observer = this.options.indexObserver;
      if (!observer || observer.changed(`event:${id}`, index)) {
        indexRows.push({ kind: 'event', id, ...index, computedAt: at });
      }
      if (!entry.previous)
        logger.info({ component: 'events', event: id, reasons: entry.reasons }, 'new event');
    }
    await writeEvents(store, records);
    await writeOpinionIndex(store, indexRows);
    await this.recordLinks(store, docs, at);
  }

  /** Links from the batch's event documents to stored documents named by URL in their text. */
  private async recordLinks(store: Store, docs: readonly AnalyzedDocument[], at: number): Promise<void> {
    const inEvents = docs.filter((d) => d.topicId && this.byTopic.has(d.topicId));
    if (inEvents.length === 0) return;
    const texts = await this.options.texts.get(store, docs);
    const found: Array<{ from: string; url: string }> = [];
    for (const d of inEvents) {
      for (const url of urlsIn(texts.get(d.id) ?? '')) if (url !== d.url) found.push({ from: d.id, url });
    }
    if (found.length === 0) return;
    const targets = await getEventLinkTargets(store, [...new Set(found.map((f) => f.url))]);
    const links: DocumentLinkRecord[] = [];
    for (const f of found) {
      const to = targets.get(f.url);
      if (to && to !== f.from) links.push({ fromId: f.from, toId: to, kind: 'url', foundAt: at });
    }
    await writeDocumentLinks(store, links);
  }
}
