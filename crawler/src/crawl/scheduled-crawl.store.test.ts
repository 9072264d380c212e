/**
 * The crawl scheduler on a real embedded store and a loopback server. Story: the sources file has
 * `city-json` (every 60 minutes) and a disabled `old-json`; the dashboard's table adds
 * `county-json` (every 5 minutes), tries to redefine `city-json` and `old-json` (the file wins),
 * adds `paused-json` switched off, and `broken` whose URL is not one. Each feed is a JSON Feed with
 * one item. The clock is the real one plus an offset, so `crawl_runs` times stay real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  getSourceHealth,
  loadConfig,
  migrate,
  openStore,
  requestSourceRun,
  type Store,
  upsertManagedSource,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Source, SourceSchema } from '../sources/source-schema.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { readScheduleState, ScheduledCrawler } from './scheduled-crawl.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const MINUTE = 60_000;

const feed = (name: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: name,
    items: [
      {
        id: '1',
        url: `https://${name}.example.cn/1.html`,
        title: `${name}的新闻`,
        content_text: `${name}今天发布通知。\n请市民注意出行安全。`,
        date_published: '2026-11-21T10:00:00Z',
      },
    ],
  });

describe('scheduled crawl: intervals, run requests, file and dashboard sources', () => {
  let dir: string;
  let store: Store;
  let server: TestServer;
  let offset = 0;
  let crawler: ScheduledCrawler;
  const def = (name: string, extra: Record<string, unknown> = {}) => ({
    kind: 'feed',
    name,
    urls: [`${server.url}/${name}.json`],
    fetchArticles: false,
    ...extra,
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-schedule-'));
    store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
    await migrate(store, logger);
    server = await startTestServer();
    for (const name of ['city', 'county', 'old', 'paused', 'table-city', 'table-old']) {
      server.routes.set(`/${name}.json`, { type: 'application/feed+json', body: feed(name) });
    }
    const file: Source[] = [
      SourceSchema.parse({ id: 'city-json', ...def('city'), intervalMinutes: 60 }),
      SourceSchema.parse({ id: 'old-json', ...def('old'), enabled: false }),
    ];
    const put = (id: string, definition: object, enabled = true) =>
      upsertManagedSource(store, { id, definition, enabled, updatedBy: 'editor' });
    await put('county-json', def('county', { intervalMinutes: 5 }));
    await put('city-json', def('table-city', { intervalMinutes: 1 }));
    await put('old-json', def('table-old'));
    await put('paused-json', def('paused'), false);
    await put('broken', { ...def('broken'), urls: ['not a url'] });
    crawler = new ScheduledCrawler(store, file, {
      logger,
      now: () => new Date(Date.now() + offset),
      pollMs: 10 * MINUTE,
    });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('first round: file and table sources that never ran; the file wins; a bad entry is reported', async () => {
    const round = await crawler.round();
    expect(round.runs.map((r) => [r.source, r.new])).toEqual([
      ['city-json', 1],
      ['county-json', 1],
    ]);
    expect(round.due.every((d) => d.reason === 'never_run')).toBe(true);
    expect(round.all.shadowed).toEqual(['city-json', 'old-json']);
    expect(round.all.origin.get('county-json')).toBe('table');
    expect(round.all.problems).toEqual([
      expect.objectContaining({ sourceId: 'broken', field: 'urls.0', message: 'must be an http(s) URL' }),
    ]);
    // The table's versions of file ids, and disabled sources, are never fetched.
    for (const name of ['table-city', 'table-old', 'old', 'paused'])
      expect(server.hits(`/${name}.json`)).toBe(0);
    // Next: county, 5 minutes after its run started.
    const county = round.runs[1]?.startedAt as string;
    expect(round.nextWakeAt?.getTime()).toBe(Date.parse(county) + 5 * MINUTE);

    const health = await getSourceHealth(store, { sources: ['broken'] });
    expect(health[0]?.lastRun).toMatchObject({ kind: 'invalid', errors: { invalid_source: 1 } });
    expect(health[0]?.status).toBe('failing');
  });

  it('reports a bad entry once per version, and nothing is due a minute later', async () => {
    offset = MINUTE;
    const round = await crawler.round();
    expect(round.runs).toEqual([]);
    const health = await getSourceHealth(store, { sources: ['broken'] });
    expect(health[0]?.runs).toHaveLength(1);
  });

  it('a run request makes a source due now, once', async () => {
    await requestSourceRun(store, 'city-json', 'editor');
    const round = await crawler.round();
    expect(round.due.map((d) => [d.source.id, d.reason])).toEqual([['city-json', 'requested']]);
    expect(round.runs.map((r) => [r.source, r.errors])).toEqual([['city-json', {}]]);
    expect((await crawler.round()).runs).toEqual([]);
  });

  it('each source on its own interval', async () => {
    offset = 6 * MINUTE;
    expect((await crawler.round()).runs.map((r) => r.source)).toEqual(['county-json']);
    // Both due: county is the more overdue (5 minutes after its last start, city 60).
    offset = 62 * MINUTE;
    expect((await crawler.round()).runs.map((r) => r.source)).toEqual(['county-json', 'city-json']);
  });

  it('a fixed entry runs at once (the report of the bad version is not a run)', async () => {
    offset = 0;
    await upsertManagedSource(store, {
      id: 'broken',
      definition: def('county', { name: 'fixed' }),
      enabled: true,
      updatedBy: 'editor',
    });
    const state = await readScheduleState(store);
    expect(state.lastRuns.has('broken')).toBe(false);
    const round = await crawler.round();
    expect(round.runs.map((r) => r.source)).toEqual(['broken']);
    expect(round.all.problems).toEqual([]);
  });
});
