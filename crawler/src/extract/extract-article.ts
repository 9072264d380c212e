import { type CheerioAPI, load } from 'cheerio';
import type { Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { contains, type TextBlock, textBlocks } from './blocks.ts';
import { extractBody } from './body.ts';
import { findByline } from './byline.ts';
import {
  type DateZones,
  findPublishTime,
  hasDateLabel,
  parseMachineDate,
  type TimeContext,
} from './publish-time.ts';
import { findTitle } from './title.ts';

export interface ExtractedArticle {
  title: string;
  /** ISO 8601 with the site's offset (`2024-03-05T10:20:00+08:00`), or null when the page shows no date. */
  publishedAt: string | null;
  author: string;
  /** The outlet the article credits (`来源：`), if any. */
  source: string;
  /** Body paragraphs, one per line. */
  content: string;
}

/** CSS selectors that override the generic extraction of a field (per source). */
export interface FieldSelectors {
  title?: string;
  publishedAt?: string;
  author?: string;
  source?: string;
  content?: string;
}

export interface ExtractOptions extends TimeContext {
  selectors?: FieldSelectors;
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * A generic article extractor for Chinese news, government, blog and forum pages: title, publish
 * time, author, credited source and body text, without per-site rules (selectors may override).
 */
export function extractArticle(
  html: string | Document,
  url: string,
  options: ExtractOptions = {},
): ExtractedArticle {
  // The crawl passes the DOM it already parsed (read only here), saving a second parse per page.
  const dom = typeof html === 'string' ? parseDocument(html, { decodeEntities: true }) : html;
  const $ = load(dom);
  const root = ($('body').get(0) ?? $.root().children('html').get(0) ?? firstElement(dom)) as
    | Element
    | undefined;
  const title = findTitle($);
  if (!root) return { title, publishedAt: null, author: '', source: '', content: '' };

  const blocks = textBlocks(root);
  const body = extractBody(blocks, root, title);
  const { above, below, zones } = nearHeadline(blocks, title, body.container);
  const near = [...above, ...below].join(' | ');
  const pageText = blocks.map((b) => b.text).join(' | ');
  const lines = body.text.split('\n');
  const byline = findByline($, { near, above, edges: [...lines.slice(0, 1), ...lines.slice(-2)], pageText });
  const article: ExtractedArticle = {
    title,
    publishedAt: findPublishTime($, zones, url, options),
    author: byline.author,
    source: byline.source,
    content: body.text,
  };
  return options.selectors ? applySelectors($, article, options.selectors, options) : article;
}

function firstElement(dom: Document): Element | undefined {
  return dom.children.find((c) => c.type === 'tag') as Element | undefined;
}

/** Short lines between the headline and the article body, and just after the body: where bylines live. */
function nearHeadline(
  blocks: readonly TextBlock[],
  title: string,
  container: Element | null,
): { above: string[]; below: string[]; zones: DateZones } {
  const first = container ? blocks.findIndex((b) => contains(container, b.owner)) : -1;
  let last = first;
  if (container) {
    for (let i = first; i < blocks.length && contains(container, (blocks[i] as TextBlock).owner); i++)
      last = i;
  }
  const titleAt = title
    ? blocks.findIndex(
        (b, i) =>
          (first < 0 || i <= first + 3) && b.chars >= 4 && (b.text.includes(title) || title.includes(b.text)),
      )
    : -1;
  const from = titleAt >= 0 ? titleAt + 1 : Math.max(0, first - 6);
  const short = (b: TextBlock, max: number) => b.chars < max && b.linkChars <= b.chars * 0.5;
  const above = blocks.slice(from, Math.max(from + 8, first + 2)).filter((b) => short(b, 200));
  const below = blocks.slice(last + 1, last + 4).filter((b) => short(b, 120));
  // Where dates are looked for, nearest the headline first; link lists (related, comments) left out.
  const text = (bs: readonly TextBlock[]) =>
    bs
      .filter((b) => b.linkChars < 12 || b.linkChars <= b.chars * 0.5 || hasDateLabel(b.text))
      .map((b) => b.text)
      .join(' | ');
  const end = Math.max(from, last + 4);
  const zones: DateZones = {
    // Dates: the lines between the headline and the body, and short lines opening the body.
    above: [
      ...blocks.slice(from, Math.max(from, first)),
      ...takeWhile(blocks.slice(Math.max(from, first), Math.max(from, first) + 3), (b) => b.chars < 40),
    ]
      .filter((b) => short(b, 200))
      .map((b) => b.text),
    below: below.map((b) => b.text),
    titleFound: titleAt >= 0,
    beforeNear: text(blocks.slice(Math.max(0, from - 5), Math.max(0, from - 1)).filter((b) => !b.chrome)),
    before: text(blocks.slice(0, Math.max(0, from - 5)).filter((b) => !b.chrome)),
    article: text(blocks.slice(Math.max(0, from - 1), end)),
    after: text(blocks.slice(end)),
  };
  return { above: above.map((b) => b.text), below: zones.below, zones };
}

function takeWhile<T>(xs: readonly T[], keep: (x: T) => boolean): T[] {
  const n = xs.findIndex((x) => !keep(x));
  return n < 0 ? [...xs] : xs.slice(0, n);
}

function applySelectors(
  $: CheerioAPI,
  article: ExtractedArticle,
  selectors: FieldSelectors,
  ctx: TimeContext,
): ExtractedArticle {
  const pick = (selector: string | undefined): string | null => {
    if (!selector) return null;
    try {
      const el = $(selector).first();
      return el.length ? squash(el.attr('content') ?? el.attr('datetime') ?? el.text()) : null;
    } catch {
      return null; // an invalid selector is reported when the config is loaded
    }
  };
  const out = { ...article };
  out.title = pick(selectors.title) ?? out.title;
  out.author = pick(selectors.author) ?? out.author;
  out.source = pick(selectors.source) ?? out.source;
  const time = pick(selectors.publishedAt);
  if (time) out.publishedAt = parseMachineDate(time, ctx) ?? out.publishedAt;
  if (selectors.content) {
    const el = $(selectors.content).first().get(0) as Element | undefined;
    if (el)
      out.content = textBlocks(el)
        .filter((b) => !b.chrome)
        .map((b) => b.text)
        .join('\n');
  }
  return out;
}
