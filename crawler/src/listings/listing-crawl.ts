import { createHash } from 'node:crypto';
import { type Logger, type SeenRecord, type SeenUrl, type Store, writeSeen } from '@yuqing/schemas';
import { ArticleSink } from '../crawl/article-sink.ts';
import { canonicalUrl, documentId } from '../crawl/canonical-url.ts';
import { isTransient } from '../crawl/error-kind.ts';
import { crawlPages, type FetchedPage, type PageRequest } from '../crawl/page-crawler.ts';
import { sleep } from '../crawl/politeness.ts';
import { trapReason } from '../crawl/traps.ts';
import { RunCounters } from '../crawl/types.ts';
import { decodeHtml } from '../extract/charset.ts';
import { extractArticle } from '../extract/extract-article.ts';
import type { FeedSource, SitemapSource } from '../sources/source-schema.ts';
import { parseFeed } from './feed-parse.ts';
import { fetchListing } from './listing-fetch.ts';
import { RobotsCache } from './robots.ts';
import { parseSitemap } from './sitemap-parse.ts';
import { htmlToText } from './xml-dom.ts';

export interface ListingCrawlInput {
  store: Store;
  source: FeedSource | SitemapSource;
  seen: Map<string, SeenUrl>;
  logger: Logger;
  signal?: AbortSignal;
  batchSize?: number;
  browserExecutable?: string;
}

/** An item a feed or sitemap lists. `version` (its updated date, or lastmod) detects a change without a fetch. */
interface Candidate {
  url: string;
  title: string;
  html: string;
  author: string;
  publishedAt: string | null;
  version: string;
}

/** Sitemap indexes nest at most this deep; at most this many listing files per run. */
const MAX_INDEX_DEPTH = 2;
const MAX_LISTINGS = 200;

/**
 * Feed and sitemap sources: fetch each listing with a conditional GET, parse it, then fetch the new
 * or changed items' pages (or, for feeds with `fetchArticles: false`, store the item's own text).
 * The listings' validators (ETag, Last-Modified, hash) are saved last, and only when every item was
 * dealt with: after a crash, an abort or a transient failure the next run reads the listing again,
 * and the seen-set skips what was already stored.
 */
export async function crawlListing(input: ListingCrawlInput): Promise<RunCounters> {
  const { store, source, seen, logger, signal } = input;
  const counters = new RunCounters();
  const { candidates, validators } = await readListings(input, counters);

  const include = source.include.map((p) => new RegExp(p));
  const exclude = source.exclude.map((p) => new RegExp(p));
  const sink = new ArticleSink(store, source, seen, counters, logger, input.batchSize);
  const pages: PageRequest[] = [];
  const newestFirst = [...candidates.values()].sort((a, b) =>
    (b.publishedAt ?? b.version).localeCompare(a.publishedAt ?? a.version),
  );
  try {
    for (const item of newestFirst) {
      if (signal?.aborted) break;
      if (include.length > 0 && !include.some((re) => re.test(item.url))) continue;
      if (exclude.some((re) => re.test(item.url))) continue;
      if (trapReason(item.url, source)) {
        counters.skip('trap');
        continue;
      }
      const before = seen.get(documentId(item.url));
      if (before && (!item.version || before.lastModified === item.version)) {
        counters.found++;
        counters.unchanged++;
        continue;
      }
      if (source.kind === 'feed' && !source.fetchArticles) {
        await storeItem(sink, counters, item);
      } else if (pages.length >= source.maxPagesPerRun) {
        counters.skip('over_budget');
      } else {
        pages.push({ url: item.url, userData: { item } });
      }
    }
    await crawlPages(
      {
        source,
        counters,
        logger,
        signal,
        browserExecutable: input.browserExecutable,
        wanted: () => true,
        handle: (page) => storePage(sink, counters, logger, page),
      },
      pages,
    );
  } finally {
    await sink.flush();
  }

  const retryLater = Object.keys(counters.errors).some((k) => isTransient(k) || k === 'store');
  if (validators.length > 0 && !signal?.aborted && !retryLater) {
    await writeSeen(store, validators).catch((err: unknown) => {
      counters.error('store');
      logger.error({ err }, 'crawler: saving the listings’ validators failed; they are read again next run');
    });
  }
  return counters;
}

