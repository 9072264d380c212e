import {
  type AnalyzedDocument,
  getPendingRawDocuments,
  getRecentSimhashes,
  getTermDf,
  getWatermark,
  type Logger,
  type PendingRawDocument,
  type RawDocument,
  type Store,
  type Watermark,
  writeDocuments,
  writeTermDf,
  writeTopics,
  writeWatermark,
} from '@yuqing/schemas';
import type { AlertDocument } from './alerts/types.ts';
import { toAnalyzedDocument, toTextInput } from './analyze-document.ts';
import { Corpus, DEDUP_WINDOW } from './corpus.ts';
import { fromHex } from './dedup/index.ts';
import type { DocumentObserver } from './observer.ts';
import { alertAnnotations, createObservers } from './observers.ts';
import { authorityOf } from './opinion-index/config.ts';
import { OpinionIndexObserver } from './opinion-index/observer.ts';
import { PeopleObserver } from './people/observer.ts';
import type { TextAnalyzer } from './text-analyzer.ts';
import type { TopicClusterer } from './topics/clusterer.ts';
import { toTopicDocument } from './topics/document.ts';
import { restoreTopics } from './topics/restore.ts';

export const ANALYZE_STAGE = 'analyze';
/**
 * Reads start this far behind the last document taken up: a write that took its time stamp
 * before another's but became visible after it (two writes in flight at once) is still found.
 */
const LOOKBACK_MS = 2000;
/** Batches smaller than this go to one worker whole: splitting costs more than it saves. */
const MIN_PART = 8;

/** The corpus state as the store remembers it: keyword statistics and recent SimHashes. */
export async function restoreCorpus(store: Store): Promise<Corpus> {
  const corpus = new Corpus();
  const { terms, documents } = await getTermDf(store);
  corpus.keywords.load(terms, documents);
  const recent = await getRecentSimhashes(store, DEDUP_WINDOW);
  for (const r of recent.reverse()) corpus.duplicates.add(r.id, fromHex(r.simhash), r.time, r.passages);
  return corpus;
}

/** Everything order-dependent the live pipeline keeps on the thread that owns the store. */
export interface PipelineState {
  corpus: Corpus;
  /** Hot topics; its IDF is the corpus's. */
  topics: TopicClusterer;
  /** The stateful layers that follow the stream (plans, events, people, opinion index), in order. */
  observers: DocumentObserver[];
  /** Documents taken up lately (`id@storedAt` → write ms), which the look-back skips. */
  recent: Map<string, number>;
  /** The watermark when this state first read: what is at or before it was done by an earlier run. */
  floor?: Watermark;
}

/**
 * Restores the whole pipeline state from the store: the corpus, the active topics, and each
 * observer. An observer that fails to restore is logged and starts empty; the pipeline runs on.
 */
export async function restoreState(
  store: Store,
  logger: Logger,
  options: { corpus?: Corpus; observers?: DocumentObserver[] } = {},
): Promise<PipelineState> {
  const corpus = options.corpus ?? (await restoreCorpus(store));
  corpus.keywords.idf('预热'); // loads the shipped IDF table now rather than on the first batch
  const topics = await restoreTopics(store, (w) => corpus.keywords.idf(w));
  const observers = options.observers ?? createObservers();
  const log = logger.child({ component: 'analyzer' });
  for (const observer of observers) {
    try {
      await observer.restore?.(store);
    } catch (error) {
      log.error(
        { observer: observer.name, err: error },
        'observer could not restore its state; it starts empty',
      );
    }
  }
  return { corpus, topics, observers, recent: new Map() };
}

/** Callers that restored only a corpus get the rest once, the first time they analyze with it. */
const statesByCorpus = new WeakMap<Corpus, Promise<PipelineState>>();

function stateFor(store: Store, logger: Logger, corpus: Corpus): Promise<PipelineState> {
  let state = statesByCorpus.get(corpus);
  if (!state) {
    state = restoreState(store, logger, { corpus });
    statesByCorpus.set(corpus, state);
    state.catch(() => statesByCorpus.delete(corpus));
  }
  return state;
}

