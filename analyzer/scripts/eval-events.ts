/**
 * Events and the opinion index on real event-grouped Weibo posts (CED: 3,387 source posts with up
 * to 30 comments each, ~98.6k rows). The stream is replayed in time order through the live path:
 * corpus and TopicClusterer, then documents, topics and the observers (opinion index, event
 * tracker) on an embedded store, a batch at a time. Reports how many CED events become tracked
 * events and by which trigger, how pure the events are against the CED labels, after how many
 * of its rows a CED event was detected, and the distribution of the index levels.
 *   npx tsx analyzer/scripts/eval-events.ts [--limit N] [--from 2012-06-01] [--batch 500]
 *     [--cache /tmp/ced-analysis.json] [--set minSources=1,velocity=10] [--workers 2]
 * The cache is the one eval-topics.ts writes (the text analysis of every row, in stream order).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type AnalyzedDocument,
  createLogger,
  getEvents,
  getOpinionIndexDistribution,
  loadConfig,
  migrate,
  openStore,
  writeDocuments,
  writeRawDocuments,
  writeTopics,
} from '@yuqing/schemas';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { documentFacts } from '../src/analyze-document.ts';
import type { TextAnalysis } from '../src/analyze-text.ts';
import { Corpus } from '../src/corpus.ts';
import { EventTracker } from '../src/events/tracker.ts';
import { createObservers } from '../src/observers.ts';
import { analyzeCedTexts, cedTopicDocument, readCed, sliceCed } from '../src/topics/ced.ts';
import { TopicClusterer } from '../src/topics/clusterer.ts';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    from: { type: 'string', default: '2000-01-01' },
    batch: { type: 'string', default: '500' },
    workers: { type: 'string', default: '2' },
    cache: { type: 'string' },
    set: { type: 'string', default: '' },
  },
});

const all = readCed();
const rows = values.limit ? sliceCed(all, values.from, Number(values.limit)) : all;
let texts: TextAnalysis[];
if (values.cache && existsSync(values.cache)) {
  texts = JSON.parse(readFileSync(values.cache, 'utf8')) as TextAnalysis[];
  if (texts.length !== rows.length)
    throw new Error(`${values.cache} holds ${texts.length} analyses, not ${rows.length}`);
} else {
  texts = await analyzeCedTexts(rows, Number(values.workers));
  if (values.cache) writeFileSync(values.cache, JSON.stringify(texts));
}
const thresholds = Object.fromEntries(
  values.set
    .split(',')
    .filter(Boolean)
    .map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]),
);

const logger = createLogger('silent');
const tmp = tempDir('eval-events');
const store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
const started = performance.now();
try {
  await migrate(store, logger);
  const observers = createObservers({ events: thresholds });
  const tracker = observers.find((o) => o instanceof EventTracker) as EventTracker;
  const corpus = new Corpus();
  const clusterer = new TopicClusterer((w) => corpus.keywords.idf(w));
  const size = Number(values.batch);
  /** Event id → rows seen when it was created. */
  const createdAt = new Map<string, number>();
  const goldSeen = new Map<string, number>();
  const goldSeenAt = new Map<string, Map<string, number>>();
  const observerMs = new Map<string, number>();
  let batches = 0;

  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    const docs: AnalyzedDocument[] = part.map((row, k) => {
      const text = texts[start + k] as TextAnalysis;
      const { keywords, duplicateOf } = corpus.add(text, row.time);
      const topicId = clusterer.assign(cedTopicDocument(row, text, keywords, duplicateOf));
      const at = new Date(row.time).toISOString();
      return {
        id: row.id,
        url: `https://weibo.example/${row.id}`,
        source: 'weibo',
        site: 'weibo.com',
        mediaType: 'social',
        title: row.text.slice(0, 60),
        summary: row.text.slice(0, 140),
        publishedAt: at,
        fetchedAt: at,
        analyzedAt: at,
        contentHash: row.id,
        tokens: [],
        keywords,
        ...documentFacts(text),
        duplicateOf,
        topicId,
      };
    });
    for (const row of part) goldSeen.set(row.event, (goldSeen.get(row.event) ?? 0) + 1);
    const now = new Date((part.at(-1) as (typeof part)[number]).time);
    await writeRawDocuments(
      store,
      docs.map((d, k) => ({
        id: d.id,
        url: d.url,
        canonicalUrl: d.url,
        source: d.source,
        site: d.site,
        mediaType: d.mediaType,
        title: '',
        body: (part[k] as (typeof part)[number]).text,
        author: '',
        publishedAt: d.publishedAt,
        fetchedAt: d.fetchedAt,
        contentHash: d.contentHash,
      })),
    );
    await writeDocuments(store, docs);
    await writeTopics(store, clusterer.takeChanged(undefined, now.getTime()));
    for (const o of observers) {
      const t = performance.now();
      await o.onDocuments(docs, { store, logger, now });
      observerMs.set(o.name, (observerMs.get(o.name) ?? 0) + performance.now() - t);
    }
    batches++;
    for (const id of tracker.eventOfTopic.values()) {
      if (!createdAt.has(id)) {
        createdAt.set(id, start + part.length);
        goldSeenAt.set(id, new Map(goldSeen));
      }
    }
    if ((start / size) % 20 === 0)
      console.error(`${start + part.length}/${rows.length} rows, ${createdAt.size} events`);
  }

  // Purity and coverage against the CED labels, from the final topic assignment.
  const events = await getEvents(store, { limit: 1_000_000 });
  const eventOfTopic = new Map(events.flatMap((e) => e.topicIds.map((t) => [t, e.id] as const)));
  const goldSize = new Map<string, number>();
  const inEvent = new Map<string, Map<string, number>>();
  for (const row of rows) {
    goldSize.set(row.event, (goldSize.get(row.event) ?? 0) + 1);
    const topic = clusterer.topicOf(row.id);
    const eventId = topic ? eventOfTopic.get(topic) : undefined;
    if (!eventId) continue;
    const counts = inEvent.get(eventId) ?? new Map<string, number>();
    counts.set(row.event, (counts.get(row.event) ?? 0) + 1);
    inEvent.set(eventId, counts);
  }
  let pure = 0;
  let docsInEvents = 0;
  const covered = new Set<string>();
  const detectedAfter: number[] = [];
  for (const [eventId, counts] of inEvent) {
    const [gold, n] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    pure += n;
    docsInEvents += total;
    if (n >= 0.5 * (goldSize.get(gold) ?? 1) && !covered.has(gold)) {
      covered.add(gold);
      detectedAfter.push(goldSeenAt.get(eventId)?.get(gold) ?? 0);
    }
  }
  detectedAfter.sort((a, b) => a - b);
  const triggers = new Map<string, number>();
  for (const e of events) for (const r of new Set(e.reasons)) triggers.set(r, (triggers.get(r) ?? 0) + 1);
  const firstTrigger = new Map<string, number>();
  for (const e of events)
    firstTrigger.set(e.reasons[0] ?? '', (firstTrigger.get(e.reasons[0] ?? '') ?? 0) + 1);
  const q = (p: number) => detectedAfter[Math.floor(p * (detectedAfter.length - 1))] ?? 0;
  const big = [...goldSize.values()].filter((n) => n >= 20).length;
  const coveredBig = [...covered].filter((g) => (goldSize.get(g) ?? 0) >= 20).length;

  console.log(`CED stream: ${rows.length} rows, ${goldSize.size} CED events (${big} with ≥ 20 rows)`);
  console.log(`thresholds: ${JSON.stringify({ ...thresholds })} (others default)`);
  console.log(
    `tracked events: ${events.length}; with each trigger: ${JSON.stringify(Object.fromEntries(triggers))}`,
  );
  console.log(`  first trigger: ${JSON.stringify(Object.fromEntries(firstTrigger))}`);
  console.log(
    `purity (rows of the majority CED event): ${((100 * pure) / Math.max(1, docsInEvents)).toFixed(1)} % of ${docsInEvents} rows in events`,
  );
  console.log(
    `CED events covered (≥ half their rows in one tracked event): ${covered.size} of ${goldSize.size} (${coveredBig} of ${big} with ≥ 20 rows)`,
  );
  console.log(`detected after (rows of the CED event seen): median ${q(0.5)}, p90 ${q(0.9)}`);
  for (const kind of ['document', 'topic', 'event'] as const) {
    const d = await getOpinionIndexDistribution(store, kind);
    const total = Object.values(d).reduce((a, b) => a + b, 0);
    const pct = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(1)} %`;
    console.log(
      `index levels, ${kind}s (${total}): none ${pct(d[''])}, blue ${pct(d.blue)}, yellow ${pct(d.yellow)}, orange ${pct(d.orange)}, red ${pct(d.red)}`,
    );
  }
  console.log(
    `replay took ${((performance.now() - started) / 1000).toFixed(0)} s; per batch of ${size}: ${[...observerMs].map(([n, ms]) => `${n} ${Math.round(ms / batches)} ms`).join(', ')}`,
  );
} finally {
  await store.close();
  tmp.cleanup();
}