async function readListings(input: ListingCrawlInput, counters: RunCounters) {
  const { source, seen, logger, signal } = input;
  const robots = new RobotsCache(source.userAgent, source.timeoutSeconds * 1000);
  const candidates = new Map<string, Candidate>();
  const validators: SeenRecord[] = [];
  const queue = source.urls.map((url) => ({ url, depth: 0 }));
  const visited = new Set<string>();
  let lastFetch = 0;

  while (queue.length > 0 && !signal?.aborted && visited.size < MAX_LISTINGS) {
    const { url, depth } = queue.shift() as { url: string; depth: number };
    if (visited.has(url)) continue;
    visited.add(url);
    if (!(await robots.allows(url))) {
      counters.error('robots');
      continue;
    }
    await sleep(lastFetch + 1000 / source.rate - Date.now(), signal);
    lastFetch = Date.now();
    const id = documentId(url);
    const before = seen.get(id);
    const res = await fetchListing({
      url,
      userAgent: source.userAgent,
      maxBytes: source.maxBytes,
      timeoutMs: source.timeoutSeconds * 1000,
      retries: source.maxRetries,
      etag: before?.etag,
      lastModified: before?.lastModified,
      signal,
    });
    if (res.status === 'not_modified') {
      counters.skip('not_modified');
      continue;
    }
    if (res.status === 'failed') {
      counters.error(res.kind);
      logger.warn({ url, kind: res.kind, err: res.message }, 'crawler: listing failed');
      continue;
    }
    counters.pages++;
    const hash = createHash('sha1').update(res.bytes).digest('hex');
    if (before?.contentHash === hash) {
      counters.skip('same_listing');
      continue;
    }
    const text = decodeHtml(res.bytes, res.contentType).html;
    try {
      if (source.kind === 'feed') {
        const feed = parseFeed(text, res.finalUrl);
        if (feed.skipped > 0) counters.skip('no_link', feed.skipped);
        for (const item of feed.items) {
          const version = item.updatedAt ?? item.publishedAt ?? '';
          addCandidate(candidates, { ...item, version });
        }
      } else {
        const sitemap = parseSitemap(text);
        if (sitemap.kind === 'index') {
          if (depth < MAX_INDEX_DEPTH)
            queue.push(...sitemap.sitemaps.map((s) => ({ url: s.url, depth: depth + 1 })));
          // An index is read every run (it is small): a child can change while the index stays the same.
          continue;
        } else {
          for (const u of sitemap.urls) {
            addCandidate(candidates, {
              url: u.url,
              title: u.title,
              html: '',
              author: '',
              publishedAt: u.publishedAt ?? u.lastmod,
              version: u.lastmod ?? u.publishedAt ?? '',
            });
          }
        }
      }
    } catch (err) {
      counters.error('parse');
      logger.warn({ url, err: (err as Error).message }, 'crawler: listing could not be parsed');
      continue;
    }
    const fetchedAt = new Date().toISOString();
    validators.push({
      source: source.id,
      urlId: id,
      url,
      contentHash: hash,
      etag: res.etag,
      lastModified: res.lastModified,
      fetchedAt,
    });
  }
  return { candidates, validators };
}

function addCandidate(candidates: Map<string, Candidate>, item: Candidate): void {
  const url = canonicalUrl(item.url);
  if (!candidates.has(url)) candidates.set(url, { ...item, url });
}

async function storeItem(sink: ArticleSink, counters: RunCounters, item: Candidate): Promise<void> {
  const content = htmlToText(item.html);
  if (!item.title || !content) {
    counters.error('extract');
    return;
  }
  await sink.accept({
    url: item.url,
    loadedUrl: item.url,
    title: item.title,
    content,
    author: item.author,
    publishedAt: item.publishedAt,
    version: item.version,
  });
}

async function storePage(
  sink: ArticleSink,
  counters: RunCounters,
  logger: Logger,
  page: FetchedPage,
): Promise<void> {
  const item = page.request.userData.item as Candidate;
  const article = extractArticle(page.dom, page.url);
  // The listing's structured fields win; the page gives the full text.
  const title = item.title || article.title;
  const content = article.content || htmlToText(item.html);
  if (!title || !content) {
    counters.error('extract');
    logger.warn({ url: page.url }, 'crawler: no title or body found on a listed page');
    return;
  }
  await sink.accept({
    url: item.url,
    loadedUrl: page.loadedUrl,
    title,
    content,
    author: item.author || article.author,
    publishedAt: item.publishedAt ?? article.publishedAt,
    etag: page.headers.etag,
    version: item.version || page.headers['last-modified'],
  });
}
