import { type Logger, RawDocumentSchema, type SeenUrl, type Store } from '@yuqing/schemas';
import { CheerioCrawler, type CheerioCrawlingContext, Configuration, MemoryStorage } from 'crawlee';
import { extractArticle } from '../extract/extract-article.ts';
import type { SiteSource } from '../sources/source-schema.ts';
import { canonicalUrl, contentHash, documentId } from './canonical-url.ts';
import { crawleeLog } from './crawlee-log.ts';
import { DocumentBatcher } from './document-batcher.ts';
import { errorKind } from './error-kind.ts';
import { linkRules } from './link-rules.ts';
import { RunCounters } from './types.ts';

export interface SiteCrawlInput {
  store: Store;
  source: SiteSource;
  /** The persisted seen-set (`getSeenUrls`); updated in place as pages are found. */
  seen: Map<string, SeenUrl>;
  logger: Logger;
  signal?: AbortSignal;
  batchSize?: number;
}

/**
 * Crawls one site source: start URLs → list pages → articles, same host only, within the source's
 * depth, page budget and politeness. Returns the counters; documents are written as it goes.
 */
export async function crawlSite(input: SiteCrawlInput): Promise<RunCounters> {
  const { store, source, seen, logger, signal } = input;
  const counters = new RunCounters();
  const batcher = new DocumentBatcher(store, counters, logger, input.batchSize);
  const rules = linkRules(source);
  const blocked = new Set<string>();

  // A fresh in-memory storage per run: nothing lands in the cwd, and runs never share a queue.
  const config = new Configuration({
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
    persistStorage: false,
    purgeOnStart: false,
  });

  const handlePage = async (ctx: CheerioCrawlingContext): Promise<void> => {
    const { request, response, $, enqueueLinks } = ctx;
    const status = response.statusCode ?? 200;
    if (status >= 400) {
      counters.error(`http_${status}`);
      return;
    }
    counters.pages++;
    const depth = Number(request.userData.depth ?? 0);
    if (depth < source.maxDepth && !signal?.aborted) {
      await enqueueLinks({
        strategy: 'same-hostname',
        transformRequestFunction: (req) => {
          const url = canonicalUrl(req.url);
          if (signal?.aborted || !rules.follows(url)) return false;
          return { ...req, url, uniqueKey: url, userData: { depth: depth + 1 } };
        },
      });
    }
    const url = canonicalUrl(request.loadedUrl ?? request.url);
    if (!rules.isArticle(url)) return;

    const article = extractArticle($.html(), url);
    if (!article.title || !article.content) {
      counters.error('extract');
      logger.warn({ url }, 'crawler: no title or body found on an article page');
      return;
    }
    counters.found++;
    const id = documentId(url);
    const hash = contentHash(article.title, article.content);
    const before = seen.get(id);
    if (before?.contentHash === hash) {
      counters.unchanged++;
      return;
    }
    const fetchedAt = new Date().toISOString();
    const headers = response.headers;
    const etag = typeof headers.etag === 'string' ? headers.etag : '';
    const lastModified = typeof headers['last-modified'] === 'string' ? headers['last-modified'] : '';
    const doc = RawDocumentSchema.safeParse({
      id,
      url: request.loadedUrl ?? request.url,
      canonicalUrl: url,
      source: source.id,
      site: new URL(url).hostname,
      mediaType: source.mediaType,
      title: article.title,
      body: article.content,
      author: article.author,
      publishedAt: article.publishedAt ? new Date(article.publishedAt).toISOString() : null,
      fetchedAt,
      contentHash: hash,
    });
    if (!doc.success) {
      counters.error('invalid');
      logger.warn({ url, issues: doc.error.issues }, 'crawler: extracted document is invalid');
      return;
    }
    seen.set(id, { urlId: id, contentHash: hash, etag, lastModified });
    const published = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
    await batcher.add({
      doc: doc.data,
      seen: { source: source.id, urlId: id, url, contentHash: hash, etag, lastModified, fetchedAt },
      kind: before ? 'changed' : 'new',
      freshness: Number.isNaN(published) ? null : Math.max(0, (Date.parse(fetchedAt) - published) / 1000),
    });
  };

  const crawler = new CheerioCrawler(
    {
      maxConcurrency: source.concurrency,
      maxRequestsPerMinute: Math.max(1, Math.round(source.rate * 60)),
      maxRequestsPerCrawl: source.maxPagesPerRun,
      maxRequestRetries: 2,
      navigationTimeoutSecs: 20,
      requestHandlerTimeoutSecs: 30,
      respectRobotsTxtFile: true,
      log: crawleeLog(logger),
      preNavigationHooks: [
        (_ctx, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': source.userAgent };
        },
      ],
      onSkippedRequest: ({ url, reason }) => {
        // Crawlee checks robots.txt before our filters: count only pages we meant to fetch, once each.
        const canonical = canonicalUrl(url);
        if (reason !== 'robotsTxt' || !rules.follows(canonical) || blocked.has(canonical)) return;
        blocked.add(canonical);
        counters.error('robots_blocked');
      },
      requestHandler: handlePage,
      failedRequestHandler: ({ request }, error) => {
        const kind = errorKind(error);
        counters.error(kind);
        logger.warn({ url: request.url, kind, err: error.message }, 'crawler: page failed');
      },
    },
    config,
  );

  const stop = () => crawler.stop('aborted');
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (!signal?.aborted) {
      await crawler.run(
        source.startUrls.map((u) => {
          const url = canonicalUrl(u);
          return { url, uniqueKey: url, userData: { depth: 0 } };
        }),
      );
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    await batcher.flush();
  }
  return counters;
}