/** What the pipeline needs of the alert engine (`AlertEngine` fits). */
export interface BatchAlerts {
  onDocuments(docs: readonly AlertDocument[], now?: Date): Promise<unknown>;
}

/** Raw documents read and analysed together: split over the workers, each gets its share at once. */
export const DEFAULT_BATCH_SIZE = 500;

export interface AnalyzeOptions {
  logger: Logger;
  analyzer: TextAnalyzer;
  /** The restored state (`restoreState`). */
  state?: PipelineState;
  /** Or only the corpus (`restoreCorpus`): topics and observers are then restored on first use. */
  corpus?: Corpus;
  /** Evaluates each stored batch; its failure leaves the batch to be retried. */
  alerts?: BatchAlerts;
  batchSize?: number;
  signal?: AbortSignal;
  /** The wall clock (tests replay a past day with their own). */
  clock?: () => Date;
}

/**
 * Analyzes every raw document fetched after the stage's watermark, a batch at a time: the text
 * analysis runs in worker threads (one batch ahead); the corpus and the topics here, in fetch
 * order. Each batch is stored, its changed topics written, then the observers and the alert engine
 * see it, and only then the watermark moves. A failure or crash before that re-analyzes the batch:
 * ReplacingMergeTree keeps one row per document, a document the clusterer already placed keeps its
 * topic, and the alert engine counts a document once (observers may see the batch again).
 */
export async function analyzeOnce(store: Store, options: AnalyzeOptions): Promise<{ analyzed: number }> {
  const log = options.logger.child({ component: 'analyzer' });
  const state =
    options.state ?? (options.corpus ? await stateFor(store, options.logger, options.corpus) : null);
  if (!state) throw new Error('analyzeOnce needs a state (restoreState) or a corpus (restoreCorpus)');
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let analyzed = 0;
  const key = (r: PendingRawDocument) => `${r.id}@${r.storedAt}`;
  let mark = await getWatermark(store, ANALYZE_STAGE);
  // This state knows only what it took up itself: the look-back never reaches below where it began.
  state.floor ??= mark;
  const floor = state.floor;
  const behind = (m: Watermark): Watermark => {
    const back = { time: new Date(Math.max(0, Date.parse(m.time) - LOOKBACK_MS)).toISOString(), id: '' };
    return later(floor, back) ? floor : back;
  };
  /** The next documents not taken up yet, read from `from` on, with their text analysis started. */
  const ahead = async (from: Watermark) => {
    for (;;) {
      const rows = await getPendingRawDocuments(store, from, batchSize);
      const batch = rows.filter((r) => !state.recent.has(key(r)));
      for (const r of batch) state.recent.set(key(r), Date.parse(r.storedAt));
      if (batch.length > 0 || rows.length < batchSize) {
        // Watched names and aliases are cut whole, so their mentions are found as persons.
        const people = state.observers.find((o) => o instanceof PeopleObserver);
        if (people && batch.length > 0) await options.analyzer.addUserWords(people.userWords());
        const texts = analyzeSplit(options.analyzer, batch, state.observers);
        texts.catch(() => {}); // awaited below; one dropped on abort or error must not go unhandled
        return { batch, texts, through: rows.at(-1) };
      }
      from = toMark(rows.at(-1) as PendingRawDocument);
    }
  };
  let next = ahead(behind(mark));
  let current: PendingRawDocument[] = [];
  try {
    while (!options.signal?.aborted) {
      const { batch, texts: analysis, through } = await next;
      current = batch;
      if (batch.length === 0 || !through) break;
      const started = performance.now();
      // The next batch is read and analyzed in the workers while this one is stored and alerted.
      next = ahead(behind(toMark(through)));
      next.catch(() => {});
      const texts = await analysis;
      const analyzedMs = performance.now();
      const now = clock();
      const docs = batch.map((raw, i) => {
        const text = texts[i] as (typeof texts)[number];
        const time = Date.parse(raw.publishedAt ?? raw.fetchedAt);
        const corpus = state.corpus.add(text, time);
        const topicId =
          state.topics.topicOf(raw.id) ??
          state.topics.assign(
            toTopicDocument({ ...raw, ...text, ...corpus, source: raw.site || raw.source }, now.getTime()),
          );
        return toAnalyzedDocument(raw, text, corpus, now, topicId);
      });
      const clusteredMs = performance.now();
      await writeDocuments(store, docs);
      await writeTopics(store, state.topics.takeChanged(now.getTime(), now.getTime()));
      const df = state.corpus.takeDfDelta();
      await writeTermDf(store, df.terms, df.documents);
      const storedMs = performance.now();
      await notifyObservers(state.observers, docs, { store, logger: log, now });
      const observedMs = performance.now();
      if (options.alerts) await options.alerts.onDocuments(forAlerts(docs, batch, state), clock());
      const alertedMs = performance.now();
      if (later(toMark(through), mark)) mark = toMark(through);
      await writeWatermark(store, ANALYZE_STAGE, mark);
      current = [];
      const forget = Date.parse(mark.time) - 3 * LOOKBACK_MS;
      for (const [k, stored] of state.recent) if (stored < forget) state.recent.delete(k);
      analyzed += docs.length;
      const ms = (from: number, to: number) => Math.round(to - from);
      log.info(
        {
          docs: docs.length,
          ms: ms(started, performance.now()),
          steps: {
            text: ms(started, analyzedMs),
            corpus: ms(analyzedMs, clusteredMs),
            store: ms(clusteredMs, storedMs),
            observers: ms(storedMs, observedMs),
            alerts: ms(observedMs, alertedMs),
          },
        },
        'analyzed batch',
      );
    }
  } finally {
    // Not done: taken up again next time. Read ahead but never reached: likewise.
    for (const r of current) state.recent.delete(key(r));
    next.then(
      (n) => {
        for (const r of n.batch) state.recent.delete(key(r));
      },
      () => {},
    );
  }
  return { analyzed };
}

