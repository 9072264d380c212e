import type { Element } from 'domhandler';
import { childNamed, childrenNamed, listingDate, localName, parseXml, textOf } from './xml-dom.ts';

export interface FeedItem {
  url: string;
  title: string;
  /** The item's content or summary, HTML. */
  html: string;
  author: string;
  publishedAt: string | null;
  updatedAt: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string;
  items: FeedItem[];
  /** Items without a usable link. */
  skipped: number;
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

/** RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom and JSON Feed; lenient about broken XML, strict about what a feed is. */
export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl);
  const root = parseXml(trimmed).find((el) => ['rss', 'rdf', 'feed'].includes(localName(el)));
  if (!root) throw new FeedParseError('not an RSS, Atom or JSON feed (no <rss>, <rdf:RDF> or <feed> root)');
  const kind = localName(root);
  if (kind === 'feed')
    return collect(
      'atom',
      textOf(childNamed(root, 'title')),
      childrenNamed(root, 'entry'),
      atomItem,
      baseUrl,
    );
  const channel = childNamed(root, 'channel');
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = [...(channel ? childrenNamed(channel, 'item') : []), ...childrenNamed(root, 'item')];
  return collect(
    kind === 'rss' ? 'rss' : 'rdf',
    textOf(channel && childNamed(channel, 'title')),
    items,
    rssItem,
    baseUrl,
  );
}

function collect(
  format: ParsedFeed['format'],
  title: string,
  entries: Element[],
  read: (el: Element) => Omit<FeedItem, 'url'> & { link: string },
  baseUrl: string,
): ParsedFeed {
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const { link, ...rest } = read(entry);
    const url = absolute(link, baseUrl);
    if (url) items.push({ url, ...rest });
    else skipped++;
  }
  return { format, title, items, skipped };
}

function rssItem(el: Element) {
  const guid = childNamed(el, 'guid');
  const permalink = guid && guid.attribs.isPermaLink !== 'false' ? textOf(guid) : '';
  const date = listingDate(textOf(childNamed(el, 'pubdate', 'date', 'published')));
  const updated = listingDate(textOf(childNamed(el, 'updated', 'modified')));
  return {
    link: textOf(childNamed(el, 'link')) || el.attribs['rdf:about'] || permalink,
    title: textOf(childNamed(el, 'title')),
    html: textOf(childNamed(el, 'encoded')) || textOf(childNamed(el, 'description')),
    author: textOf(childNamed(el, 'creator', 'author')),
    publishedAt: date ?? updated,
    updatedAt: updated,
  };
}

function atomItem(el: Element) {
  const links = childrenNamed(el, 'link');
  const link =
    links.find(
      (l) => (l.attribs.rel ?? 'alternate') === 'alternate' && !/json|atom/.test(l.attribs.type ?? ''),
    ) ?? links[0];
  const published = listingDate(textOf(childNamed(el, 'published', 'issued')));
  const updated = listingDate(textOf(childNamed(el, 'updated', 'modified')));
  const author = childNamed(el, 'author');
  return {
    link: link?.attribs.href ?? '',
    title: textOf(childNamed(el, 'title')),
    html: textOf(childNamed(el, 'content')) || textOf(childNamed(el, 'summary')),
    author: author ? textOf(childNamed(author, 'name')) || textOf(author) : '',
    publishedAt: published ?? updated,
    updatedAt: updated,
  };
}

interface JsonFeedItem {
  url?: unknown;
  external_url?: unknown;
  id?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  author?: { name?: unknown };
  authors?: { name?: unknown }[];
}

function parseJsonFeed(text: string, baseUrl: string): ParsedFeed {
  let feed: { version?: unknown; title?: unknown; items?: unknown };
  try {
    feed = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`JSON Feed is not valid JSON: ${(err as Error).message}`);
  }
  if (
    typeof feed.version !== 'string' ||
    !feed.version.includes('jsonfeed.org') ||
    !Array.isArray(feed.items)
  ) {
    throw new FeedParseError('JSON without a jsonfeed.org version and an items list');
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const entries = feed.items as JsonFeedItem[];
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const item of entries) {
    const url = absolute(str(item.url) || str(item.external_url) || str(item.id), baseUrl);
    if (!url) {
      skipped++;
      continue;
    }
    const updated = listingDate(str(item.date_modified));
    const text = str(item.content_text) || str(item.summary);
    items.push({
      url,
      title: str(item.title),
      html: str(item.content_html) || text.split('\n').map(escapeLine).join('<br>'),
      author: str(item.authors?.[0]?.name) || str(item.author?.name),
      publishedAt: listingDate(str(item.date_published)) ?? updated,
      updatedAt: updated,
    });
  }
  return { format: 'json', title: str(feed.title), items, skipped };
}

function escapeLine(line: string): string {
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function absolute(link: string, base: string): string | null {
  if (!link.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}
