import type { CheerioAPI } from 'cheerio';

/** Separators between a headline and the channel or site name in `<title>`. */
const TITLE_SEPARATORS = /\s*(?:[_|｜–—]|\s-\s|--|-{1,2}(?=[^\d\s]{2,12}$)|::|»)\s*/;

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

const META_TITLES = [
  'meta[property="og:title"]',
  'meta[name="ArticleTitle"]',
  'meta[name="articletitle"]',
  'meta[name="title"]',
  'meta[name="twitter:title"]',
  'meta[itemprop="headline"]',
  'meta[name="headline"]',
];

/** `标题_频道_站名` → `标题`: the longest part, preferring the first when it is long enough. */
export function stripSiteName(pageTitle: string): string {
  const parts = pageTitle
    .split(TITLE_SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  const first = parts[0] ?? '';
  if (first.length >= 6 || parts.length === 1) return first;
  return parts.reduce((best, p) => (p.length > best.length ? p : best), '');
}

/**
 * The headline: a heading that the page title or title metadata confirms, else the metadata
 * headline, else the page title without the site's suffix.
 */
export function findTitle($: CheerioAPI): string {
  const pageTitle = squash($('title').first().text());
  let metaTitle = '';
  for (const selector of META_TITLES) {
    metaTitle = squash($(selector).first().attr('content') ?? '');
    if (metaTitle) break;
  }
  const reference = `${pageTitle} ${metaTitle}`;
  const headings = $('h1, h2, h3')
    .toArray()
    .map((el) => squash($(el).text()))
    .filter((t) => t.length >= 4 && t.length <= 120);
  const confirmed = headings.filter((h) => reference.includes(h));
  const stripped = stripSiteName(metaTitle || pageTitle);
  if (confirmed.length > 0) {
    const heading = confirmed.reduce((best, h) => (h.length > best.length ? h : best));
    // `新闻列表 第2页` in <title> says more than the `新闻列表` heading.
    return stripped.startsWith(heading) && stripped.length <= heading.length + 12 ? stripped : heading;
  }
  // A heading that the stripped title starts (the <title> may be cut short).
  const longer = headings.find((h) => stripped.length >= 6 && h.startsWith(stripped));
  if (longer) return longer;
  const h1 = $('h1')
    .toArray()
    .map((el) => squash($(el).text()))
    .find((t) => t.length >= 6 && t.length <= 80);
  return stripped || h1 || '';
}
