import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config, Logger, Store } from '@yuqing/schemas';

const HANDLER = fileURLToPath(new URL('../dashboard/build/handler.js', import.meta.url));

/** What the dashboard's server code reads; it never opens a store of its own. */
export interface DashboardContext {
  store: Store;
  config: Config;
  logger: Logger;
}

export const CONTEXT_KEY = Symbol.for('yuqing.context');

/**
 * Serves the built SvelteKit app (adapter-node handler) on HOST:PORT; `handlerPath` serves another
 * copy of the build (the bench runs on one, so a rebuild meanwhile cannot break it).
 */
export async function serveDashboard(
  context: DashboardContext,
  handlerPath = HANDLER,
): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(handlerPath)) {
    throw new Error(`The dashboard is not built (${handlerPath} is missing): run 'npm run build' first.`);
  }
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = context;
  // adapter-node assumes https unless told the protocol; this server speaks plain http on
  // loopback (behind a TLS proxy, the proxy's own x-forwarded-proto header is kept).
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  const { handler } = (await import(pathToFileURL(handlerPath).href)) as {
    handler: (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;
  };
  const server = http.createServer((req, res) => {
    req.headers['x-forwarded-proto'] ??= 'http';
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(context.config.port, context.config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = context.config.host.includes(':') ? `[${context.config.host}]` : context.config.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
