/**
 * The site crawl when the web misbehaves, against a real embedded store. One loopback site links
 * from its home page to: a GBK page with no charset anywhere, a 404, a page that answers 429 once
 * (Retry-After: 1), a page that always fails with 500, a page slower than the timeout, a response
 * that never ends, one bigger than the size limit, a PDF, a page disallowed by robots.txt, the same
 * page under two session ids, and a calendar whose "next month" links run forever.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  getPendingRawDocuments,
  loadConfig,
  migrate,
  openStore,
  START_WATERMARK,
  type Store,
} from '@yuqing/schemas';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceSchema } from '../sources/source-schema.ts';
import { articleHtml, paragraphs, startTestServer, type TestServer } from '../testing/test-server.ts';
import { crawlOnce } from './crawl-once.ts';
import type { CrawlRunSummary } from './types.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const GBK_TEXT =
  '区政府办公室关于做好今冬明春供暖保障工作的通知，各街道、各有关部门要高度重视，确保群众温暖过冬。';

function month(offset: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
}

describe('a site crawl against a misbehaving server', () => {
  let dir: string;
  let store: Store;
  let server: TestServer;
  let run: CrawlRunSummary;
  let unreachable: CrawlRunSummary;
  let busyAt: number[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-robust-'));
    store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
    await migrate(store, logger);
    busyAt = [];
    const links = [
      '/a/gbk.html',
      '/a/missing.html',
      '/a/busy.html',
      '/a/broken.html',
      '/a/slow.html',
      '/a/endless.html',
      '/a/big.html',
      '/a/report.pdf',
      '/private/a/secret.html',
      '/a/same.html;jsessionid=ABC123',
      '/a/same.html?sid=789',
      `/calendar/${month(0)}.html`,
    ];
    server = await startTestServer({
      // The articles' navigation links.
      '/': { body: '<html><body>首页</body></html>' },
      '/news/': { body: '<html><body>新闻</body></html>' },
      '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' },
      '/index.html': {
        body: `<html><body>${links.map((l) => `<a href="${l}">${l}</a>`).join('\n')}</body></html>`,
      },
      '/a/gbk.html': {
        type: 'text/html',
        body: iconv.encode(
          `<html><head><title>关于做好供暖保障工作的通知_区政府</title></head><body><h1>关于做好供暖保障工作的通知</h1><div class="content"><p>${GBK_TEXT}</p><p>${GBK_TEXT}</p></div></body></html>`,
          'gbk',
        ),
      },
      '/a/busy.html': (_req, res) => {
        busyAt.push(Date.now());
        if (busyAt.length === 1) {
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/html' });
          res.end('slow down');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleHtml('限流后成功的文章', paragraphs('限流')));
      },
      '/a/broken.html': { status: 500, body: 'boom' },
      '/a/slow.html': (_req, res) => {
        setTimeout(() => {
          if (!res.destroyed) res.end(articleHtml('太慢的文章', paragraphs('慢')));
        }, 4000);
      },
      '/a/endless.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write('<html><body>');
        const timer = setInterval(
          () => (res.destroyed ? clearInterval(timer) : res.write('<p>还有</p>')),
          200,
        );
      },
      '/a/big.html': { body: `<html><body>${'<p>很长的页面</p>'.repeat(100_000)}</body></html>` },
      '/a/report.pdf': { type: 'application/pdf', body: '%PDF-1.4 not a page' },
      '/a/same.html': { body: articleHtml('同一篇文章', paragraphs('同一篇')) },
      '/private/a/secret.html': { body: articleHtml('不该抓取', paragraphs('内部')) },
    });
    // Each calendar month links to the next one, forever.
    for (let i = 0; i < 24; i++) {
      server.routes.set(`/calendar/${month(i)}.html`, {
        body: `<html><body><h1>${month(i)}</h1><a href="/calendar/${month(i + 1)}.html">下个月</a></body></html>`,
      });
    }
    const source = SourceSchema.parse({
      id: 'rough-site',
      name: '不稳定的网站',
      kind: 'site',
      startUrls: [`${server.url}/index.html`],
      articlePatterns: ['/a/'],
      maxDepth: 30,
      rate: 50,
      concurrency: 8,
      timeoutSeconds: 1.5,
      maxRetries: 1,
      maxBytes: 500_000,
    });
    const dead = SourceSchema.parse({
      id: 'unreachable',
      name: '不存在的网站',
      kind: 'site',
      startUrls: ['http://no-such-host.invalid/'],
      maxRetries: 0,
    });
    [unreachable, run] = (await crawlOnce(store, [dead, source], { logger })) as [
      CrawlRunSummary,
      CrawlRunSummary,
    ];
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores exactly the readable articles, the GBK one decoded', async () => {
    const docs = await getPendingRawDocuments(store, START_WATERMARK, 100);
    const byPath = new Map(docs.map((d) => [new URL(d.canonicalUrl).pathname, d]));
    expect([...byPath.keys()].sort()).toEqual(['/a/busy.html', '/a/gbk.html', '/a/same.html']);
    expect(byPath.get('/a/gbk.html')?.title).toBe('关于做好供暖保障工作的通知');
    expect(byPath.get('/a/gbk.html')?.body).toContain(GBK_TEXT);
    expect(byPath.get('/a/busy.html')?.title).toBe('限流后成功的文章');
  });

  it('records a host that does not resolve as a DNS error, and goes on with the next source', () => {
    expect(unreachable).toMatchObject({ source: 'unreachable', pages: 0, errors: { dns: 1 } });
  });

  it('records each failure by kind, and the skips', () => {
    expect(run).toMatchObject({ new: 3, aborted: false });
    expect(run.errors).toEqual({ http_4xx: 1, http_5xx: 1, timeout: 2, too_large: 1, robots: 1 });
    expect(run.skipped.non_html).toBe(1);
    expect(run.skipped.trap).toBe(1);
  });

  it('waits as long as a 429 asks, and retries a 500 once', () => {
    expect(busyAt).toHaveLength(2);
    expect((busyAt[1] as number) - (busyAt[0] as number)).toBeGreaterThanOrEqual(900);
    expect(server.hits('/a/broken.html')).toBe(2);
    expect(server.hits('/a/missing.html')).toBe(1);
    // Our user agent, not a generated browser one.
    expect(server.log.find((l) => l.path === '/index.html')?.headers['user-agent']).toMatch(/yuqing-crawler/);
  });

  it('leaves the calendar after a month ahead, and fetches a page once whatever its session id', () => {
    const calendar = server.log.filter((l) => l.path.startsWith('/calendar/')).map((l) => l.path);
    expect(calendar).toEqual([`/calendar/${month(0)}.html`, `/calendar/${month(1)}.html`]);
    expect(server.log.filter((l) => l.path.startsWith('/a/same.html'))).toHaveLength(1);
  });
});
