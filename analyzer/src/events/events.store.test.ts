/**
 * Events on a real embedded store. Story: a chemical plant leak in 西湖区 (topic `t-leak`) is first
 * reported by a forum post at 01:00, picked up by news sites and a government notice, reprinted
 * (near-duplicates) and cited by URL; 36 documents in four hours cross the volume threshold. A
 * quiet topic (`t-fair`, 3 documents) stays a topic until an analyst promotes it.
 */
import {
  type AnalyzedDocument,
  getEventDetail,
  getEventReprints,
  getEventSpread,
  getEvents,
  getEventTimeline,
  getOpinionIndex,
  getOpinionIndexDistribution,
  type Store,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertAnnotations, createObservers } from '../observers.ts';
import { type FixtureDoc, logger, openTestStore, storeDocuments } from '../plans/store-fixtures.ts';
import { EventError, promoteTopic } from './promote.ts';

const T0 = Date.parse('2026-11-20T01:00:00.000Z');
const MIN = 60_000;
const xihu = [{ code: '330106', name: '西湖区', level: 'county' as const }];

function leakStory(): FixtureDoc[] {
  const docs: FixtureDoc[] = [
    {
      id: 'leak-0',
      title: '化工厂好像泄漏了，味道很大',
      body: '西湖区某化工厂附近刺鼻气味，居民担心泄漏。',
      source: 'local-bbs',
      site: 'bbs.example.cn',
      mediaType: 'forum',
      publishedAt: new Date(T0).toISOString(),
    },
    {
      id: 'leak-1',
      title: '西湖区化工厂发生泄漏 多名居民送医',
      body: '记者从现场获悉，化工厂储罐泄漏。',
      source: 'city-news',
      site: 'news.example.cn',
      mediaType: 'news',
      persons: ['李明'],
      publishedAt: new Date(T0 + MIN).toISOString(),
    },
  ];
  for (let i = 2; i < 30; i++) {
    const hour = i < 20 ? 1 : i < 26 ? 2 : 3;
    docs.push({
      id: `leak-${i}`,
      title: `转载：西湖区化工厂发生泄漏 多名居民送医 ${i}`,
      body: i === 5 ? '详见 http://example.test/leak-1.html 的报道。' : '化工厂储罐泄漏。',
      source: i % 3 === 0 ? 'portal-a' : 'portal-b',
      site: i % 3 === 0 ? 'a.example.cn' : 'b.example.cn',
      duplicateOf: i < 12 ? 'leak-1' : i < 14 ? 'leak-2' : null,
      publishedAt: new Date(T0 + hour * 60 * MIN + i * MIN).toISOString(),
    });
  }
  for (let i = 30; i < 36; i++) {
    docs.push({
      id: `leak-${i}`,
      title: '关于西湖区化工厂泄漏情况的通报',
      body: '应急管理局通报：泄漏已控制，李明副区长赶赴现场。',
      source: 'gov',
      site: 'gov.example.cn',
      mediaType: 'government',
      persons: ['李明'],
      sentiment: { label: 'neutral', score: 0, evidence: [] },
      publishedAt: new Date(T0 + 4 * 60 * MIN + i * MIN).toISOString(),
    });
  }
  return docs.map((d, i) => ({
    topicId: 't-leak',
    regions: xihu,
    sentiment: { label: 'negative', score: -0.8, evidence: [] },
    sensitivity: { score: i === 1 ? 82 : 40, categories: ['安全生产'], evidence: [] },
    ...d,
  }));
}

