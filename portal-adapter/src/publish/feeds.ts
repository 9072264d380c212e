import type { FeedEntry } from './queries/getFeedEntries.ts';

/** What a column's feed says about itself; URLs are absolute, as feed readers need. */
export interface FeedMeta {
  column: string;
  title: string;
  description: string;
  /** The dashboard's public base URL, e.g. https://yq.example.gov.cn */
  baseUrl: string;
  /** Last change of the column (ISO), or null when it has never had an entry. */
  updated: string | null;
}

export const FEED_FORMATS = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

export function isFeedFormat(value: string): value is FeedFormat {
  return Object.hasOwn(FEED_FORMATS, value);
}

/** Characters XML 1.0 does not allow: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF. */
function xmlAllowed(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
  );
}

/** Text without the control characters no feed format should carry. */
function clean(text: string): string {
  return [...text].filter(xmlAllowed).join('');
}

function xml(text: string): string {
  return clean(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function feedUrl(meta: FeedMeta, format: FeedFormat): string {
  return `${meta.baseUrl}/feeds/${encodeURIComponent(meta.column)}/${format}`;
}

/** A stable, globally unique id per entry that survives edits and republication. */
function entryId(meta: FeedMeta, entry: FeedEntry): string {
  return `${meta.baseUrl}/feeds/${encodeURIComponent(meta.column)}#${encodeURIComponent(entry.key)}`;
}

function withSource(entry: FeedEntry): string {
  if (!entry.sourceUrl) return entry.content;
  return `${entry.content}\n<p>来源：<a href="${xml(entry.sourceUrl)}">${xml(entry.sourceName || entry.sourceUrl)}</a></p>`;
}

export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = new Date(meta.updated ?? 0).toUTCString();
  const items = entries.map(
    (e) => `    <item>
      <title>${xml(e.title)}</title>
      <link>${xml(e.link)}</link>
      <guid isPermaLink="false">${xml(entryId(meta, e))}</guid>
      <pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate>
      <description>${xml(e.summary)}</description>
      <content:encoded>${xml(withSource(e))}</content:encoded>
      <source url="${xml(e.sourceUrl)}">${xml(e.sourceName)}</source>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(meta.title)}</title>
    <link>${xml(meta.baseUrl || '/')}</link>
    <description>${xml(meta.description)}</description>
    <language>zh-CN</language>
    <lastBuildDate>${updated}</lastBuildDate>
    <atom:link href="${xml(feedUrl(meta, 'rss.xml'))}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const updated = new Date(meta.updated ?? 0).toISOString();
  const items = entries.map(
    (e) => `  <entry>
    <title>${xml(e.title)}</title>
    <id>${xml(entryId(meta, e))}</id>
    <link rel="alternate" href="${xml(e.link)}"/>
    <published>${new Date(e.publishedAt).toISOString()}</published>
    <updated>${new Date(e.updatedAt).toISOString()}</updated>
    <summary>${xml(e.summary)}</summary>
    <content type="html">${xml(withSource(e))}</content>
    <author><name>${xml(e.sourceName || '本站')}</name></author>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${xml(meta.title)}</title>
  <subtitle>${xml(meta.description)}</subtitle>
  <id>${xml(feedUrl(meta, 'atom.xml'))}</id>
  <link rel="self" href="${xml(feedUrl(meta, 'atom.xml'))}"/>
  <updated>${updated}</updated>
${items.join('\n')}
</feed>
`;
}

export function renderJsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: clean(meta.title),
      description: clean(meta.description),
      feed_url: feedUrl(meta, 'feed.json'),
      language: 'zh-CN',
      items: entries.map((e) => ({
        id: entryId(meta, e),
        url: e.link,
        external_url: e.sourceUrl || undefined,
        title: clean(e.title),
        summary: clean(e.summary),
        content_html: clean(withSource(e)),
        date_published: new Date(e.publishedAt).toISOString(),
        date_modified: new Date(e.updatedAt).toISOString(),
        authors: [{ name: e.sourceName || '本站' }],
      })),
    },
    null,
    2,
  )}\n`;
}

export function renderFeed(format: FeedFormat, meta: FeedMeta, entries: readonly FeedEntry[]): string {
  if (format === 'rss.xml') return renderRss(meta, entries);
  if (format === 'atom.xml') return renderAtom(meta, entries);
  return renderJsonFeed(meta, entries);
}
