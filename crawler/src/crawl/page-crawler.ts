import type { Logger } from '@yuqing/schemas';
import { Configuration, MemoryStorage, type Request } from 'crawlee';
import type { Document } from 'domhandler';
import type { Source } from '../sources/source-schema.ts';
import { canonicalUrl } from './canonical-url.ts';
import { errorKind, SkipError, statusKind } from './error-kind.ts';
import { backoffMs, HostGate, retryAfterMs, sleep } from './politeness.ts';
import type { RunCounters } from './types.ts';

/** A page as every crawl kind sees it, whether Cheerio or a browser fetched it. */
export interface FetchedPage {
  request: Request;
  /** Canonical form of the URL as loaded (after redirects). */
  url: string;
  loadedUrl: string;
  status: number;
  headers: Record<string, string>;
  /** Decoded HTML (our charset detection for Cheerio; the browser's DOM after scripts ran). */
  html: string;
  dom: Document;
  /** Queues the page's links that `transform` accepts (a URL in, a request or false out). */
  enqueueLinks(transform: (url: string) => PageRequest | false): Promise<void>;
}

export interface PageRequest {
  url: string;
  userData?: Record<string, unknown>;
}

export interface PageCrawlInput {
  source: Source;
  counters: RunCounters;
  logger: Logger;
  signal?: AbortSignal;
  /** Only robots.txt refusals of pages we meant to fetch count as errors (Crawlee checks before our filters). */
  wanted(url: string): boolean;
  /** Called for each page that came back 2xx/3xx with HTML. */
  handle(page: FetchedPage): Promise<void>;
  /** Chromium for `render: true` sources. */
  browserExecutable?: string;
}

/** What the Cheerio and the Playwright flavours share: storage, limits, politeness, failure accounting. */
export interface CrawlerPolicy {
  config: Configuration;
  gate: HostGate;
  /** Options both crawler classes take. */
  common: {
    minConcurrency: number;
    maxConcurrency: number;
    maxRequestsPerMinute: number;
    maxRequestsPerCrawl: number;
    maxRequestRetries: number;
    navigationTimeoutSecs: number;
    requestHandlerTimeoutSecs: number;
    respectRobotsTxtFile: true;
    useSessionPool: false;
    persistCookiesPerSession: false;
    onSkippedRequest(args: { url: string; reason: string }): void;
    failedRequestHandler(ctx: { request: Request }, error: Error): void;
  };
  /** Before each request: wait for the host's pause and the retry backoff. */
  beforeRequest(request: Request): Promise<void>;
  /** Checks a response's status: true to go on; throws to retry (429, 5xx); false for a counted 4xx. */
  checkStatus(request: Request, status: number, headers: Record<string, string>): boolean;
}

export function crawlerPolicy(input: PageCrawlInput): CrawlerPolicy {
  const { source, counters, logger, signal } = input;
  const gate = new HostGate();
  const blocked = new Set<string>();
  return {
    gate,
    // A fresh in-memory storage per run: nothing lands in the cwd, and runs never share a queue.
    config: new Configuration({
      storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
      persistStorage: false,
      purgeOnStart: false,
    }),
    common: {
      // The concurrency a source is given is what it may use: no slow ramp-up from 1 on every run.
      minConcurrency: source.concurrency,
      maxConcurrency: source.concurrency,
      maxRequestsPerMinute: Math.max(1, Math.round(source.rate * 60)),
      maxRequestsPerCrawl: source.maxPagesPerRun,
      maxRequestRetries: source.maxRetries,
      navigationTimeoutSecs: source.timeoutSeconds,
      requestHandlerTimeoutSecs: source.timeoutSeconds + 40,
      respectRobotsTxtFile: true,
      // Sessions would rotate on 429/403 without waiting; we back off per host instead.
      useSessionPool: false,
      persistCookiesPerSession: false,
      onSkippedRequest: ({ url, reason }) => {
        const canonical = canonicalUrl(url);
        if (reason !== 'robotsTxt' || !input.wanted(canonical) || blocked.has(canonical)) return;
        blocked.add(canonical);
        counters.error('robots');
      },
      failedRequestHandler: ({ request }, error) => {
        if (error instanceof SkipError) return void counters.skip(error.reason);
        if (/served Content-Type/.test(error.message)) return void counters.skip('non_html');
        const kind = errorKind(error);
        counters.error(kind);
        logger.warn({ url: request.url, kind, err: error.message }, 'crawler: page failed');
      },
    },
    async beforeRequest(request) {
      await gate.wait(request.url, signal);
      if (request.retryCount > 0) await sleep(backoffMs(request.retryCount), signal);
    },
    checkStatus(request, status, headers) {
      if (status === 429) {
        gate.pause(request.url, retryAfterMs(headers['retry-after']) ?? backoffMs(request.retryCount + 1));
        throw new Error('429 - Too Many Requests');
      }
      if (status >= 500) throw new Error(`${status} - Server Error`);
      if (status >= 400) {
        counters.error(statusKind(status));
        logger.warn({ url: request.url, status }, 'crawler: page failed');
        return false;
      }
      return true;
    },
  };
}

/** Fetches the requests (and what the handler enqueues) with Cheerio, or a browser for `render: true`. */
export async function crawlPages(input: PageCrawlInput, requests: readonly PageRequest[]): Promise<void> {
  if (requests.length === 0 || input.signal?.aborted) return;
  const start = requests.map((r) => {
    const url = canonicalUrl(r.url);
    return { url, uniqueKey: url, userData: r.userData ?? {} };
  });
  const run = input.source.render
    ? (await import('./browser-pages.ts')).crawlWithBrowser
    : (await import('./cheerio-pages.ts')).crawlWithCheerio;
  await run(input, start);
}

/** A page's links through our transform, as the `transformRequestFunction` Crawlee expects. */
export function linkTransform(transform: (url: string) => PageRequest | false) {
  return (req: { url: string }) => {
    const next = transform(canonicalUrl(req.url));
    if (!next) return false;
    const url = canonicalUrl(next.url);
    return { url, uniqueKey: url, userData: next.userData ?? {} };
  };
}
