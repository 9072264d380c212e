import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route answers a request; a plain object is a fixed response. */
export type Route =
  | ((req: IncomingMessage, res: ServerResponse) => void)
  | { status?: number; type?: string; headers?: Record<string, string>; body: string | Buffer };

export interface TestServer {
  /** Base URL without a trailing slash. */
  url: string;
  routes: Map<string, Route>;
  /** Every request: path with query, and the headers it came with. */
  log: { path: string; headers: IncomingMessage['headers']; at: number }[];
  hits(path: string): number;
  close(): Promise<void>;
}

/** A loopback HTTP server for tests: routes by path (query included when a route names one). */
export async function startTestServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const log: TestServer['log'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, headers: req.headers, at: Date.now() });
    const route = table.get(path) ?? table.get(path.split('?')[0] as string);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><title>404</title><body>not found</body></html>');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'text/html; charset=utf-8',
      ...route.headers,
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: table,
    log,
    hits: (path) => log.filter((l) => l.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A plain article page the extractor reads well. */
export function articleHtml(
  title: string,
  paragraphs: readonly string[],
  published = '2026-11-20 09:30',
): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_测试网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<div class="article"><h1>${title}</h1><div class="info">发布时间：${published} 来源：测试网</div>
<div class="content">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="footer">版权所有 测试网</div></body></html>`;
}

/** Sentences long enough to be an article body. */
export function paragraphs(topic: string, n = 4): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `${topic}第${i + 1}段：市有关部门今天通报了相关情况，工作人员已经赶到现场处置，群众反映的问题正在逐一核实，后续进展将及时向社会公布。`,
  );
}
