import { type Logger, RawDocumentSchema, type SeenUrl, type Store } from '@yuqing/schemas';
import type { Source } from '../sources/source-schema.ts';
import { contentHash, documentId } from './canonical-url.ts';
import { DocumentBatcher } from './document-batcher.ts';
import type { RunCounters } from './types.ts';

export interface ArticleInput {
  /** Canonical URL. */
  url: string;
  /** The URL as fetched (after redirects). */
  loadedUrl: string;
  title: string;
  content: string;
  author: string;
  publishedAt: string | null;
  /** Validators to keep in the seen-set: the page's ETag, and its version (Last-Modified or the listing's date). */
  etag?: string;
  version?: string;
}

export type ArticleOutcome = 'new' | 'changed' | 'unchanged' | 'invalid';

/**
 * Where every crawl puts its articles: compares the content hash with the seen-set, and batches
 * the new and changed ones (documents first, then the seen rows: see DocumentBatcher).
 */
export class ArticleSink {
  private readonly batcher: DocumentBatcher;

  constructor(
    store: Store,
    private readonly source: Source,
    /** The persisted seen-set (`getSeenUrls`); updated in place. */
    readonly seen: Map<string, SeenUrl>,
    private readonly counters: RunCounters,
    private readonly logger: Logger,
    batchSize?: number,
  ) {
    this.batcher = new DocumentBatcher(store, counters, logger, batchSize);
  }

  async accept(a: ArticleInput): Promise<ArticleOutcome> {
    this.counters.found++;
    const id = documentId(a.url);
    const hash = contentHash(a.title, a.content);
    const before = this.seen.get(id);
    if (before?.contentHash === hash) {
      this.counters.unchanged++;
      return 'unchanged';
    }
    const fetchedAt = new Date().toISOString();
    const published = a.publishedAt ? Date.parse(a.publishedAt) : Number.NaN;
    const doc = RawDocumentSchema.safeParse({
      id,
      url: a.loadedUrl,
      canonicalUrl: a.url,
      source: this.source.id,
      site: new URL(a.url).hostname,
      mediaType: this.source.mediaType,
      title: a.title,
      body: a.content,
      author: a.author,
      publishedAt: Number.isNaN(published) ? null : new Date(published).toISOString(),
      fetchedAt,
      contentHash: hash,
      region: this.source.region,
    });
    if (!doc.success) {
      this.counters.error('extract');
      this.logger.warn({ url: a.url, issues: doc.error.issues }, 'crawler: extracted document is invalid');
      return 'invalid';
    }
    const etag = a.etag ?? '';
    const lastModified = a.version ?? '';
    this.seen.set(id, { urlId: id, contentHash: hash, etag, lastModified });
    const kind = before ? 'changed' : 'new';
    await this.batcher.add({
      doc: doc.data,
      seen: {
        source: this.source.id,
        urlId: id,
        url: a.url,
        contentHash: hash,
        etag,
        lastModified,
        fetchedAt,
      },
      kind,
      freshness: Number.isNaN(published) ? null : Math.max(0, (Date.parse(fetchedAt) - published) / 1000),
    });
    return kind;
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }
}
