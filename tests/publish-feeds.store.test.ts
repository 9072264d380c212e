/**
 * The per-column feeds the portal pulls, served by the dashboard's feed handler over a real
 * store: two notices published to the column 通知公告 through the feed target, one withdrawn
 * later. Only live entries appear; ETag and Last-Modified answer conditional GETs with 304 and
 * move when an entry is withdrawn.
 */
import { FEED_TARGET_ID, FeedTarget, type PublishItem } from '@yuqing/portal-adapter';
import { createLogger, migrate, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../crawler/src/listings/feed-parse.ts';
import { CONTEXT_KEY } from '../dashboard/src/lib/server/context.ts';
import { getFeedResponse } from '../dashboard/src/lib/server/publish/feeds.ts';
import { availableEngines } from './support/engines.ts';

const logger = createLogger('silent');
const COLUMN = '通知公告';
const ORIGIN = 'https://yq.example.test';

const notice = (draftId: string, title: string, publishedAt: string): PublishItem => ({
  draftId,
  version: 5,
  column: COLUMN,
  title,
  summary: `${title}（摘要）`,
  html: `<p>${title}</p>`,
  source: {
    url: `https://gov.example.test/${draftId}.html`,
    site: 'gov.example.test',
    name: '示例政府网',
    publishedAt,
  },
  publishedAt,
});

describe.each(availableEngines())('column feeds ($name)', ({ skip, open }) => {
  let store: Store;
  let close: () => Promise<void>;
  let feeds: FeedTarget;

  beforeAll(async () => {
    if (skip) return;
    ({ store, close } = await open());
    await migrate(store, logger);
    (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, logger, config: {} };
    feeds = new FeedTarget(store, FEED_TARGET_ID, ORIGIN);
  });

  afterAll(async () => {
    delete (globalThis as Record<symbol, unknown>)[CONTEXT_KEY];
    await close?.();
  });

  const get = (format: string, headers: Record<string, string> = {}, column = COLUMN) =>
    getFeedResponse(column, format, new Headers(headers), ORIGIN);

  it.skipIf(Boolean(skip))('serves live entries in three formats with validators, and 304s', async () => {
    const empty = await get('rss.xml');
    expect(empty.status).toBe(200);
    expect(parseFeed(await empty.text(), ORIGIN).items).toEqual([]);

    const first = await feeds.publish(
      notice('d1', '关于冬季供暖的通知', '2026-11-20T02:00:00.000Z'),
      'd1:feeds',
    );
    await feeds.publish(notice('d2', '关于停水检修的通知', '2026-11-21T02:00:00.000Z'), 'd2:feeds');
    // A retried publish under the same key replaces the entry: still two.
    await feeds.publish(notice('d1', '关于冬季供暖的通知', '2026-11-20T02:00:00.000Z'), 'd1:feeds');
    await feeds.publish(
      { ...notice('d3', '别的栏目', '2026-11-21T02:00:00.000Z'), column: '要闻' },
      'd3:feeds',
    );

    for (const [format, type, kind] of [
      ['rss.xml', 'application/rss+xml; charset=utf-8', 'rss'],
      ['atom.xml', 'application/atom+xml; charset=utf-8', 'atom'],
      ['feed.json', 'application/feed+json; charset=utf-8', 'json'],
    ] as const) {
      const response = await get(format);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      const feed = parseFeed(await response.text(), ORIGIN);
      expect(feed.format).toBe(kind);
      expect(feed.items.map((i) => i.title)).toEqual(['关于停水检修的通知', '关于冬季供暖的通知']);
      expect(feed.items[0]?.url).toBe('https://gov.example.test/d2.html');
    }

    const full = await get('rss.xml');
    const etag = full.headers.get('etag') as string;
    const lastModified = full.headers.get('last-modified') as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(Date.parse(lastModified)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect((await get('rss.xml', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('rss.xml', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('atom.xml', { 'if-none-match': etag })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1_100));
    await feeds.withdraw(first);
    const after = await get('rss.xml', { 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(after.headers.get('last-modified') as string)).toBeGreaterThan(
      Date.parse(lastModified),
    );
    expect(parseFeed(await after.text(), ORIGIN).items.map((i) => i.title)).toEqual(['关于停水检修的通知']);
    // Withdrawing twice is harmless.
    await feeds.withdraw(first);
    expect(parseFeed(await (await get('feed.json')).text(), ORIGIN).items).toHaveLength(1);
  });

  it.skipIf(Boolean(skip))(
    'answers unknown formats and bad column names with the JSON error body',
    async () => {
      const format = await get('feed.xml');
      expect(format.status).toBe(404);
      expect(await format.json()).toMatchObject({ error: { code: 'not_found', field: 'format' } });
      const column = await get('rss.xml', {}, '../etc');
      expect(column.status).toBe(404);
      expect(await column.json()).toMatchObject({ error: { field: 'column' } });
    },
  );
});
