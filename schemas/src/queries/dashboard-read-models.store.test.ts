/**
 * The dashboard's read models on a real embedded store.
 * Fixture story (Beijing time, November 2026):
 * - `flood`   20th 10:00, news, 社会, negative, sensitive (70): 广州暴雨致地铁停运 — its body says 地铁停运.
 * - `typhoon` 20th 11:00, forum, 社会, neutral: 深圳台风过境.
 * - `drill`   19th 18:00, government, 时政, neutral: 北京暴雨应急演练 — tokens 地铁 and 停运 appear apart.
 * - `market`  18th 09:00, news, 财经, positive, no region: 股市上涨.
 */
import { createLogger, loadConfig, migrate, openStore, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { getCityRanking } from './getCityRanking.ts';
import { getCockpitSummary } from './getCockpitSummary.ts';
import { getDocumentBreakdown } from './getDocumentBreakdown.ts';
import { getDocumentDetail } from './getDocumentDetail.ts';
import { getRiskDocuments } from './getRiskDocuments.ts';
import { getSentimentTrend } from './getSentimentTrend.ts';
import { getTopKeywords } from './getTopKeywords.ts';
import { countSearchDocuments, type SearchFilter, searchDocuments } from './searchDocuments.ts';

const T = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();

const docs = [
  {
    id: 'flood',
    published: T('2026-11-20T10:00:00'),
    media: 'news',
    category: '社会',
    sentiment: 'negative',
    sensitivity: 70,
    title: '广州暴雨致地铁停运',
    tokens: ['广州', '暴雨', '致', '地铁', '停运'],
    keywords: ['暴雨', '地铁'],
    regions: ['440100'],
    body: '受强降雨影响，广州地铁停运三小时。\n市民出行受阻。',
  },
  {
    id: 'typhoon',
    published: T('2026-11-20T11:00:00'),
    media: 'forum',
    category: '社会',
    sentiment: 'neutral',
    sensitivity: 0,
    title: '深圳台风过境',
    tokens: ['深圳', '台风', '过境'],
    keywords: ['台风'],
    regions: ['440300'],
    body: '台风过境，深圳各区正常。',
  },
  {
    id: 'drill',
    published: T('2026-11-19T18:00:00'),
    media: 'government',
    category: '时政',
    sentiment: 'neutral',
    sensitivity: 10,
    title: '北京暴雨应急演练',
    tokens: ['北京', '暴雨', '应急', '演练', '地铁', '停运'],
    keywords: ['暴雨', '演练'],
    regions: ['110000'],
    body: '演练模拟地铁站进水，线路停运后疏散乘客。',
  },
  {
    id: 'market',
    published: T('2026-11-18T09:00:00'),
    media: 'news',
    category: '财经',
    sentiment: 'positive',
    sensitivity: 0,
    title: '股市上涨',
    tokens: ['股市', '上涨'],
    keywords: ['股市'],
    regions: [],
    body: '股市今日上涨。',
  },
];

describe('dashboard read models (embedded store)', () => {
  const tmp = tempDir('dashboard-rm');
  let store: Store;

  beforeAll(async () => {
    const logger = createLogger('silent');
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
    await store.insert(
      'raw_documents',
      docs.map((d) => ({
        id: d.id,
        url: `http://example.test/${d.id}.html`,
        canonical_url: `http://example.test/${d.id}.html`,
        source: 'fixture',
        site: 'example.test',
        media_type: d.media,
        title: d.title,
        body: d.body,
        author: '',
        published_at: Date.parse(d.published),
        fetched_at: Date.parse(d.published) + 60_000,
        content_hash: d.id,
      })),
    );
    await store.insert(
      'documents',
      docs.map((d) => ({
        id: d.id,
        url: `http://example.test/${d.id}.html`,
        source: 'fixture',
        site: 'example.test',
        media_type: d.media,
        title: d.title,
        summary: d.body.split('\n')[0],
        published_at: Date.parse(d.published),
        fetched_at: Date.parse(d.published) + 60_000,
        analyzed_at: Date.parse(d.published) + 120_000,
        content_hash: d.id,
        tokens: d.tokens,
        keywords: d.keywords,
        category: d.category,
        sentiment_label: d.sentiment,
        sentiment_score: d.sentiment === 'negative' ? -0.8 : 0.1,
        sentiment_evidence: d.sentiment === 'negative' ? ['停运', '受阻'] : [],
        sensitivity_score: d.sensitivity,
        sensitivity_categories: d.sensitivity >= 60 ? ['公共安全'] : [],
        sensitivity_evidence: JSON.stringify(
          d.sensitivity >= 60 ? [{ category: '公共安全', terms: ['停运'] }] : [],
        ),
        region_codes: d.regions,
        region_names: d.regions.map(
          (c) => ({ '440100': '广州市', '440300': '深圳市', '110000': '北京市' })[c],
        ),
      })),
    );
  });

  afterAll(async () => {
    await store?.close();
    tmp.cleanup();
  });

  const search = async (f: Partial<SearchFilter>) =>
    (await searchDocuments(store, { all: [], none: [], limit: 50, ...f })).items.map((d) => d.id);

  describe('searchDocuments', () => {
    it('lists everything newest first without a query', async () => {
      expect(await search({})).toEqual(['typhoon', 'flood', 'drill', 'market']);
    });

    it('ANDs groups, ORs within a group, and excludes NOT terms', async () => {
      expect(await search({ all: [[{ tokens: ['暴雨'] }]] })).toEqual(['flood', 'drill']);
      expect(await search({ all: [[{ tokens: ['暴雨'] }], [{ tokens: ['广州'] }]] })).toEqual(['flood']);
      expect(await search({ all: [[{ tokens: ['股市'] }, { tokens: ['台风'] }]] })).toEqual([
        'typhoon',
        'market',
      ]);
      expect(await search({ all: [[{ tokens: ['暴雨'] }]], none: [{ tokens: ['演练'] }] })).toEqual([
        'flood',
      ]);
    });

    it('needs every token of a segmented word', async () => {
      expect(await search({ all: [[{ tokens: ['广州', '暴雨'] }]] })).toEqual(['flood']);
      expect(await search({ all: [[{ tokens: ['广州', '台风'] }]] })).toEqual([]);
    });

    it('checks a phrase in the text, not only its tokens', async () => {
      expect(await search({ all: [[{ tokens: ['地铁', '停运'] }]] })).toEqual(['flood', 'drill']);
      expect(await search({ all: [[{ tokens: ['地铁', '停运'], phrase: '地铁停运' }]] })).toEqual(['flood']);
      expect(await search({ all: [[{ tokens: ['出行', '受阻'], phrase: '出行受阻' }]] })).toEqual([]);
      expect(await search({ all: [[{ tokens: [], phrase: '出行受阻' }]] })).toEqual(['flood']);
    });

    it('filters by time, media type, sentiment, category, region and sensitivity', async () => {
      expect(await search({ from: T('2026-11-20T00:00:00'), to: T('2026-11-21T00:00:00') })).toEqual([
        'typhoon',
        'flood',
      ]);
      expect(await search({ mediaTypes: ['forum', 'government'] })).toEqual(['typhoon', 'drill']);
      expect(await search({ sentiments: ['negative'] })).toEqual(['flood']);
      expect(await search({ categories: ['财经'] })).toEqual(['market']);
      expect(await search({ regionPrefixes: ['44'] })).toEqual(['typhoon', 'flood']);
      expect(await search({ regionPrefixes: ['4401', '11'] })).toEqual(['flood', 'drill']);
      expect(await search({ minSensitivity: 60 })).toEqual(['flood']);
    });

    it('pages with a keyset cursor and counts the whole result', async () => {
      const first = await searchDocuments(store, { all: [], none: [], limit: 3 });
      expect(first.items.map((d) => d.id)).toEqual(['typhoon', 'flood', 'drill']);
      const [eventTime, id] = (first.nextCursor as string).split('|') as [string, string];
      const next = await searchDocuments(store, { all: [], none: [], limit: 3, cursor: { eventTime, id } });
      expect(next.items.map((d) => d.id)).toEqual(['market']);
      expect(next.nextCursor).toBeNull();
      expect(await countSearchDocuments(store, { all: [[{ tokens: ['暴雨'] }]], none: [] })).toBe(2);
    });

    it('uses the text index for token conditions', async () => {
      const plan = await store.query<{ explain: string }>('explain', {
        query: 'EXPLAIN indexes = 1 SELECT id FROM documents WHERE hasAllTokens(tokens, {t:Array(String)})',
        params: { t: ['广州', '暴雨'] },
      });
      expect(plan.map((r) => r.explain).join('\n')).toContain('__text_index_tokens_text');
    });
  });

  it('reads one document with its evidence and body', async () => {
    const d = await getDocumentDetail(store, 'flood');
    expect(d?.body).toContain('地铁停运');
    expect(d?.sentiment).toEqual({
      label: 'negative',
      score: expect.closeTo(-0.8, 5),
      evidence: ['停运', '受阻'],
    });
    expect(d?.sensitivity.evidence).toEqual([{ category: '公共安全', terms: ['停运'] }]);
    expect(d?.regions).toEqual([{ code: '440100', name: '广州市' }]);
    expect(await getDocumentDetail(store, 'missing')).toBeNull();
  });

  describe('cockpit rollups', () => {
    const day20 = { from: T('2026-11-20T00:00:00'), to: T('2026-11-21T00:00:00') };
    const week = { from: T('2026-11-14T00:00:00'), to: T('2026-11-21T00:00:00') };

    it('sums a day and the day before', async () => {
      expect(await getCockpitSummary(store, { ...day20, previousFrom: T('2026-11-19T00:00:00') })).toEqual({
        documents: 2,
        previousDocuments: 1,
        negative: 1,
        sensitive: 1,
      });
    });

    it('splits the trend by sentiment per Beijing day', async () => {
      const trend = await getSentimentTrend(store, { ...week, bucket: 'day' });
      expect(trend).toEqual([
        { time: T('2026-11-18T00:00:00'), negative: 0, neutral: 0, positive: 1, documents: 1 },
        { time: T('2026-11-19T00:00:00'), negative: 0, neutral: 1, positive: 0, documents: 1 },
        { time: T('2026-11-20T00:00:00'), negative: 1, neutral: 1, positive: 0, documents: 2 },
      ]);
    });

    it('breaks documents down by a whitelisted dimension', async () => {
      const by = (dimension: 'category' | 'media_type' | 'province' | 'sentiment') =>
        getDocumentBreakdown(store, { ...week, dimension, limit: 10 });
      expect(await by('category')).toEqual([
        { key: '社会', documents: 2, negative: 1 },
        { key: '时政', documents: 1, negative: 0 },
        { key: '财经', documents: 1, negative: 0 },
      ]);
      expect(await by('province')).toEqual([
        { key: '440000', documents: 2, negative: 1 },
        { key: '', documents: 1, negative: 0 },
        { key: '110000', documents: 1, negative: 0 },
      ]);
      await expect(
        getDocumentBreakdown(store, { ...week, dimension: 'title; DROP' as 'category', limit: 1 }),
      ).rejects.toThrow('unknown dimension');
    });

    it('ranks cities, optionally within a province', async () => {
      expect(await getCityRanking(store, { ...week, limit: 10 })).toEqual([
        { code: '440100', documents: 1, negative: 1 },
        { code: '440300', documents: 1, negative: 0 },
      ]);
      expect(await getCityRanking(store, { ...week, province: '11', limit: 10 })).toEqual([]);
    });

    it('counts keywords per Beijing day', async () => {
      expect(await getTopKeywords(store, { fromDay: '2026-11-19', toDay: '2026-11-20', limit: 2 })).toEqual([
        { keyword: '暴雨', documents: 2 },
        { keyword: '台风', documents: 1 },
      ]);
    });

    it('lists the latest negative or sensitive documents', async () => {
      const risky = await getRiskDocuments(store, { ...week, minSensitivity: 60, limit: 10 });
      expect(risky.map((d) => d.id)).toEqual(['flood']);
      expect(risky[0]?.sensitivityCategories).toEqual(['公共安全']);
    });
  });
});
