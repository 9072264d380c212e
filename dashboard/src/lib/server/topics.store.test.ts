/**
 * Hot topics read by the dashboard, on a real embedded store.
 * Fixture story (UTC, 20 Nov 2026): topic `t-flood` (广州暴雨, rising, 4 documents over 3 hours:
 * 2 negative news, 1 neutral forum, 1 positive news, region 广州 440100), topic `t-old` (ended, last
 * seen 40 days before), and `t-merged`, merged into `t-flood`.
 */
import {
  createLogger,
  loadConfig,
  migrate,
  openStore,
  type Store,
  type TopicRecord,
  writeTopics,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/temp-dir.ts';
import { CONTEXT_KEY } from './context.ts';
import { listTopics, TopicsQuerySchema, topicPage } from './topics.ts';

const logger = createLogger('silent');
const tmp = tempDir('dashboard-topics');
let store: Store;
const H = 3_600_000;
const T0 = Date.parse('2026-11-20T02:00:00Z');
const NOW = T0 + 4 * H;

function topic(id: string, over: Partial<TopicRecord>): TopicRecord {
  return {
    id,
    version: 1,
    label: id,
    keywords: [],
    representativeTitle: '',
    representativeDocId: '',
    firstSeen: T0,
    lastSeen: T0 + 3 * H,
    volume: 4,
    velocity: 1.5,
    sources: 2,
    sourceNames: ['gz-news', 'gz-forum'],
    sentiment: { positive: 1, neutral: 1, negative: 2 },
    regionCodes: ['440100'],
    regionCounts: { '440100': 4 },
    state: 'rising',
    mergedInto: '',
    centroid: { 暴雨: 1 },
    rates: { short: 1, long: 1, peak: 1, at: T0 },
    attention: 1,
    representativeScore: 1,
    updatedAt: T0,
    ...over,
  };
}

const docs = [
  { id: 'd1', at: T0, media: 'news', sentiment: 'negative', title: '广州暴雨 多处积水' },
  { id: 'd2', at: T0 + 10 * 60_000, media: 'news', sentiment: 'negative', title: '暴雨致地铁停运' },
  { id: 'd3', at: T0 + 2 * H, media: 'forum', sentiment: 'neutral', title: '网友讨论暴雨出行' },
  { id: 'd4', at: T0 + 3 * H, media: 'news', sentiment: 'positive', title: '积水已排除 交通恢复' },
];

beforeAll(async () => {
  const config = loadConfig({ YUQING_DATA_DIR: tmp.dir });
  store = await openStore(config, logger);
  await migrate(store, logger);
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, config, logger };
  await writeTopics(store, [
    topic('t-flood', {
      label: '广州 暴雨 积水',
      keywords: ['暴雨', '积水'],
      representativeTitle: '暴雨致地铁停运',
      representativeDocId: 'd2',
    }),
    topic('t-old', { state: 'ended', firstSeen: T0 - 45 * 24 * H, lastSeen: T0 - 40 * 24 * H, velocity: 0 }),
    topic('t-merged', { mergedInto: 't-flood' }),
  ]);
  await store.insert(
    'documents',
    docs.map((d) => ({
      id: d.id,
      url: `http://example.test/${d.id}.html`,
      source: d.media === 'forum' ? 'gz-forum' : 'gz-news',
      site: 'example.test',
      media_type: d.media,
      title: d.title,
      summary: d.title,
      published_at: d.at,
      fetched_at: d.at + 60_000,
      analyzed_at: d.at + 120_000,
      content_hash: d.id,
      tokens: [],
      keywords: [],
      sentiment_label: d.sentiment,
      topic_id: 't-flood',
    })),
  );
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('topics', () => {
  it('lists active topics with the filters, merged ones never', async () => {
    const ids = async (q: Record<string, string>) =>
      (await listTopics(TopicsQuerySchema.parse(q), NOW)).items.map((t) => t.id);
    expect(await ids({})).toEqual(['t-flood']);
    expect((await ids({ range: 'all' })).sort()).toEqual(['t-flood', 't-old']);
    expect(await ids({ range: 'all', state: 'ended' })).toEqual(['t-old']);
    expect(await ids({ region: '440000' })).toEqual(['t-flood']);
    expect(await ids({ region: '110000' })).toEqual([]);
    const { items, regionNames } = await listTopics(TopicsQuerySchema.parse({}), NOW);
    expect(items[0]?.sentiment).toEqual({ positive: 1, neutral: 1, negative: 2 });
    expect(regionNames['440100']).toBe('广州市');
  });

  it('refuses bad filters on the field', () => {
    for (const [q, field] of [
      [{ state: 'hot' }, 'state'],
      [{ range: '1y' }, 'range'],
      [{ region: 'gz' }, 'region'],
      [{ limit: '0' }, 'limit'],
    ] as const) {
      const r = TopicsQuerySchema.safeParse(q);
      expect(r.success).toBe(false);
      expect(String(r.error?.issues[0]?.path[0])).toBe(field);
    }
  });

  it('gives a topic its hourly trend by sentiment, media spread and documents', async () => {
    const page = await topicPage('t-flood');
    if ('mergedInto' in page) throw new Error('not merged');
    expect(page.trend.bucket).toBe('hour');
    expect(page.trend.points).toEqual([
      { time: '2026-11-20T02:00:00.000Z', negative: 2, neutral: 0, positive: 0, documents: 2 },
      { time: '2026-11-20T04:00:00.000Z', negative: 0, neutral: 1, positive: 0, documents: 1 },
      { time: '2026-11-20T05:00:00.000Z', negative: 0, neutral: 0, positive: 1, documents: 1 },
    ]);
    expect(page.trend.media).toEqual([
      { mediaType: 'news', documents: 3 },
      { mediaType: 'forum', documents: 1 },
    ]);
    expect(page.earliest.map((d) => d.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(page.latest.map((d) => d.id)).toEqual(['d4', 'd3', 'd2', 'd1']);
    expect(page.topic.regionCounts).toEqual({ '440100': 4 });
    // The fixture's documents have no keywords (counts: schemas' topic-keyword-counts test).
    expect(page.wordGroups).toEqual({ nodes: [], links: [], groups: [] });
  });

  it('points a merged topic to the one that absorbed it, and 404s an unknown one', async () => {
    expect(await topicPage('t-merged')).toEqual({ mergedInto: 't-flood' });
    await expect(topicPage('nope')).rejects.toMatchObject({ status: 404 });
  });
});
