/**
 * The cockpit's counts (summary, trend, breakdowns, cities) against a plain count(DISTINCT id)
 * over `documents FINAL` on a real embedded store, and its risk and latest lists against a scan.
 * Fixture story: 900 documents over ten days of November 2026, in random hours, with categories,
 * sentiments, media types, 0–3 region codes (province-, city- and county-level, some naming two
 * provinces) and sensitivity scores, from a seeded generator. The first 300 are stored before
 * migration 0013 (its back-fill must count them), the rest after, in several inserts (several
 * parts). Then 120 are analysed again with a later analyzed_at and new sentiment, category and
 * regions (the newest analysis must count, once), and 80 are inserted again unchanged (a retried
 * batch must count once).
 */
import { createLogger, loadConfig, migrate, openStore, readMigrations, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { getCityRanking } from './getCityRanking.ts';
import { getCockpitSummary, toHour } from './getCockpitSummary.ts';
import { BREAKDOWN_DIMENSIONS, getDocumentBreakdown } from './getDocumentBreakdown.ts';
import { getLatestDocuments } from './getLatestDocuments.ts';
import { getRiskDocuments } from './getRiskDocuments.ts';
import { getSentimentTrend } from './getSentimentTrend.ts';
import { buildSearchDocumentsQuery, type SearchFilter, searchDocuments } from './searchDocuments.ts';

const START = Date.parse('2026-11-10T00:00:00Z');
const HOUR = 3_600_000;
const CATEGORIES = ['时政', '社会', '财经', ''];
const SENTIMENTS = ['negative', 'neutral', 'positive'];
const MEDIA = ['news', 'forum', 'weibo', 'government'];
const REGIONS = ['110000', '440100', '440106', '440300', '330000', '330102', '510100', '130200'];

/** Park–Miller: the same fixture on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

function makeDocs(n: number, seed: number, analyzedAt: number, from = 0) {
  const rnd = random(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)] as T;
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const published = START + Math.floor(rnd() * 240) * HOUR + Math.floor(rnd() * HOUR);
    const regions = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(REGIONS));
    return {
      id: `doc-${String(i).padStart(4, '0')}`,
      url: `http://example.test/${i}.html`,
      source: 'fixture',
      site: 'example.test',
      media_type: pick(MEDIA),
      title: `文档 ${i}`,
      summary: '',
      published_at: published,
      fetched_at: published + 60_000,
      analyzed_at: analyzedAt,
      content_hash: `h${i}`,
      tokens: [],
      keywords: [],
      category: pick(CATEGORIES),
      sentiment_label: pick(SENTIMENTS),
      sensitivity_score: Math.floor(rnd() * 100),
      region_codes: regions,
    };
  });
}

describe('cockpit counts equal count(DISTINCT id) over the documents (embedded store)', () => {
  const tmp = tempDir('cockpit-counts');
  let store: Store;
  const all = makeDocs(900, 7, Date.parse('2026-11-21T00:00:00Z'));

  beforeAll(async () => {
    const logger = createLogger('silent');
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(
      store,
      logger,
      readMigrations().filter((m) => m.version < 13),
    );
    await store.insert('documents', all.slice(0, 300));
    expect(await migrate(store, logger)).toContain('0013_document_facts');
    for (let i = 300; i < 900; i += 200) await store.insert('documents', all.slice(i, i + 200));
    // Re-analysis: same fetch (same hour), later analysis with other results.
    const again = makeDocs(120, 11, Date.parse('2026-11-22T00:00:00Z')).map((d, k) => {
      const before = all[k * 7] as (typeof all)[number];
      return { ...d, id: before.id, published_at: before.published_at, fetched_at: before.fetched_at };
    });
    await store.insert('documents', again);
    // A retried batch: the same rows again.
    await store.insert('documents', all.slice(500, 580));
  });

  afterAll(async () => {
    await store?.close();
    tmp.cleanup();
  });

  const ranges = [
    { from: '2026-11-10T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' },
    { from: '2026-11-12T05:30:00.000Z', to: '2026-11-15T17:10:00.000Z' },
    { from: '2026-11-19T22:00:00.000Z', to: '2026-11-21T00:00:00.000Z' },
  ];

  /** The truth: the newest analysis of each document, counted by id, in whole hours. */
  async function truth(select: string, groupBy: string, r: { from: string; to: string }) {
    const rows = await store.query<Record<string, string | number>>('truth', {
      query: `SELECT ${select}
        FROM (
          SELECT id, toStartOfHour(event_time) AS hour, category, sentiment_label AS sentiment, media_type,
            sensitivity_score,
            arrayDistinct(arrayMap(c -> concat(substring(c, 1, 2), '0000'), region_codes)) AS provinces,
            arrayDistinct(arrayMap(c -> concat(substring(c, 1, 4), '00'),
              arrayFilter(c -> length(c) = 6 AND substring(c, 3, 2) != '00', region_codes))) AS cities
          FROM documents FINAL
        )
        WHERE hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}
        ${groupBy}`,
      params: { fromH: toHour(r.from), toH: toHour(r.to, true) },
    });
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
    );
  }

  it('has the re-analysed documents once, with their newest analysis', async () => {
    const [row] = await store.query<Record<string, number>>('facts', {
      query: `SELECT count() AS n, uniqExact(id) AS ids, countIf(notEmpty(more_provinces)) AS provinces,
          countIf(notEmpty(more_cities)) AS cities
        FROM document_facts FINAL`,
      params: {},
    });
    expect(Number(row?.n)).toBe(900);
    expect(Number(row?.ids)).toBe(900);
    // The fixture has documents naming several provinces and several cities.
    expect(Number(row?.provinces)).toBeGreaterThan(20);
    expect(Number(row?.cities)).toBeGreaterThan(20);
  });

  it.each(ranges)('summary $from → $to', async (r) => {
    const previousFrom = new Date(2 * Date.parse(r.from) - Date.parse(r.to)).toISOString();
    const s = await getCockpitSummary(store, { ...r, previousFrom });
    const [t] = await truth(
      "count(DISTINCT id) AS documents, countIf(DISTINCT id, sentiment = 'negative') AS negative, countIf(DISTINCT id, sensitivity_score >= 60) AS sensitive",
      '',
      r,
    );
    // The previous period ends where the period's first hour starts.
    const to = new Date(toHour(r.from) * 1000).toISOString();
    const [p] = await truth('count(DISTINCT id) AS documents', '', { from: previousFrom, to });
    expect(s).toEqual({ ...t, previousDocuments: p?.documents });
    expect(s.documents).toBeGreaterThan(0);
  });

  it.each(ranges)('trend by day and by hour $from → $to', async (r) => {
    for (const bucket of ['day', 'hour'] as const) {
      const b = bucket === 'day' ? "toStartOfDay(hour, 'Asia/Shanghai')" : 'hour';
      const t = await truth(
        `formatDateTime(${b}, '%Y-%m-%dT%H:%i:%S.000Z', 'UTC') AS time,
          countIf(DISTINCT id, sentiment = 'negative') AS negative,
          countIf(DISTINCT id, sentiment = 'neutral') AS neutral,
          countIf(DISTINCT id, sentiment = 'positive') AS positive,
          count(DISTINCT id) AS documents`,
        'GROUP BY time ORDER BY time',
        r,
      );
      expect(await getSentimentTrend(store, { ...r, bucket })).toEqual(t);
    }
  });

  it.each(ranges)('breakdowns $from → $to', async (r) => {
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const key = dimension === 'province' ? "arrayJoin(if(empty(provinces), [''], provinces))" : dimension;
      const t = await truth(
        `${key} AS key, count(DISTINCT id) AS documents, countIf(DISTINCT id, sentiment = 'negative') AS negative`,
        'GROUP BY key ORDER BY documents DESC, key',
        r,
      );
      expect(await getDocumentBreakdown(store, { ...r, dimension, limit: 50 }), dimension).toEqual(t);
    }
  });

  it.each(ranges)('cities, all and within a province $from → $to', async (r) => {
    for (const province of [undefined, '44']) {
      const t = await truth(
        `arrayJoin(cities) AS code, count(DISTINCT id) AS documents, countIf(DISTINCT id, sentiment = 'negative') AS negative`,
        `GROUP BY code ${province ? `HAVING startsWith(code, '${province}')` : ''} ORDER BY documents DESC, code`,
        r,
      );
      const got = await getCityRanking(store, { ...r, province, limit: 50 });
      expect(got).toEqual(t.map((c) => ({ code: c.code, documents: c.documents, negative: c.negative })));
      if (province) expect(got.every((c) => c.code.startsWith('44'))).toBe(true);
    }
  });

  /** The risk list as a scan of every document would give it. */
  async function riskTruth(r: { from: string; to: string }, limit: number) {
    const rows = await store.query<{ id: string }>('truth', {
      query: `SELECT id FROM documents FINAL
        WHERE event_time >= {from:DateTime64(3, 'UTC')} AND event_time < {to:DateTime64(3, 'UTC')}
          AND (sentiment_label = 'negative' OR sensitivity_score >= 60)
        ORDER BY event_time DESC, id DESC LIMIT {limit:UInt32}`,
      params: { from: Date.parse(r.from), to: Date.parse(r.to), limit },
    });
    return rows.map((d) => d.id);
  }

  it.each(ranges)('risk list $from → $to', async (r) => {
    for (const limit of [1, 10, 400]) {
      const got = (await getRiskDocuments(store, { ...r, minSensitivity: 60, limit })).map((d) => d.id);
      expect(got, `limit ${limit}`).toEqual(await riskTruth(r, limit));
    }
    expect((await riskTruth(r, 10)).length).toBeGreaterThan(1);
  });

  /** The newest documents as a scan of every document gives them, from a cursor on. */
  async function latestTruth(limit: number, cursor?: { eventTime: string; id: string }) {
    const rows = await store.query<{ id: string }>('truth', {
      query: `SELECT id FROM documents FINAL
        WHERE {all:Bool} OR (event_time, id) < (parseDateTime64BestEffort({time:String}, 3, 'UTC'), {id:String})
        ORDER BY event_time DESC, id DESC LIMIT {limit:UInt32}`,
      params: {
        all: !cursor,
        time: cursor?.eventTime ?? '2000-01-01T00:00:00.000Z',
        id: cursor?.id ?? '',
        limit,
      },
    });
    return rows.map((d) => d.id);
  }

  async function expectLatestExact() {
    for (const limit of [1, 3, 20]) {
      const page = await getLatestDocuments(store, { limit });
      expect(page.items.map((d) => d.id)).toEqual(await latestTruth(limit));
      const [eventTime, id] = (page.nextCursor as string).split('|') as [string, string];
      const next = await getLatestDocuments(store, { limit, cursor: { eventTime, id } });
      expect(next.items.map((d) => d.id)).toEqual(await latestTruth(limit, { eventTime, id }));
    }
  }

  it('lists the newest documents, page by page', expectLatestExact);

  /** Searches without words (document_list) against the same search read from documents FINAL. */
  async function expectSearchExact() {
    const filters: Array<Omit<SearchFilter, 'limit' | 'cursor'>> = [
      { all: [], none: [] },
      { all: [], none: [], sentiments: ['negative'] },
      { all: [], none: [], categories: ['时政', '社会'], mediaTypes: ['news', 'weibo'] },
      { all: [], none: [], regionPrefixes: ['44'], minSensitivity: 30 },
      { all: [], none: [], from: '2026-11-12T05:30:00.000Z', to: '2026-11-15T17:10:00.000Z' },
    ];
    for (const f of filters)
      for (const limit of [1, 3, 20]) {
        let cursor: SearchFilter['cursor'];
        for (let page = 0; page < 3; page++) {
          const got = await searchDocuments(store, { ...f, limit, cursor });
          const want = await store.query<{ id: string }>(
            'truth',
            buildSearchDocumentsQuery({ ...f, limit, cursor }),
          );
          expect(got.items.map((d) => d.id)).toEqual(want.map((d) => d.id));
          if (!got.nextCursor) break;
          const [eventTime, id] = got.nextCursor.split('|') as [string, string];
          cursor = { eventTime, id };
        }
      }
  }

  it('searches without words page by page, as documents would answer', expectSearchExact);

  // The one case that counts twice (migrations/0013): no publish time, and the changed page is
  // fetched again in another hour. Its old hour keeps the old row, as documents_hourly keeps it.
  describe('a document that moves to another hour', () => {
    const [a, b, c] = makeDocs(3, 3, Date.parse('2026-11-26T00:00:00Z'), 5000).map((d) => ({
      ...d,
      sentiment_label: 'negative',
    })) as [
      ReturnType<typeof makeDocs>[number],
      ReturnType<typeof makeDocs>[number],
      ReturnType<typeof makeDocs>[number],
    ];
    const at = (iso: string) => Date.parse(`2026-11-25T${iso}:00Z`);
    const later = Date.parse('2026-11-27T00:00:00Z');
    const day = { from: '2026-11-25T00:00:00.000Z', to: '2026-11-26T00:00:00.000Z' };

    beforeAll(async () => {
      // a: fetched at 08:10 without publish time, then changed and fetched again at 09:10.
      // b: fetched at 11:10 without publish time; the next fetch finds it was published at 10:30.
      // c: published at 10:50.
      await store.insert('documents', [
        { ...a, published_at: null, fetched_at: at('08:10') },
        { ...b, published_at: null, fetched_at: at('11:10') },
        { ...c, published_at: at('10:50'), fetched_at: at('10:51') },
      ]);
      await store.insert('documents', [
        { ...a, published_at: null, fetched_at: at('09:10'), analyzed_at: later },
        { ...b, published_at: at('10:30'), fetched_at: at('12:10'), analyzed_at: later },
      ]);
    });

    it('counts in each hour it was fetched in', async () => {
      const r = { ...day, to: '2026-11-25T10:00:00.000Z', bucket: 'hour' as const };
      const trend = await getSentimentTrend(store, r);
      expect(trend.map((p) => [p.time, p.documents])).toEqual([
        ['2026-11-25T08:00:00.000Z', 1],
        ['2026-11-25T09:00:00.000Z', 1],
      ]);
      const [t] = await truth('count(DISTINCT id) AS documents', '', r);
      expect(t?.documents).toBe(1);
    });

    it('leaves the risk list exact: a stale candidate makes it read the period from documents', async () => {
      // The newest candidate in document_facts is b's stale row at 11:10; b is now at 10:30.
      for (const limit of [1, 2, 10]) {
        const got = await getRiskDocuments(store, { ...day, minSensitivity: 60, limit });
        expect(got.map((d) => d.id)).toEqual(await riskTruth(day, limit));
      }
      const [first] = await getRiskDocuments(store, { ...day, minSensitivity: 60, limit: 1 });
      expect([first?.id, first?.eventTime]).toEqual([c.id, '2026-11-25T10:50:00.000Z']);
    });

    it('leaves the latest list exact', async () => {
      const { items } = await getLatestDocuments(store, { limit: 3 });
      expect(items.map((d) => d.id)).toEqual([c.id, b.id, a.id]);
      await expectLatestExact();
    });

    it('leaves searches without words exact: the older analyses in document_list are skipped', async () => {
      const { items } = await searchDocuments(store, {
        all: [],
        none: [],
        sentiments: ['negative'],
        limit: 3,
      });
      expect(items.map((d) => [d.id, d.eventTime])).toEqual([
        [c.id, '2026-11-25T10:50:00.000Z'],
        [b.id, '2026-11-25T10:30:00.000Z'],
        [a.id, '2026-11-25T09:10:00.000Z'],
      ]);
      await expectSearchExact();
    });
  });
});
