import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoArticle, loadDemoItems, shiftToRecent } from './demo-data.ts';
import { pageCount, renderArticle, renderList, SITE_NAME } from './demo-html.ts';

export interface DemoSiteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The clock the article times are shifted to; defaults to the time of the call. */
  now?: Date;
}

export interface DemoSite {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** What the site serves, newest first: lets tests and the CLI check what a crawl should find. */
  articles: readonly DemoArticle[];
  close(): Promise<void>;
}

const ROBOTS = `User-agent: *
Disallow: /search
Disallow: /admin/
`;

const CSS = `body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:960px}
.nav ul{list-style:none;display:flex;gap:1em;background:#c00;padding:.5em}.nav a{color:#fff}
.article-content p{text-indent:2em;line-height:1.8}.footer{color:#888;font-size:12px;text-align:center}`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
  res.end(body);
}

/**
 * A small Chinese news site on loopback, serving the demo fixture: list pages
 * `/news/list_<n>.html` (20 a page, newest first), articles `/news/<id>.html` and `/robots.txt`.
 */
export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const articles = shiftToRecent(loadDemoItems(), options.now ?? new Date());
  const byId = new Map(articles.map((a, i) => [a.id, i]));
  const pages = pageCount(articles.length);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain', 'method not allowed');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (path === '/robots.txt') return send(res, 200, 'text/plain', ROBOTS);
    if (path === '/static/site.css') return send(res, 200, 'text/css', CSS);
    if (path === '/' || path === '/index.html') {
      res.writeHead(302, { location: '/news/list_1.html' });
      res.end();
      return;
    }
    const list = /^\/news\/list_(\d+)\.html$/.exec(path);
    const page = list ? Number(list[1]) : 0;
    if (page >= 1 && page <= pages) return send(res, 200, 'text/html', renderList(articles, page));
    const detail = /^\/news\/([A-Za-z0-9]+)\.html$/.exec(path);
    const index = detail?.[1] === undefined ? undefined : byId.get(detail[1]);
    if (index !== undefined) return send(res, 200, 'text/html', renderArticle(articles, index));
    send(res, 404, 'text/html', `<!DOCTYPE html><title>404_${SITE_NAME}</title><h1>页面不存在</h1>`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    articles,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
