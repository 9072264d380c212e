/**
 * Feeds and sitemaps against a real embedded store and a loopback server. Story: a city newspaper
 * publishes an RSS 2.0 feed (articles fetched), an Atom feed and a JSON Feed (item text used); a
 * broken feed and a huge one sit beside them. A district portal has a sitemap index with a news
 * sitemap. Re-runs use conditional GET; an update shows up as a changed document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  getPendingRawDocuments,
  getSourceHealth,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  START_WATERMARK,
  type Store,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlOnce } from '../crawl/crawl-once.ts';
import { type Source, type SourceInput, SourceSchema } from '../sources/source-schema.ts';
import { articleHtml, paragraphs, startTestServer, type TestServer } from '../testing/test-server.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const source = (input: Partial<SourceInput> & Pick<SourceInput, 'id' | 'kind'>): Source =>
  SourceSchema.parse({ name: input.id, rate: 50, concurrency: 4, ...input });

function rss(base: string, items: { id: number; title: string; date: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>晚报 滚动新闻</title>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>${base}/rss-news/${i.id}.html?utm_source=rss</link>
<pubDate>${i.date}</pubDate><dc:creator>记者${i.id}</dc:creator><description><![CDATA[<p>摘要${i.id}</p>]]></description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

const ATOM = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>区政府 动态</title>
<entry><title>区政府召开常务会议</title><link rel="alternate" href="${base}/atom/1.html"/>
<published>2026-11-20T08:00:00+08:00</published><updated>2026-11-20T09:00:00+08:00</updated>
<author><name>区政府办</name></author><content type="html">&lt;p&gt;会议研究了冬季供暖保障工作。&lt;/p&gt;&lt;p&gt;会议要求各部门做好应急准备。&lt;/p&gt;</content></entry>
</feed>`;

const JSON_FEED = (base: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: '网友留言',
    items: [
      {
        id: '1',
        url: `${base}/json/1.html`,
        title: '小区供暖不热',
        content_text: '家里暖气温度只有十五度。\n希望有关部门尽快处理。',
        date_published: '2026-11-21T10:00:00Z',
        authors: [{ name: '网友甲' }],
      },
    ],
  });

describe('feeds and sitemaps', () => {
  let dir: string;
  let store: Store;
  let server: TestServer;
  let base: string;
  let feedItems: { id: number; title: string; date: string }[];
  const byUrl = async () => {
    const docs = await getPendingRawDocuments(store, START_WATERMARK, 1000);
    return new Map<string, RawDocument>(docs.map((d) => [d.canonicalUrl, d]));
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-listing-'));
    store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
    await migrate(store, logger);
    server = await startTestServer();
    base = server.url;
    feedItems = [1, 2, 3].map((id) => ({
      id,
      title: `晚报新闻${id}`,
      date: `Fri, 20 Nov 2026 0${id}:00:00 +0800`,
    }));
    // The RSS feed honours If-None-Match.
    server.routes.set('/rss.xml', (req, res) => {
      const body = rss(base, feedItems);
      const etag = `"v${feedItems.map((i) => i.date).join('|').length}-${feedItems.length}-${feedItems[0]?.date}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      res.end(body);
    });
    for (const id of [1, 2, 3]) {
      server.routes.set(`/rss-news/${id}.html`, {
        body: articleHtml(`晚报新闻${id}`, paragraphs(`晚报新闻${id}`)),
      });
    }
    server.routes.set('/atom.xml', { type: 'application/atom+xml', body: ATOM(base) });
    server.routes.set('/feed.json', { type: 'application/feed+json', body: JSON_FEED(base) });
    server.routes.set('/broken.xml', { type: 'text/html', body: '<html><body>服务器维护中</body></html>' });
    server.routes.set('/huge.xml', {
      type: 'application/rss+xml',
      body: `<rss><channel>${'<item>x</item>'.repeat(200_000)}</channel></rss>`,
    });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const feeds = () => [
    source({ id: 'evening-rss', kind: 'feed', urls: [`${base}/rss.xml`] }),
    source({ id: 'district-atom', kind: 'feed', urls: [`${base}/atom.xml`], fetchArticles: false }),
    source({ id: 'broken-feed', kind: 'feed', urls: [`${base}/broken.xml`] }),
    source({ id: 'huge-feed', kind: 'feed', urls: [`${base}/huge.xml`], maxBytes: 100_000 }),
    source({ id: 'letters-json', kind: 'feed', urls: [`${base}/feed.json`], fetchArticles: false }),
  ];

  it('stores RSS articles (pages fetched), Atom and JSON Feed items (their own text); bad feeds fail alone', async () => {
    const runs = await crawlOnce(store, feeds(), { logger });
    expect(runs.map((r) => [r.source, r.new, r.errors])).toEqual([
      ['evening-rss', 3, {}],
      ['district-atom', 1, {}],
      ['broken-feed', 0, { parse: 1 }],
      ['huge-feed', 0, { too_large: 1 }],
      ['letters-json', 1, {}],
    ]);
    const docs = await byUrl();
    expect(docs.size).toBe(5);
    const first = docs.get(`${base}/rss-news/1.html`);
    expect(first).toMatchObject({
      title: '晚报新闻1',
      author: '记者1',
      source: 'evening-rss',
      publishedAt: '2026-11-19T17:00:00.000Z',
    });
    expect(first?.body).toContain('晚报新闻1第4段');
    expect(docs.get(`${base}/atom/1.html`)).toMatchObject({
      title: '区政府召开常务会议',
      body: '会议研究了冬季供暖保障工作。\n会议要求各部门做好应急准备。',
      author: '区政府办',
      publishedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(docs.get(`${base}/json/1.html`)).toMatchObject({
      body: '家里暖气温度只有十五度。\n希望有关部门尽快处理。',
      author: '网友甲',
    });
  });

  it('re-runs with a conditional GET and fetches no article again', async () => {
    const before = server.log.length;
    const [rssRun, atomRun] = await crawlOnce(store, feeds().slice(0, 2), { logger });
    expect(rssRun).toMatchObject({ new: 0, changed: 0, skipped: { not_modified: 1 } });
    expect(atomRun).toMatchObject({ new: 0, changed: 0, skipped: { same_listing: 1 } });
    const requests = server.log.slice(before).map((l) => l.path);
    expect(requests.filter((p) => p.startsWith('/rss-news/'))).toEqual([]);
    const rssRequest = server.log.slice(before).find((l) => l.path === '/rss.xml');
    expect(rssRequest?.headers['if-none-match']).toMatch(/^"v/);
  });

  it('fetches only the new and the updated items when the feed changes', async () => {
    feedItems = [{ id: 4, title: '晚报新闻4', date: 'Sat, 21 Nov 2026 08:00:00 +0800' }, ...feedItems];
    feedItems[2] = { id: 2, title: '晚报新闻2（更新）', date: 'Sat, 21 Nov 2026 09:00:00 +0800' };
    server.routes.set('/rss-news/4.html', { body: articleHtml('晚报新闻4', paragraphs('晚报新闻4')) });
    server.routes.set('/rss-news/2.html', {
      body: articleHtml('晚报新闻2（更新）', paragraphs('更新后的晚报新闻2')),
    });
    const before = server.log.length;
    const [run] = await crawlOnce(store, feeds().slice(0, 1), { logger });
    expect(run).toMatchObject({ found: 4, new: 1, changed: 1, unchanged: 2, errors: {} });
    const fetched = server.log
      .slice(before)
      .map((l) => l.path)
      .filter((p) => p.startsWith('/rss-news/'));
    // Canonical URLs: the feed's tracking parameter is not sent.
    expect(fetched.sort()).toEqual(['/rss-news/2.html', '/rss-news/4.html']);
    const docs = await byUrl();
    expect(docs.get(`${base}/rss-news/2.html`)?.title).toBe('晚报新闻2（更新）');
    expect(docs.get(`${base}/rss-news/2.html`)?.body).toContain('更新后的晚报新闻2');
  });

  it('reads a sitemap index, a news sitemap with publication dates, and uses lastmod for changes', async () => {
    let lastmod = '2026-11-20T10:00:00+08:00';
    server.routes.set('/sitemap.xml', {
      type: 'application/xml',
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemap-news.xml</loc></sitemap><sitemap><loc>${base}/sitemap-pages.xml</loc></sitemap></sitemapindex>`,
    });
    server.routes.set('/sitemap-news.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${base}/xwzx/1.html</loc><lastmod>${lastmod}</lastmod><news:news><news:publication>
<news:name>区政府门户</news:name><news:language>zh</news:language></news:publication>
<news:publication_date>2026-11-20T09:15:00+08:00</news:publication_date><news:title>区领导调研冬季供暖</news:title></news:news></url>
</urlset>`);
    });
    server.routes.set('/sitemap-pages.xml', {
      type: 'application/xml',
      body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/xwzx/2.html</loc><lastmod>2026-11-19</lastmod></url>
<url><loc>${base}/other/3.html</loc></url></urlset>`,
    });
    server.routes.set('/xwzx/1.html', { body: articleHtml('区领导调研冬季供暖', paragraphs('调研')) });
    server.routes.set('/xwzx/2.html', {
      body: articleHtml('区政府通报道路施工', paragraphs('施工'), '2026-11-19 08:00'),
    });
    const sitemap = source({
      id: 'district-sitemap',
      kind: 'sitemap',
      urls: [`${base}/sitemap.xml`],
      include: ['/xwzx/'],
    });

    const [first] = await crawlOnce(store, [sitemap], { logger });
    expect(first).toMatchObject({ found: 2, new: 2, errors: {}, pages: 5 });
    let docs = await byUrl();
    expect(docs.get(`${base}/xwzx/1.html`)).toMatchObject({
      title: '区领导调研冬季供暖',
      publishedAt: '2026-11-20T01:15:00.000Z',
    });
    expect(docs.get(`${base}/xwzx/2.html`)?.title).toBe('区政府通报道路施工');
    expect(docs.has(`${base}/other/3.html`)).toBe(false);

    lastmod = '2026-11-21T10:00:00+08:00';
    server.routes.set('/xwzx/1.html', {
      body: articleHtml('区领导调研冬季供暖', paragraphs('调研（补充）')),
    });
    const before = server.log.length;
    const [second] = await crawlOnce(store, [sitemap], { logger });
    // The index is read again; the unchanged child sitemap is not parsed again (its items are not even counted).
    expect(second).toMatchObject({
      found: 1,
      new: 0,
      changed: 1,
      unchanged: 0,
      skipped: { same_listing: 1 },
    });
    expect(
      server.log
        .slice(before)
        .map((l) => l.path)
        .filter((p) => p.startsWith('/xwzx/')),
    ).toEqual(['/xwzx/1.html']);
    docs = await byUrl();
    expect(docs.get(`${base}/xwzx/1.html`)?.body).toContain('调研（补充）');
  });

  it('records every run for source health', async () => {
    const health = await getSourceHealth(store, { runs: 5 });
    const by = new Map(health.map((h) => [h.source, h]));
    expect(by.get('broken-feed')).toMatchObject({ status: 'failing', errorTotals: { parse: 1 } });
    expect(by.get('huge-feed')?.lastRun).toMatchObject({ kind: 'feed', errors: { too_large: 1 } });
    const rssHealth = by.get('evening-rss');
    expect(rssHealth?.runs.map((r) => [r.new, r.changed])).toEqual([
      [1, 1],
      [0, 0],
      [3, 0],
    ]);
    expect(rssHealth?.status).toBe('ok');
    expect(rssHealth?.lastRun.durationMs).toBeGreaterThan(0);
    expect(rssHealth?.runs[2]?.freshnessP50Seconds).toBeGreaterThan(0);
    expect(by.get('district-sitemap')?.lastRun).toMatchObject({ kind: 'sitemap', changed: 1 });
  });
});
