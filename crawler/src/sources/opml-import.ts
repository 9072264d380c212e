import { readFileSync, writeFileSync } from 'node:fs';
import type { Element } from 'domhandler';
import { parseDocument as parseHtml } from 'htmlparser2';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { canonicalUrl } from '../crawl/canonical-url.ts';
import { type FeedSource, FeedSourceSchema } from './source-schema.ts';

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl: string;
  /** The outline the feed sits in, e.g. a folder name. */
  category: string;
}

/** The feeds of an OPML file (any nesting); outlines without an http(s) xmlUrl are left out. */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = parseHtml(text, { xmlMode: true, decodeEntities: true });
  const feeds: OpmlFeed[] = [];
  const attr = (el: Element, name: string) =>
    Object.entries(el.attribs)
      .find(([k]) => k.toLowerCase() === name)?.[1]
      ?.trim() ?? '';
  const walk = (nodes: readonly unknown[], category: string) => {
    for (const node of nodes as Element[]) {
      if (node.type !== 'tag') continue;
      if (node.name.toLowerCase() !== 'outline') {
        walk(node.children, category);
        continue;
      }
      const title = attr(node, 'title') || attr(node, 'text');
      const xmlUrl = attr(node, 'xmlurl');
      if (/^https?:\/\//i.test(xmlUrl))
        feeds.push({ title, xmlUrl, htmlUrl: attr(node, 'htmlurl'), category });
      walk(node.children, xmlUrl ? category : title || category);
    }
  };
  walk(doc.children, '');
  return feeds;
}

export interface ImportResult {
  added: FeedSource[];
  /** Feed URLs already in the file (as a feed, sitemap or start URL), left alone. */
  present: string[];
}

const HEADER = '# yuqing crawl sources (see config/sources.example.yaml for every field).\n';

/**
 * Appends the feeds to a sources file as `kind: feed` entries, editing the YAML document so that
 * comments and formatting stay as they are. URLs already in the file are skipped; ids are made from
 * the feed's host and path and never collide with existing ones. `defaults` go into every entry.
 */
export function importFeeds(
  file: string,
  feeds: readonly OpmlFeed[],
  defaults: Partial<Pick<FeedSource, 'department' | 'mediaType' | 'region' | 'enabled'>> = {},
): ImportResult {
  let text = HEADER;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({ sources: [] }) as never;
  let list = doc.get('sources', true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('sources', list);
  }
  const seq = list as YAMLSeq;
  const entries = seq.items.map((i) => (isMap(i) ? (i.toJSON() as Record<string, unknown>) : {}));
  const ids = new Set(entries.map((e) => String(e.id ?? '')));
  const urls = new Set(
    entries
      .flatMap((e) => [e.urls, e.startUrls].flatMap((v) => (Array.isArray(v) ? v.map(String) : [])))
      .map(canonicalUrl),
  );

  const added: FeedSource[] = [];
  const present: string[] = [];
  for (const feed of feeds) {
    const url = canonicalUrl(feed.xmlUrl);
    if (urls.has(url)) {
      present.push(feed.xmlUrl);
      continue;
    }
    urls.add(url);
    const id = uniqueId(feedId(url), ids);
    ids.add(id);
    const entry = {
      id,
      name: feed.title || new URL(url).hostname,
      kind: 'feed' as const,
      urls: [feed.xmlUrl],
      ...defaults,
    };
    added.push(FeedSourceSchema.parse(entry));
    const node = doc.createNode(entry);
    if (feed.category) node.commentBefore = ` from OPML: ${feed.category}`;
    seq.add(node);
  }
  if (added.length > 0) writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return { added, present };
}

/** `https://www.news.example.cn/rss/rolling.xml` → `news-example-cn-rolling`. */
export function feedId(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '');
  const last =
    u.pathname
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.(xml|rss|atom|json|php|aspx?)$/i, '') ?? '';
  const generic = /^(rss|feed|atom|index|rss2|feeds?)$/i.test(last);
  const slug = `${host}${last && !generic ? `-${last}` : ''}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return /^[a-z0-9]/.test(slug) ? slug : `feed-${slug}`.slice(0, 56);
}

function uniqueId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
