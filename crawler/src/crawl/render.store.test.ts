/**
 * `render: true`: a page whose article exists only after its script ran, crawled with Playwright
 * and Debian's Chromium (/usr/bin/chromium), stored like any other page. The same page crawled
 * without a browser yields no article.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceSchema } from '../sources/source-schema.ts';
import { paragraphs, startTestServer, type TestServer } from '../testing/test-server.ts';
import { DEFAULT_CHROMIUM } from './browser-pages.ts';
import { crawlOnce } from './crawl-once.ts';

const logger = createLogger(process.env.YUQING_LOG_LEVEL ?? 'silent');
const TEXT = paragraphs('脚本渲染');

const SCRIPTED = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>脚本渲染的新闻_测试网</title></head>
<body><div id="app">加载中……</div><script>
setTimeout(() => {
  const data = ${JSON.stringify({ title: '脚本渲染的新闻', time: '2026-11-22 10:00', paragraphs: TEXT })};
  document.getElementById('app').innerHTML = '<h1>' + data.title + '</h1><div class="info">发布时间：' + data.time +
    '</div><div class="content">' + data.paragraphs.map((p) => '<p>' + p + '</p>').join('') + '</div>';
}, 50);
</script></body></html>`;

if (!existsSync(DEFAULT_CHROMIUM)) {
  console.warn(
    `render.store.test: SKIPPED — no Chromium at ${DEFAULT_CHROMIUM} (apt-get install chromium fonts-noto-cjk)`,
  );
}

describe.skipIf(!existsSync(DEFAULT_CHROMIUM))('render: true', () => {
  let dir: string;
  let store: Store;
  let server: TestServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'yuqing-render-'));
    store = await openStore(loadConfig({ YUQING_DATA_DIR: dir }), logger);
    await migrate(store, logger);
    server = await startTestServer({
      '/index.html': {
        body: '<html><body><a href="/news/js.html">新闻</a><a href="/logo.png">图</a></body></html>',
      },
      '/news/js.html': { body: SCRIPTED },
    });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const source = (render: boolean) =>
    SourceSchema.parse({
      id: render ? 'js-site' : 'js-site-plain',
      name: '脚本网站',
      kind: 'site',
      render,
      startUrls: [`${server.url}/index.html`],
      articlePatterns: ['/news/'],
      rate: 20,
    });

  it('stores the text the script wrote, read through Chromium', async () => {
    const [plain, rendered] = await crawlOnce(store, [source(false), source(true)], { logger });
    expect(plain).toMatchObject({ new: 0, errors: { extract: 1 } });
    expect(rendered).toMatchObject({ render: true, pages: 2, new: 1, errors: {} });
    const docs = await getPendingRawDocuments(store, START_WATERMARK, 10);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      source: 'js-site',
      title: '脚本渲染的新闻',
      body: TEXT.join('\n'),
      publishedAt: '2026-11-22T02:00:00.000Z',
    });
  }, 60_000);
});
