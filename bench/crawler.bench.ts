/**
 * Crawler speed: a Cheerio crawl of a local 1,000-article site into the embedded store (pages/s,
 * peak RSS), a Playwright crawl of 100 of its pages (pages/s, peak RSS of node + Chromium), and
 * extraction alone on one core (pages/s) over the shared extraction pages (real Chinese pages,
 * ~106 KiB each) when they are there, else over the bench site's pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { crawlOnce, extractPage, type PageInput, SourceSchema } from '@yuqing/crawler';
import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import { tempDir } from '../tests/support/temp-dir.ts';
import { type BenchFigure, round } from './harness.ts';

const ARTICLES = 1000;
const PER_LIST = 25;
const SENTENCES = [
  '市政府新闻办今天举行新闻发布会，介绍今年以来全市经济社会发展情况。',
  '据了解，相关部门已经组织力量开展排查，对群众反映的问题逐项登记、限期整改。',
  '记者在现场看到，施工区域已经设置围挡，交通疏导人员在路口指挥车辆有序通行。',
  '专家表示，这项政策将进一步减轻企业负担，稳定市场预期，促进消费回暖。',
  '下一步，各区将结合实际细化措施，确保各项任务落到实处，让群众有实实在在的获得感。',
];

function article(i: number): string {
  const paragraphs = Array.from({ length: 12 }, (_, p) =>
    SENTENCES.map((_, k) => SENTENCES[(i + p + k) % 5]).join(''),
  );
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/channel/${k}.html">频道${k}</a></li>`).join(
    '',
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试新闻第${i}号_基准网</title></head><body>
<div class="nav"><ul>${nav}</ul></div><div class="article"><h1>测试新闻第${i}号</h1>
<div class="info">发布时间：2026-11-${String(1 + (i % 20)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')} 来源：基准网 作者：记者${i % 7}</div>
<div class="content">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="related"><a href="/news/${(i + 1) % ARTICLES}.html">下一篇</a></div><div class="footer">版权所有 基准网</div></body></html>`;
}

function list(page: number, pages: number): string {
  const links = Array.from({ length: PER_LIST }, (_, k) => (page - 1) * PER_LIST + k)
    .filter((i) => i < ARTICLES)
    .map((i) => `<li><a href="/news/${i}.html">测试新闻第${i}号</a></li>`)
    .join('');
  const pager = Array.from({ length: pages }, (_, k) => `<a href="/list_${k + 1}.html">${k + 1}</a>`).join(
    ' ',
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>新闻列表</title></head><body><ul>${links}</ul><div class="pager">${pager}</div></body></html>`;
}

async function startBenchSite() {
  const pages = Math.ceil(ARTICLES / PER_LIST);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const a = /^\/news\/(\d+)\.html$/.exec(url);
    const l = /^\/list_(\d+)\.html$/.exec(url);
    if (url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    const body = a && Number(a[1]) < ARTICLES ? article(Number(a[1])) : l ? list(Number(l[1]), pages) : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Peak RSS of this process and its children (Chromium), sampled every 100 ms. */
function rssSampler(withChildren: boolean) {
  let peak = 0;
  const sample = () => {
    let total = process.memoryUsage().rss;
    if (withChildren) {
      try {
        const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
        const tree = new Set([process.pid]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const [pid, ppid] of rows) {
            if (tree.has(ppid) && !tree.has(pid)) {
              tree.add(pid);
              grew = true;
            }
          }
        }
        total = rows.filter(([pid]) => tree.has(pid)).reduce((sum, [, , rss]) => sum + rss * 1024, 0);
      } catch {}
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 100);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return round(peak / 2 ** 20, 0);
    },
  };
}

function extractionPages(site: string): PageInput[] {
  const shared = path.resolve(import.meta.dirname, '../../shared/data/extraction/dev-pages.jsonl.gz');
  if (!existsSync(shared))
    return Array.from({ length: 200 }, (_, i) => ({ url: `${site}/news/${i}.html`, html: article(i) }));
  return gunzipSync(readFileSync(shared))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { url: string; html?: string; htmlBase64?: string })
    .map((p) =>
      p.html
        ? { url: p.url, html: p.html }
        : { url: p.url, bytes: Buffer.from(p.htmlBase64 ?? '', 'base64') },
    );
}

export async function crawlerBench(): Promise<BenchFigure[]> {
  const logger = createLogger('silent');
  const tmp = tempDir('bench-crawler');
  const site = await startBenchSite();
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
  const figures: BenchFigure[] = [];
  try {
    await migrate(store, logger);
    const base = {
      name: '基准网',
      kind: 'site',
      startUrls: [`${site.url}/list_1.html`],
      articlePatterns: ['/news/\\d+\\.html$'],
    };
    const cheerio = SourceSchema.parse({
      ...base,
      id: 'bench-cheerio',
      include: ['/(list_|news/)'],
      maxDepth: 2,
      maxPagesPerRun: 5000,
      rate: 1000,
      concurrency: 32,
    });
    let rss = rssSampler(false);
    let started = performance.now();
    const [run] = await crawlOnce(store, [cheerio], { logger });
    let seconds = (performance.now() - started) / 1000;
    figures.push(
      { name: 'crawl.cheerio.pages', value: run?.pages ?? 0, unit: 'pages' },
      {
        name: 'crawl.cheerio.pages_per_s',
        value: round((run?.pages ?? 0) / seconds, 0),
        unit: 'pages/s',
        goal: '>= 200',
      },
      { name: 'crawl.cheerio.peak_rss', value: rss.stop(), unit: 'MiB' },
    );

    // 4 list pages and their 100 articles.
    const browser = SourceSchema.parse({
      ...base,
      id: 'bench-browser',
      render: true,
      startUrls: [1, 2, 3, 4].map((n) => `${site.url}/list_${n}.html`),
      include: ['/news/'],
      maxDepth: 1,
      maxPagesPerRun: 104,
      rate: 1000,
      concurrency: 6,
    });
    rss = rssSampler(true);
    started = performance.now();
    const [browserRun] = await crawlOnce(store, [browser], { logger });
    seconds = (performance.now() - started) / 1000;
    figures.push(
      { name: 'crawl.playwright.pages', value: browserRun?.pages ?? 0, unit: 'pages' },
      {
        name: 'crawl.playwright.pages_per_s',
        value: round((browserRun?.pages ?? 0) / seconds, 1),
        unit: 'pages/s',
      },
      { name: 'crawl.playwright.peak_rss_with_chromium', value: rss.stop(), unit: 'MiB' },
    );

    const pages = extractionPages(site.url);
    for (const p of pages.slice(0, 10)) extractPage(p);
    let done = 0;
    started = performance.now();
    while (performance.now() - started < 5000) {
      for (const p of pages) {
        extractPage(p);
        done++;
      }
    }
    seconds = (performance.now() - started) / 1000;
    const kib =
      pages.reduce((s, p) => s + (p.bytes?.length ?? Buffer.byteLength(p.html ?? '')), 0) /
      pages.length /
      1024;
    figures.push(
      {
        name: 'extract.pages_per_s_one_core',
        value: round(done / seconds, 0),
        unit: 'pages/s',
        goal: '>= 100',
      },
      { name: 'extract.page_size_avg', value: round(kib, 0), unit: 'KiB' },
    );
    return figures;
  } finally {
    await store.close();
    await site.close();
    tmp.cleanup();
  }
}
