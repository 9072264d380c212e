import type { Logger, SeenUrl, Store } from '@yuqing/schemas';
import { extractArticle } from '../extract/extract-article.ts';
import type { SiteSource } from '../sources/source-schema.ts';
import { ArticleSink } from './article-sink.ts';
import { linkRules } from './link-rules.ts';
import { crawlPages } from './page-crawler.ts';
import { trapReason } from './traps.ts';
import { RunCounters } from './types.ts';

export interface SiteCrawlInput {
  store: Store;
  source: SiteSource;
  /** The persisted seen-set (`getSeenUrls`); updated in place as pages are found. */
  seen: Map<string, SeenUrl>;
  logger: Logger;
  signal?: AbortSignal;
  batchSize?: number;
  browserExecutable?: string;
}

/**
 * Crawls one site source: start URLs → list pages → articles, same host only, within the source's
 * depth, page budget and politeness, away from traps. Returns the counters; documents are written
 * as it goes.
 */
export async function crawlSite(input: SiteCrawlInput): Promise<RunCounters> {
  const { store, source, seen, logger, signal } = input;
  const counters = new RunCounters();
  const sink = new ArticleSink(store, source, seen, counters, logger, input.batchSize);
  const rules = linkRules(source);
  const traps = new Set<string>();

  try {
    await crawlPages(
      {
        source,
        counters,
        logger,
        signal,
        browserExecutable: input.browserExecutable,
        wanted: rules.follows,
        handle: async (page) => {
          const depth = Number(page.request.userData.depth ?? 0);
          if (depth < source.maxDepth) {
            await page.enqueueLinks((url) => {
              if (!rules.follows(url)) return false;
              const trap = trapReason(url, source);
              if (trap) {
                if (!traps.has(url)) counters.skip('trap');
                traps.add(url);
                return false;
              }
              return { url, userData: { depth: depth + 1 } };
            });
          }
          if (!rules.isArticle(page.url)) return;
          const article = extractArticle(page.dom, page.url);
          if (!article.title || !article.content) {
            counters.error('extract');
            logger.warn({ url: page.url }, 'crawler: no title or body found on an article page');
            return;
          }
          await sink.accept({
            url: page.url,
            loadedUrl: page.loadedUrl,
            title: article.title,
            content: article.content,
            author: article.author,
            publishedAt: article.publishedAt,
            etag: page.headers.etag,
            version: page.headers['last-modified'],
          });
        },
      },
      source.startUrls.map((url) => ({ url, userData: { depth: 0 } })),
    );
  } finally {
    await sink.flush();
  }
  return counters;
}
