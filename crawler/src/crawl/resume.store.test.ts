/**
 * SIGKILL in the middle of a run. A child process crawls a feed listing the demo site's 297
 * articles (and the site itself) and is killed right after its second document batch; the next
 * run, in this process on the same data directory, stores the rest. Nothing lost (every article is
 * there, with its text), nothing duplicated (one document per id; at most one re-written batch of raw rows, collapsed by the
 * table engine), and the feed was
 * read again in full (its validators had not been saved).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  createLogger,
  getPendingRawDocuments,
  getSeenUrls,
  loadConfig,
  migrate,
  openStore,
  START_WATERMARK,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSite, startDemoSite } from '../demo/demo-site.ts';
import { SourceSchema } from '../sources/source-schema.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { crawlOnce } from './crawl-once.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const CHILD = new URL('../testing/crawl-child.ts', import.meta.url).pathname;

describe('a crawl killed with SIGKILL', () => {
  let dir: string;
  let site: DemoSite;
  let feedServer: TestServer;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-resume-'));
    site = await startDemoSite();
    const items = site.articles
      .map(
        (a) =>
          `<item><title>${xml(a.title)}</title><link>${site.url}/news/${a.id}.html</link><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate></item>`,
      )
      .join('\n');
    feedServer = await startTestServer({
      '/rss.xml': {
        type: 'application/rss+xml',
        headers: { etag: '"all"' },
        body: `<rss version="2.0"><channel><title>演示</title>${items}</channel></rss>`,
      },
    });
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await site?.close();
    await feedServer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('resumes without losing or duplicating a document', async () => {
    const feed = {
      id: 'demo-feed',
      name: '演示订阅',
      kind: 'feed',
      urls: [`${feedServer.url}/rss.xml`],
      rate: 100,
      concurrency: 4,
      maxPagesPerRun: 1000,
    };
    child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, JSON.stringify([feed])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    let batches = 0;
    for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
      if (line.startsWith('inserted raw_documents') && ++batches === 2) break;
      if (line === 'done') break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(batches).toBe(2);

    const store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
    try {
      await migrate(store, logger);
      const storedBefore = (await getPendingRawDocuments(store, START_WATERMARK, 1000)).length;
      expect(storedBefore).toBeGreaterThanOrEqual(40);
      expect(storedBefore).toBeLessThan(site.articles.length);
      expect(feedServer.hits('/rss.xml')).toBe(1);

      const [run] = await crawlOnce(store, [SourceSchema.parse(feed)], { logger });
      // The feed was fetched again in full (no 304: its ETag was never saved), and only the rest was stored.
      expect(feedServer.log.at(-1)?.headers['if-none-match']).toBeUndefined();
      expect(run).toMatchObject({ found: site.articles.length, errors: {} });
      expect((run?.new ?? 0) + (run?.unchanged ?? 0)).toBe(site.articles.length);
      expect(run?.new).toBe(site.articles.length - (run?.unchanged ?? 0));

      const docs = await getPendingRawDocuments(store, START_WATERMARK, 1000);
      expect(docs).toHaveLength(site.articles.length);
      const byUrl = new Map(docs.map((d) => [d.canonicalUrl, d]));
      for (const a of site.articles) {
        expect(byUrl.get(`${site.url}/news/${a.id}.html`), a.id).toMatchObject({
          title: a.title,
          body: a.body,
        });
      }
      // A batch killed between its document and seen inserts is written again with the same ids:
      // at most one batch (20) of extra raw rows, which ReplacingMergeTree collapses (FINAL shows it).
      const [rows] = await store.query<{ rows: number; ids: number; final: number }>('test:rawRows', {
        query: `SELECT count() AS rows, uniqExact(id) AS ids,
          (SELECT count() FROM raw_documents FINAL) AS final FROM raw_documents`,
        params: {},
      });
      expect(Number(rows?.ids)).toBe(site.articles.length);
      expect(Number(rows?.final)).toBe(site.articles.length);
      expect(Number(rows?.rows) - site.articles.length).toBeLessThanOrEqual(20);
      expect((await getSeenUrls(store, 'demo-feed')).size).toBe(site.articles.length + 1);

      // Now the feed's validators are saved: the next run sends its ETag (this server ignores it)
      // and does not parse the same bytes again.
      const [again] = await crawlOnce(store, [SourceSchema.parse(feed)], { logger });
      expect(feedServer.log.at(-1)?.headers['if-none-match']).toBe('"all"');
      expect(again).toMatchObject({ new: 0, found: 0, skipped: { same_listing: 1 } });
    } finally {
      await store.close();
    }
  }, 120_000);
});
