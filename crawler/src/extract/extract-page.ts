import { decodeHtml } from './charset.ts';
import { type ExtractedArticle, type ExtractOptions, extractArticle } from './extract-article.ts';

/** One page to extract: decoded HTML, or the raw bytes as fetched (charset unknown). */
export interface PageInput {
  url: string;
  html?: string;
  /** Raw bytes; decoded from the BOM, `contentType`, the page's meta tag or the bytes themselves. */
  bytes?: Uint8Array;
  contentType?: string | null;
}

export const EMPTY_ARTICLE: ExtractedArticle = {
  title: '',
  publishedAt: null,
  author: '',
  source: '',
  content: '',
};

/** Decodes (if needed) and extracts a page; a page that cannot be read yields empty fields, never an error. */
export function extractPage(page: PageInput, options: ExtractOptions = {}): ExtractedArticle {
  try {
    const html = page.html ?? (page.bytes ? decodeHtml(page.bytes, page.contentType).html : '');
    if (!html) return { ...EMPTY_ARTICLE };
    return extractArticle(html, page.url, options);
  } catch {
    return { ...EMPTY_ARTICLE };
  }
}