describe('events in the store', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await openTestStore('events'));
  });
  afterAll(() => close());

  it('turns a topic that crosses a threshold into an event with its spread', async () => {
    const observers = createObservers({ index: { homeRegions: ['330100'] } });
    for (const o of observers) await o.restore?.(store);
    const story = leakStory();
    let last: AnalyzedDocument[] = [];
    for (let i = 0; i < story.length; i += 12) {
      last = await storeDocuments(store, story.slice(i, i + 12));
      for (const o of observers) await o.onDocuments(last, { store, logger, now: new Date() });
    }
    const events = await getEvents(store);
    expect(events).toHaveLength(1);
    const event = events[0] as (typeof events)[number];
    expect(event.id).toBe('ev-t-leak');
    expect(event.reasons).toContain('volume');
    expect(event.reasons).toContain('sensitivity');
    expect(event.volume).toBe(36);
    expect(event.sources).toBe(5);
    expect(event.firstReport).toMatchObject({ docId: 'leak-0', site: 'bbs.example.cn', time: T0 });
    // volume 36, no velocity (no topics rows), 83 % negative, sensitivity 82 / mean 41, sources
    // up to government, all in the home region: 11.6 + 0 + 16.7 + 16.4 + 8.1 + 10 points.
    expect(event.indexScore).toBeCloseTo(62.8, 0);
    expect(event.indexLevel).toBe('yellow');

    // The alert engine can read the document's index and event.
    const annotated = alertAnnotations(observers, last[0] as AnalyzedDocument);
    expect(annotated.eventId).toBe('ev-t-leak');
    expect(annotated.opinionIndex).toBeGreaterThan(0);

    const detail = await getEventDetail(store, 'ev-t-leak');
    expect(detail?.sentiment).toEqual({ positive: 0, neutral: 6, negative: 30 });
    expect(detail?.mediaTypes[0]).toEqual({ mediaType: 'news', documents: 29 });
    expect(detail?.regions).toEqual([{ code: '330106', name: '西湖区', documents: 36 }]);
    expect(detail?.persons).toEqual([{ name: '李明', documents: 7 }]);
    expect(detail?.index?.parts.regional).toBeGreaterThan(0);
    const parts = detail?.index?.parts ?? {};
    const sum = ['volume', 'velocity', 'negativity', 'sensitivity', 'authority', 'regional'].reduce(
      (s, k) => s + (parts[k] ?? 0),
      0,
    );
    expect(sum).toBeCloseTo(detail?.index?.score ?? -1, 0);

    const spread = await getEventSpread(store, 'ev-t-leak');
    // 01:00 the forum post and the news report; 02:00 the reprint wave; 05:00 the government notice.
    expect(spread.series.map((p) => p.documents)).toEqual([2, 18, 6, 4, 6]);
    expect(spread.series[0]?.byMediaType).toEqual({ forum: 1, news: 1 });
    expect(spread.series[4]?.byMediaType).toEqual({ government: 6 });
    expect(spread.series[4]?.sentiment.neutral).toBe(6);
    expect(spread.topSites[0]?.site).toBe('b.example.cn');

    const timeline = await getEventTimeline(store, 'ev-t-leak');
    const kinds = timeline.entries.map((e) => `${e.kind}:${e.doc?.id ?? e.documents}`);
    expect(kinds[0]).toBe('first_report:leak-0');
    expect(kinds).toContain('first_of_media:leak-30');
    expect(kinds).toContain('most_reprinted:leak-1');
    expect(kinds).toContain('most_sensitive:leak-1');
    expect(kinds).toContain('peak:18');
    expect(kinds.filter((k) => k.startsWith('peak'))).toHaveLength(1);

    const reprints = await getEventReprints(store, 'ev-t-leak');
    const chain = reprints.chains[0];
    expect(chain?.root.id).toBe('leak-1');
    // leak-2..11 reprint leak-1 directly, 12..13 through leak-2; leak-5 also cites it by URL.
    expect(chain?.size).toBe(12);
    expect(chain?.depth).toBe(2);
    expect(chain?.reprints.find((r) => r.id === 'leak-12')).toMatchObject({ parentId: 'leak-2', depth: 2 });
    expect(reprints.coreNodes[0]).toMatchObject({ site: 'news.example.cn', documents: 1, reprinted: 11 });
  });

  it('stores the opinion index of documents and topics with their parts', async () => {
    const docs = await getOpinionIndex(store, 'document', ['leak-0', 'leak-1']);
    expect(docs.get('leak-1')?.score).toBeGreaterThan(docs.get('leak-0')?.score ?? 100);
    expect(docs.get('leak-1')?.parts['input.sensitivity']).toBe(0.82);
    const topic = await getOpinionIndex(store, 'topic', ['t-leak']);
    expect(topic.get('t-leak')?.parts['input.volume']).toBe(36);
    const levels = await getOpinionIndexDistribution(store, 'document');
    expect(Object.values(levels).reduce((a, b) => a + b, 0)).toBe(36);
  });

  it('lets an analyst promote a quiet topic, once', async () => {
    await storeDocuments(
      store,
      [0, 1, 2].map((i) => ({
        id: `fair-${i}`,
        title: '农产品展销会开幕',
        publishedAt: new Date(T0 + i * MIN).toISOString(),
        topicId: 't-fair',
        sentiment: { label: 'positive', score: 0.6, evidence: [] },
      })),
    );
    // A re-analysed document (same id, newer analysis) still counts once.
    await storeDocuments(store, [
      {
        id: 'fair-0',
        title: '农产品展销会开幕',
        publishedAt: new Date(T0).toISOString(),
        analyzedAt: '2026-11-22T00:00:00.000Z',
        topicId: 't-fair',
        sentiment: { label: 'positive', score: 0.6, evidence: [] },
      },
    ]);
    const first = await promoteTopic(store, 't-fair', 'analyst-7');
    expect(first).toMatchObject({
      id: 'ev-t-fair',
      reasons: ['promoted'],
      promotedBy: 'analyst-7',
      volume: 3,
    });
    await promoteTopic(store, 't-fair', 'analyst-8');
    const events = await getEvents(store, { topicIds: ['t-fair'] });
    expect(events).toHaveLength(1);
    expect(events[0]?.promotedBy).toBe('analyst-8');
    await expect(promoteTopic(store, 't-none', 'a')).rejects.toThrow(EventError);

    // Ten hours later, beyond followHours, the topic flares up: the same event goes on.
    const later = T0 + 10 * 60 * MIN;
    const flare = await storeDocuments(
      store,
      [0, 1, 2].map((i) => ({
        id: `fair-late-${i}`,
        title: '展销会现场踩踏',
        publishedAt: new Date(later + i * MIN).toISOString(),
        topicId: 't-fair',
        sensitivity: { score: 75, categories: ['安全'], evidence: [] },
      })),
    );
    const observers = createObservers({ events: { followHours: 1 } });
    for (const o of observers) await o.onDocuments(flare, { store, logger, now: new Date(later + 5 * MIN) });
    const [flared] = await getEvents(store, { topicIds: ['t-fair'] });
    expect(flared).toMatchObject({
      id: 'ev-t-fair',
      promotedBy: 'analyst-8',
      volume: 6,
      createdAt: first.createdAt,
    });
    expect(flared?.reasons).toEqual(['promoted', 'sensitivity']);
  });

  it('stops following an event quiet for longer than followHours, reloaded or not', async () => {
    const doc = (i: number, at: number) => ({
      id: `quiet-${i}`,
      title: '社区停水通知',
      publishedAt: new Date(at).toISOString(),
      topicId: 't-quiet',
    });
    await storeDocuments(
      store,
      [0, 1, 2].map((i) => doc(i, T0 + i * MIN)),
    );
    await promoteTopic(store, 't-quiet', 'analyst-9');
    const [tracker] = createObservers({ events: { followHours: 1 } }).filter((o) => o.name === 'events');
    const feed = async (i: number, at: number) =>
      tracker?.onDocuments(await storeDocuments(store, [doc(i, at)]), { store, logger, now: new Date(at) });
    // Within the hour the promoted event follows its topic.
    await feed(3, T0 + 10 * MIN);
    expect((await getEvents(store, { topicIds: ['t-quiet'] }))[0]?.volume).toBe(4);
    // Two hours on, a document that crosses no threshold leaves it alone, even though the
    // tracker still holds it and has not reloaded since (a reload would have let it go).
    await feed(4, T0 + 130 * MIN);
    expect((await getEvents(store, { topicIds: ['t-quiet'] }))[0]?.volume).toBe(4);
  });
});
