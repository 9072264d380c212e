import { childNamed, childrenNamed, listingDate, localName, parseXml, textOf } from './xml-dom.ts';

export interface SitemapEntry {
  url: string;
  /** `<lastmod>`, ISO UTC: drives change detection. */
  lastmod: string | null;
  /** News sitemaps: `<news:publication_date>` and `<news:title>`. */
  publishedAt: string | null;
  title: string;
}

export type ParsedSitemap =
  | { kind: 'index'; sitemaps: { url: string; lastmod: string | null }[] }
  | { kind: 'urlset'; urls: SitemapEntry[] };

export class SitemapParseError extends Error {
  override name = 'SitemapParseError';
}

/** A sitemap, a sitemap index, a news sitemap, or a plain-text list of URLs. */
export function parseSitemap(text: string): ParsedSitemap {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('<')) {
    const urls = trimmed
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => /^https?:\/\/\S+$/.test(l));
    if (urls.length === 0) throw new SitemapParseError('neither XML nor a list of URLs');
    return {
      kind: 'urlset',
      urls: urls.map((url) => ({ url, lastmod: null, publishedAt: null, title: '' })),
    };
  }
  const root = parseXml(trimmed).find((el) => ['urlset', 'sitemapindex'].includes(localName(el)));
  if (!root) throw new SitemapParseError('no <urlset> or <sitemapindex> root');
  if (localName(root) === 'sitemapindex') {
    return {
      kind: 'index',
      sitemaps: childrenNamed(root, 'sitemap')
        .map((s) => ({
          url: textOf(childNamed(s, 'loc')),
          lastmod: listingDate(textOf(childNamed(s, 'lastmod'))),
        }))
        .filter((s) => isHttp(s.url)),
    };
  }
  const urls: SitemapEntry[] = [];
  for (const u of childrenNamed(root, 'url')) {
    const url = textOf(childNamed(u, 'loc'));
    if (!isHttp(url)) continue;
    const news = childNamed(u, 'news');
    urls.push({
      url,
      lastmod: listingDate(textOf(childNamed(u, 'lastmod'))),
      publishedAt: news ? listingDate(textOf(childNamed(news, 'publication_date'))) : null,
      title: news ? textOf(childNamed(news, 'title')) : '',
    });
  }
  return { kind: 'urlset', urls };
}

function isHttp(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url);
}
