import type { IncomingMessage } from 'node:http';
import { load } from 'cheerio';
import {
  CheerioCrawler,
  type CheerioCrawlerOptions,
  type CheerioCrawlingContext,
  type Configuration,
  type RequestOptions,
} from 'crawlee';
import type { Document } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
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
    _crawlingContext: CheerioCrawlingContext,
  ): ReturnType<CheerioCrawler['_parseHTML']> {
    const headers = response.headers;
    const bytes = await readLimited(
      response,
      this.limits.maxBytes,
      this.limits.timeoutMs,
      headers['content-length'],
    );
    const { html } = decodeHtml(bytes, headers['content-type']);
    // One parse per page: links, `$` and the extractor all read this DOM (Crawlee would parse twice).
    const dom = parseDocument(html, { decodeEntities: true, xmlMode: isXml });
    // No enqueueLinks here: the context keeps Crawlee's own, which takes the URLs we collect.
    return { dom, $: load(dom), body: html } as unknown as Awaited<ReturnType<CheerioCrawler['_parseHTML']>>;
  }
}

/** The page's `<a href>` targets, absolute (against `<base href>` when there is one). */
export function linksOf(dom: Document, pageUrl: string): string[] {
  const base = DomUtils.getElementsByTagName('base', dom, true, 1)[0]?.attribs.href;
  let baseUrl = pageUrl;
  try {
    if (base) baseUrl = new URL(base, pageUrl).toString();
  } catch {}
  const urls: string[] = [];
  for (const a of DomUtils.getElementsByTagName('a', dom, true)) {
    const href = a.attribs.href?.trim();
    if (!href || href.startsWith('#') || /^(javascript|mailto|tel):/i.test(href)) continue;
    try {
      urls.push(new URL(href, baseUrl).toString());
    } catch {}
  }
  return urls;
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
          // We send our own user agent; generating browser-like headers costs ~1 ms a request.
          (gotOptions as { useHeaderGenerator?: boolean }).useHeaderGenerator = false;
        },
      ],
      requestHandler: async (ctx) => {
        const { request, response } = ctx;
        const headers = flatHeaders(response.headers);
        if (!policy.checkStatus(request, response.statusCode ?? 200, headers)) return;
        input.counters.pages++;
        const loadedUrl = request.loadedUrl ?? request.url;
        const dom = (ctx as unknown as { dom: Document }).dom;
        await input.handle({
          request,
          url: canonicalUrl(loadedUrl),
          loadedUrl,
          status: response.statusCode ?? 200,
          headers,
          html: ctx.body as string,
          dom,
          enqueueLinks: async (transform) => {
            if (signal?.aborted) return;
            await ctx.enqueueLinks({
              urls: linksOf(dom, loadedUrl),
              baseUrl: loadedUrl,
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
