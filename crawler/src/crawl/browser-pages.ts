import { PlaywrightCrawler, type RequestOptions } from 'crawlee';
import { parseDocument } from 'htmlparser2';
import { chromium } from 'playwright-core';
import { canonicalUrl } from './canonical-url.ts';
import { flatHeaders } from './cheerio-pages.ts';
import { crawleeLog } from './crawlee-log.ts';
import { SkipError, TooLargeError } from './error-kind.ts';
import { crawlerPolicy, linkTransform, type PageCrawlInput } from './page-crawler.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags that work headless as root in a container (see shared/notes/dependencies.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `render: true` sources: Playwright drives Debian's Chromium; the page's DOM after its scripts ran
 * is what gets extracted. Images, fonts and media are not loaded.
 */
export async function crawlWithBrowser(input: PageCrawlInput, start: RequestOptions[]): Promise<void> {
  const { source, logger, signal } = input;
  const policy = crawlerPolicy(input);
  const crawler = new PlaywrightCrawler(
    {
      ...policy.common,
      log: crawleeLog(logger),
      launchContext: {
        launcher: chromium,
        userAgent: source.userAgent,
        launchOptions: {
          executablePath: input.browserExecutable ?? DEFAULT_CHROMIUM,
          headless: true,
          args: CHROMIUM_ARGS,
        },
      },
      browserPoolOptions: { useFingerprints: false },
      preNavigationHooks: [
        async ({ request, blockRequests }, gotoOptions) => {
          await policy.beforeRequest(request);
          if (gotoOptions) gotoOptions.waitUntil = 'load';
          await blockRequests().catch(() => {});
        },
      ],
      requestHandler: async (ctx) => {
        const { request, response, page } = ctx;
        const status = response?.status() ?? 200;
        const headers = flatHeaders(response?.headers() ?? {});
        if (!policy.checkStatus(request, status, headers)) return;
        const type = headers['content-type'] ?? 'text/html';
        if (!/html|xml/i.test(type)) throw new SkipError('non_html');
        if (Number(headers['content-length'] ?? 0) > source.maxBytes) {
          throw new TooLargeError(`response is over the ${source.maxBytes}-byte limit`);
        }
        // Scripts that fetch the article after load: give them a moment to settle.
        await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
        const html = await page.content();
        if (html.length > source.maxBytes) throw new TooLargeError('rendered page is over the limit');
        input.counters.pages++;
        const loadedUrl = request.loadedUrl ?? page.url();
        await input.handle({
          request,
          url: canonicalUrl(loadedUrl),
          loadedUrl,
          status,
          headers,
          html,
          dom: parseDocument(html, { decodeEntities: true }),
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
  );
  const stop = () => crawler.stop('aborted');
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!signal?.aborted) await crawler.run(start);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
