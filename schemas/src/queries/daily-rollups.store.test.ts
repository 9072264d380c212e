/**
 * The daily rollups (migrations/0013) on a real embedded store: the cockpit read models, which
 * combine whole Beijing days from documents_daily with the hourly rollups at the edges, must give
 * exactly what the hourly rollups alone give (the read models before 0013), for ranges on and off
 * day boundaries. Half the documents are stored before 0013 runs (its back-fill must count them),
 * half after (its materialized view must); some are analysed twice, as re-analysis does.
 */
import { createLogger, loadConfig, migrate, openStore, readMigrations, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { getCityRanking } from './getCityRanking.ts';
import { getCockpitSummary } from './getCockpitSummary.ts';
import { BREAKDOWN_DIMENSIONS, getDocumentBreakdown } from './getDocumentBreakdown.ts';
import { getSentimentTrend } from './getSentimentTrend.ts';
import { toHour } from './rollupSpan.ts';

const T = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();
const START = Date.parse(T('2026-11-01T00:00:00'));
const DAYS = 12;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeDocs(n: number, seed: number, prefix: string) {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const regions = [[], ['440100'], ['440300', '440100'], ['110000'], ['320500', '110105'], ['440000']];
  return Array.from({ length: n }, (_, i) => {
    const published = START + Math.floor(r() * DAYS * 86_400_000);
    return {
      id: `${prefix}${i}`,
      url: `http://example.test/${prefix}${i}`,
      source: 'fixture',
      site: 'example.test',
      media_type: pick(['news', 'forum', 'weibo']),
      title: `t${i}`,
      summary: '',
      published_at: r() < 0.1 ? null : published,
      fetched_at: published + 60_000,
      analyzed_at: published + 120_000,
      content_hash: `${prefix}${i}`,
      tokens: [],
      keywords: [],
      category: pick(['社会', '时政', '']),
      sentiment_label: pick(['negative', 'neutral', 'positive']),
      sentiment_score: 0,
      sentiment_evidence: [],
      sensitivity_score: pick([0, 30, 60, 90]),
      sensitivity_categories: [],
      sensitivity_evidence: '[]',
      region_codes: pick(regions),
      region_names: [],
    };
  });
}

/** The read models as they were before 0013: the hourly rollups alone. */
async function hourlyOnly(store: Store, from: string, to: string, previousFrom: string) {
  const params = { fromH: toHour(from), toH: toHour(to, true), prevH: toHour(previousFrom) };
  const q = <R>(query: string) => store.query<R>('oracle', { query, params });
  const where = "hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}";
  const num = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'key' || k === 'code' ? v : Number(v)])),
    );
  const [summary] = num(
    await q(`SELECT uniqMergeIf(docs, hour >= {fromH:DateTime('UTC')}) AS documents,
        uniqMergeIf(docs, hour < {fromH:DateTime('UTC')}) AS previousDocuments,
        uniqMergeIf(docs, hour >= {fromH:DateTime('UTC')} AND sentiment = 'negative') AS negative,
        uniqIfMergeIf(sensitive_docs, hour >= {fromH:DateTime('UTC')}) AS sensitive
      FROM documents_hourly WHERE hour >= {prevH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}`),
  );
  const trend = num(
    await q(`SELECT toStartOfDay(hour, 'Asia/Shanghai') AS t,
        uniqMergeIf(docs, sentiment = 'negative') AS negative, uniqMergeIf(docs, sentiment = 'neutral') AS neutral,
        uniqMergeIf(docs, sentiment = 'positive') AS positive, uniqMerge(docs) AS documents
      FROM documents_hourly WHERE ${where} GROUP BY t ORDER BY t`),
  ).map(({ t, ...rest }) => rest);
  const breakdowns: Record<string, unknown[]> = {};
  for (const d of BREAKDOWN_DIMENSIONS) {
    breakdowns[d] = num(
      await q(`SELECT ${d} AS key, uniqMerge(docs) AS documents, uniqMergeIf(docs, sentiment = 'negative') AS negative
        FROM documents_hourly WHERE ${where} GROUP BY key ORDER BY documents DESC, key LIMIT 50`),
    );
  }
  const cities = num(
    await q(`SELECT city AS code, uniqMerge(docs) AS documents, uniqMergeIf(docs, sentiment = 'negative') AS negative
      FROM regions_hourly WHERE ${where} GROUP BY code ORDER BY documents DESC, code LIMIT 20`),
  );
  return { summary, trend, breakdowns, cities };
}

describe('daily rollups (embedded store)', () => {
  const tmp = tempDir('daily-rollups');
  let store: Store;

  beforeAll(async () => {
    const logger = createLogger('silent');
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(
      store,
      logger,
      readMigrations().filter((m) => m.version < 13),
    );
    const before = makeDocs(400, 1, 'a');
    await store.insert('documents', before);
    await migrate(store, logger);
    await store.insert('documents', makeDocs(400, 2, 'b'));
    // Re-analysis of some documents stored before the migration: a new sentiment, same id.
    await store.insert(
      'documents',
      before.slice(0, 40).map((d) => ({ ...d, sentiment_label: 'negative', analyzed_at: d.analyzed_at + 1 })),
    );
  });

  afterAll(async () => {
    await store?.close();
    tmp.cleanup();
  });

  const ranges: [string, string, string][] = [
    ['whole days', T('2026-11-03T00:00:00'), T('2026-11-10T00:00:00')],
    ['7d ending mid-day', T('2026-11-04T00:00:00'), T('2026-11-10T13:41:07')],
    ['partial days at both edges', T('2026-11-02T05:30:00'), T('2026-11-09T14:20:00')],
    ['less than a day across midnight', T('2026-11-05T18:10:00'), T('2026-11-06T09:00:00')],
    ['everything', T('2026-10-30T00:00:00'), T('2026-11-14T00:00:00')],
  ];

  it.each(ranges)('gives what the hourly rollups give: %s', async (_, from, to) => {
    const previousFrom = new Date(2 * Date.parse(from) - Date.parse(to)).toISOString();
    const oracle = await hourlyOnly(store, from, to, previousFrom);
    expect(oracle.summary?.documents).toBeGreaterThan(0);
    expect(await getCockpitSummary(store, { from, to, previousFrom })).toEqual(oracle.summary);
    const trend = await getSentimentTrend(store, { from, to, bucket: 'day' });
    expect(trend.map(({ time, ...rest }) => rest)).toEqual(oracle.trend);
    // Each point starts a Beijing day (16:00 UTC).
    for (const p of trend) expect(Date.parse(p.time) % 86_400_000).toBe(16 * 3_600_000);
    for (const d of BREAKDOWN_DIMENSIONS) {
      expect(await getDocumentBreakdown(store, { from, to, dimension: d, limit: 50 })).toEqual(
        oracle.breakdowns[d],
      );
    }
    expect(await getCityRanking(store, { from, to, limit: 20 })).toEqual(oracle.cities);
  });

  it('counts each document once over the whole period, as the documents table does', async () => {
    const [truth] = await store.query<{ n: string | number }>('truth', {
      query: 'SELECT count() AS n FROM documents FINAL',
      params: {},
    });
    const s = await getCockpitSummary(store, {
      from: T('2026-10-30T00:00:00'),
      to: T('2026-11-14T00:00:00'),
      previousFrom: T('2026-10-29T00:00:00'),
    });
    expect(s.documents).toBe(Number(truth?.n));
  });
});
