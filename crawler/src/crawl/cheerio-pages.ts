import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import {
  CheerioCrawler,
  type CheerioCrawlerOptions,
  type CheerioCrawlingContext,
  type Configuration,
  type RequestOptions,
} from 'crawlee';
import type { Document } from 'domhandler';
import { decodeHtml } from '../extract/charset.ts';
import { canonicalUrl } from './canonical-url.ts';
import { crawleeLog } from './crawlee-log.ts';
import { crawlerPolicy, linkTransform, type PageCrawlInput } from './page-crawler.ts';
import { readLimited } from './read-limited.ts';

/**
 * CheerioCrawler that reads the raw bytes itself: at most `maxBytes`, within the timeout, decoded
 * with our charset detection (Crawlee would read a GBK page without a charset label as UTF-8).
 */
class DecodingCheerioCrawler extends CheerioCrawler {
  constructor(
    options: CheerioCrawlerOptions,
    config: Configuration,
    private readonly limits: { maxBytes: number; timeoutMs: number },
  ) {
    // The encoding Crawlee applies must be a no-op: we decode the bytes below.
    super({ ...options, forceResponseEncoding: 'utf8' }, config);
  }

  protected override async _parseHTML(
    response: IncomingMessage,
    isXml: boolean,
    crawlingContext: CheerioCrawlingContext,
  ) {
    const headers = response.headers;
    const bytes = await readLimited(
      response,
      this.limits.maxBytes,
      this.limits.timeoutMs,
      headers['content-length'],
    );
    const { html } = decodeHtml(bytes, headers['content-type']);
    const parsed = await super._parseHTML(
      Readable.from([Buffer.from(html, 'utf8')]) as unknown as IncomingMessage,
      isXml,
      crawlingContext,
    );
    return { ...parsed, body: html };
  }
}

export async function crawlWithCheerio(input: PageCrawlInput, start: RequestOptions[]): Promise<void> {
  const { source, logger, signal } = input;
  const policy = crawlerPolicy(input);
  const crawler = new DecodingCheerioCrawler(
    {
      ...policy.common,
      log: crawleeLog(logger),
      preNavigationHooks: [
        async ({ request }, gotOptions) => {
          await policy.beforeRequest(request);
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': source.userAgent };
        },
      ],
      requestHandler: async (ctx) => {
        const { request, response } = ctx;
        const headers = flatHeaders(response.headers);
        if (!policy.checkStatus(request, response.statusCode ?? 200, headers)) return;
        input.counters.pages++;
        const loadedUrl = request.loadedUrl ?? request.url;
        await input.handle({
          request,
          url: canonicalUrl(loadedUrl),
          loadedUrl,
          status: response.statusCode ?? 200,
          headers,
          html: ctx.body as string,
          dom: (ctx as unknown as { dom: Document }).dom,
          enqueueLinks: async (transform) => {
            if (signal?.aborted) return;
            await ctx.enqueueLinks({
              strategy: 'same-hostname',
              transformRequestFunction: linkTransform((url) => (signal?.aborted ? false : transform(url))),
            });
          },
        });
      },
    },
    policy.config,
    { maxBytes: source.maxBytes, timeoutMs: source.timeoutSeconds * 1000 },
  );
  const stop = () => crawler.stop('aborted');
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!signal?.aborted) await crawler.run(start);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

export function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
