/**
 * Sources admin on a real embedded store with a real sources file.
 * Fixture story: the file defines `city-news` (a feed, enabled) and `old-forum` (disabled). The
 * crawler ran `city-news` an hour ago (timeouts, still found articles) and the demo site `demo`.
 * The admin adds `gov-rss` in the dashboard, edits it, asks it to run now, then deletes it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createLogger,
  getAuditLog,
  getManagedSources,
  loadConfig,
  migrate,
  openStore,
  type Store,
  type User,
  writeCrawlRun,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../tests/support/temp-dir.ts';
import { CONTEXT_KEY } from './context.ts';
import { createSource, deleteSource, listSources, runSourceNow, updateSource } from './sources.ts';

const logger = createLogger('silent');
const tmp = tempDir('dashboard-sources');
let store: Store;
const admin: User = {
  id: 'adm',
  username: 'adm',
  displayName: '管理员',
  roles: ['admin'],
  departmentId: 'root',
  disabled: false,
};
const who = { user: admin, ip: '127.0.0.1' };
const FEED = {
  name: '政务 RSS',
  kind: 'feed',
  urls: ['https://www.example.gov.cn/rss.xml'],
  mediaType: 'government',
};

async function failure(work: Promise<unknown>): Promise<{ status: number; field?: string }> {
  try {
    await work;
    return { status: 200 };
  } catch (error) {
    const e = error as { status?: number; body?: { field?: string } };
    return { status: e.status ?? 500, field: e.body?.field };
  }
}

beforeAll(async () => {
  const file = path.join(tmp.dir, 'sources.yaml');
  writeFileSync(
    file,
    [
      'sources:',
      '  - id: city-news',
      '    name: 城市新闻',
      '    kind: feed',
      '    urls: [https://news.example.cn/rss.xml]',
      '  - id: old-forum',
      '    name: 旧论坛',
      '    kind: site',
      '    enabled: false',
      '    startUrls: [https://bbs.example.cn/]',
      '',
    ].join('\n'),
  );
  const config = loadConfig({ YUQING_DATA_DIR: tmp.dir, YUQING_SOURCES: file });
  store = await openStore(config, logger);
  await migrate(store, logger);
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, config, logger };
  const started = new Date(Date.now() - 3_600_000).toISOString();
  const finished = new Date(Date.now() - 3_590_000).toISOString();
  await writeCrawlRun(store, {
    runId: 'r1',
    source: 'city-news',
    startedAt: started,
    finishedAt: finished,
    found: 12,
    new: 5,
    changed: 0,
    errors: { timeout: 2 },
    freshnessP50Seconds: 900,
  });
  await writeCrawlRun(store, {
    runId: 'r2',
    source: 'demo',
    startedAt: started,
    finishedAt: finished,
    found: 3,
    new: 3,
    changed: 0,
    errors: {},
    freshnessP50Seconds: null,
  });
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('sources admin', () => {
  it('shows file sources read-only, run-only sources, and their health', async () => {
    const { items } = await listSources();
    expect(items.map((s) => [s.id, s.origin, s.enabled])).toEqual([
      ['city-news', 'file', true],
      ['old-forum', 'file', false],
      ['demo', 'other', true],
    ]);
    expect(items[0]?.health).toMatchObject({ status: 'degraded', errorTotals: { timeout: 2 } });
    expect(items[1]?.health).toBeNull();
  });

  it('refuses to change or delete a file source (409), and a bad definition (400 on the field)', async () => {
    expect(await failure(createSource(who, { id: 'city-news', enabled: true, definition: FEED }))).toEqual({
      status: 409,
      field: 'id',
    });
    expect((await failure(updateSource(who, 'city-news', { enabled: false }))).status).toBe(409);
    expect((await failure(deleteSource(who, 'city-news'))).status).toBe(409);
    expect(
      await failure(
        createSource(who, { id: 'gov-rss', enabled: true, definition: { ...FEED, urls: ['ftp://x'] } }),
      ),
    ).toEqual({ status: 400, field: 'definition.urls.0' });
    expect(
      await failure(createSource(who, { id: 'gov-rss', enabled: true, definition: { name: 'x' } })),
    ).toEqual({
      status: 400,
      field: 'definition.kind',
    });
    expect(await getManagedSources(store)).toEqual([]);
  });

  it('adds, edits, runs and deletes a dashboard source, audited', async () => {
    await createSource(who, { id: 'gov-rss', enabled: true, definition: FEED });
    let view = (await listSources()).items.find((s) => s.id === 'gov-rss');
    expect(view).toMatchObject({
      origin: 'table',
      kind: 'feed',
      name: '政务 RSS',
      problems: [],
      runRequest: null,
    });
    expect(view?.definition).toMatchObject({ intervalMinutes: 30 }); // the crawler's defaults, stored
    expect(
      (await failure(createSource(who, { id: 'gov-rss', enabled: true, definition: FEED }))).status,
    ).toBe(409);

    await updateSource(who, 'gov-rss', { definition: { ...FEED, intervalMinutes: 10 } });
    await runSourceNow(who, 'gov-rss');
    view = (await listSources()).items.find((s) => s.id === 'gov-rss');
    expect(view?.definition).toMatchObject({ intervalMinutes: 10 });
    expect(view?.runRequest).toMatchObject({ requestedBy: 'adm', pending: true });

    await updateSource(who, 'gov-rss', { enabled: false });
    expect((await failure(runSourceNow(who, 'gov-rss'))).status).toBe(409);
    expect((await failure(runSourceNow(who, 'nowhere'))).status).toBe(404);
    await runSourceNow(who, 'city-news'); // a file source may run now too

    await deleteSource(who, 'gov-rss');
    expect((await listSources()).items.map((s) => s.id)).not.toContain('gov-rss');
    const actions = (
      await getAuditLog(store, {
        from: '2000-01-01T00:00:00Z',
        to: '2100-01-01T00:00:00Z',
        action: 'source.',
        limit: 50,
      })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(
      ['source.create', 'source.update', 'source.run', 'source.update', 'source.run', 'source.delete'].sort(),
    );
  });
});
