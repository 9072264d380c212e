/** @yuqing/crawler: sources config, the crawl, the article extractor, and a demo news site. */
export { canonicalUrl, contentHash, documentId } from './crawl/canonical-url.ts';
export { crawlOnce } from './crawl/crawl-once.ts';
export {
  INVALID_SOURCE_KIND,
  readScheduleState,
  ScheduledCrawler,
  type ScheduledCrawlOptions,
  type ScheduledRound,
  type ScheduleState,
} from './crawl/scheduled-crawl.ts';
export type { CrawlOptions, CrawlRunSummary } from './crawl/types.ts';
export type { DemoArticle } from './demo/demo-data.ts';
export { type DemoSite, type DemoSiteOptions, startDemoSite } from './demo/demo-site.ts';
export { type Charset, type DecodedHtml, decodeHtml, detectCharset } from './extract/charset.ts';
export {
  type ExtractedArticle,
  type ExtractOptions,
  extractArticle,
  type FieldSelectors,
} from './extract/extract-article.ts';
export { EMPTY_ARTICLE, extractPage, type PageInput } from './extract/extract-page.ts';
export { DEFAULT_TIME_ZONE } from './extract/zoned-time.ts';
export { type DueSource, dueSources, nextWakeAt, SCHEDULE_SLACK_MS, type TimesBySource } from './schedule.ts';
export { demoSource } from './sources/demo-source.ts';
export {
  formatProblem,
  type LoadedSources,
  loadSources,
  parseSources,
  type SourceProblem,
} from './sources/load-sources.ts';
export { feedId, type ImportResult, importFeeds, type OpmlFeed, parseOpml } from './sources/opml-import.ts';
export {
  type AllSources,
  formatManagedProblem,
  type ManagedSourceProblem,
  mergeSources,
  parseManagedSource,
  resolveAllSources,
} from './sources/resolve-all-sources.ts';
export {
  DEFAULT_USER_AGENT,
  type FeedSource,
  type SitemapSource,
  type SiteSource,
  SOURCE_KINDS,
  type Source,
  type SourceInput,
  type SourceKind,
  SourceSchema,
} from './sources/source-schema.ts';