const toMark = (r: PendingRawDocument): Watermark => ({ time: r.storedAt, id: r.id });
const later = (a: Watermark, b: Watermark) =>
  Date.parse(a.time) > Date.parse(b.time) || (a.time === b.time && a.id > b.id);

/** Each observer in order; one that fails is logged by name and the others still run. */
async function notifyObservers(
  observers: readonly DocumentObserver[],
  docs: readonly AnalyzedDocument[],
  context: { store: Store; logger: Logger; now: Date },
): Promise<void> {
  for (const observer of observers) {
    try {
      await observer.onDocuments(docs, context);
    } catch (error) {
      context.logger.error(
        { observer: observer.name, docs: docs.length, err: error },
        'observer failed on a batch; the pipeline goes on',
      );
    }
  }
}

/**
 * The batch split over the worker threads (a pool sends each call to one worker). Each document
 * carries its source's authority as the opinion index reads it, so that the sensitivity score
 * weighs the source the same way.
 */
async function analyzeSplit(
  analyzer: TextAnalyzer,
  batch: readonly RawDocument[],
  observers: readonly DocumentObserver[],
) {
  if (batch.length === 0) return [];
  const index = observers.find((o) => o instanceof OpinionIndexObserver);
  const input = (raw: RawDocument) =>
    toTextInput(raw, { authority: index && authorityOf(index.config, raw.source, raw.mediaType) });
  const parts = Math.max(1, Math.min(analyzer.workers, Math.ceil(batch.length / MIN_PART)));
  const size = Math.ceil(batch.length / parts);
  const calls = [];
  for (let i = 0; i < batch.length; i += size)
    calls.push(analyzer.analyze(batch.slice(i, i + size).map(input)));
  return (await Promise.all(calls)).flat();
}

/**
 * What alert rules read: the whole text (keyword expressions), and what the observers found (the
 * opinion index for `index` conditions, the event that groups the alert).
 */
function forAlerts(
  docs: readonly AnalyzedDocument[],
  batch: readonly RawDocument[],
  state: PipelineState,
): AlertDocument[] {
  return docs.map((d, i) => {
    const raw = batch[i] as RawDocument;
    return { ...d, text: `${raw.title}\n${raw.body}`, ...alertAnnotations(state.observers, d) };
  });
}
