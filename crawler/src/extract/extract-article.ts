import { type CheerioAPI, load } from 'cheerio';
import { dateFromUrl, findPublishTime } from './publish-time.ts';

export interface ExtractedArticle {
  title: string;
  /** ISO 8601 (UTC), or null when the page shows no date. */
  publishedAt: string | null;
  author: string;
  /** The outlet the article credits (`来源：`), if any. */
  source: string;
  /** Body paragraphs joined by `\n`. */
  content: string;
}

/** Page chrome that is never the article: removed before looking for the body. */
const NOISE_TAGS = 'script, style, noscript, iframe, form, nav, footer, aside, button, select, textarea';
const NOISE_NAMES =
  /(^|[\s_-])(nav|navbar|menu|share|sharing|related|relate|recommend|footer|foot|copyright|comment|comments|breadcrumb|crumbs|sidebar|side|top-bar|topbar|pagination|pager|page-nav|ad|ads|advert|toolbar|editor)([\s_-]|$)/i;

/** Separators between an article title and the site or channel name in <title>. */
const TITLE_SEPARATORS = /\s*(?:[_|｜–—]|\s-\s|--)\s*/;

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/**
 * A generic article extractor for server-rendered news pages: title, publish time, author, credited
 * source and body text. It needs no per-site rules; sites it reads badly get rules later.
 */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const $ = load(html);
  const pageTitle = squash($('title').first().text());
  const metaTitle = squash($('meta[property="og:title"]').attr('content') ?? '');
  const h1 = chooseHeading($, pageTitle || metaTitle);
  const title = h1 || stripSiteName(metaTitle || pageTitle);

  const headerText = headerNear($);
  $(NOISE_TAGS).remove();
  // Noise, unless it wraps the headline (some sites put the whole article in a <header> or a "side" box).
  $('header, [class], [id]').each((_, el) => {
    const names = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    const noisy = el.name === 'header' || NOISE_NAMES.test(names);
    if (noisy && $(el).find('h1').length === 0) $(el).remove();
  });
  const pageText = squash($('body').text());
  const byline = headerText || pageText;
  const content = bodyText($);
  return {
    title,
    publishedAt: findPublishTime($, headerText, pageText) ?? dateFromUrl(url),
    author:
      labelled(byline, /(?:作者|记者|撰稿人?|撰文)\s*[:：]\s*/) ||
      squash($('meta[name="author"]').attr('content') ?? ''),
    source: labelled(byline, /(?:来源|稿源|出处)\s*[:：]\s*/),
    content,
  };
}

/** The <h1> that matches the page title best (sites often have a logo <h1> too). */
function chooseHeading($: CheerioAPI, pageTitle: string): string {
  const headings = $('h1')
    .toArray()
    .map((el) => squash($(el).text()))
    .filter((t) => t.length >= 2);
  if (headings.length === 0) return '';
  const inTitle = headings.filter((h) => pageTitle.includes(h));
  const pool = inTitle.length > 0 ? inTitle : headings;
  return pool.reduce((best, h) => (h.length > best.length ? h : best));
}

/** `标题_频道_站名` → `标题`: the first part, unless it is too short to be a headline. */
export function stripSiteName(pageTitle: string): string {
  const parts = pageTitle.split(TITLE_SEPARATORS).filter(Boolean);
  const first = parts[0] ?? '';
  return first.length >= 4 ? first : parts.reduce((best, p) => (p.length > best.length ? p : best), '');
}

/** Text of the few elements right after the <h1>: where the byline and date live. */
function headerNear($: CheerioAPI): string {
  const h1 = $('h1').first();
  if (h1.length === 0) return '';
  const parts: string[] = [];
  let node = h1;
  for (let i = 0; i < 3; i++) {
    node = node.next();
    if (node.length === 0) break;
    parts.push(squash(node.text()).slice(0, 300));
  }
  if (parts.join('').length < 8) parts.push(squash(h1.parent().text()).slice(0, 400));
  return parts.join(' ');
}

/** The value after a label, up to the next gap or separator. */
function labelled(text: string, label: RegExp): string {
  const m = new RegExp(`${label.source}([^\\s|｜/，,　]{1,30})`).exec(text);
  return m?.[1] ?? '';
}

/**
 * The body: the element whose direct <p> children hold the most text (links discounted), read
 * paragraph by paragraph. Falls back to the block of densest plain text for pages without <p>.
 */
function bodyText($: CheerioAPI): string {
  const paragraphs = $('p').toArray();
  type Block = NonNullable<(typeof paragraphs)[number]['parent']>;
  const scores = new Map<Block, number>();
  for (const p of paragraphs) {
    const parent = p.parent;
    if (parent?.type !== 'tag') continue;
    const text = squash($(p).text());
    const linkText = squash($(p).find('a').text());
    const score = text.length - 2 * linkText.length;
    if (score > 0) scores.set(parent, (scores.get(parent) ?? 0) + score);
  }
  let best: Block | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (best) {
    // A paragraph that is only a link ("点击查看更多", "上一篇") is navigation, not text.
    return $(best)
      .children('p')
      .toArray()
      .map((p) => ({ text: squash($(p).text()), links: squash($(p).find('a').text()).length }))
      .filter(({ text, links }) => text.length > 0 && links < text.length * 0.8)
      .map(({ text }) => text)
      .join('\n');
  }
  return densestBlock($);
}

function densestBlock($: CheerioAPI): string {
  let bestText = '';
  $('div, td, article, section').each((_, el) => {
    const node = $(el);
    const own = node
      .contents()
      .toArray()
      .filter(
        (c) =>
          c.type === 'text' || (c.type === 'tag' && ['br', 'span', 'font', 'b', 'strong'].includes(c.name)),
      )
      .map((c) => $(c).text())
      .join('\n');
    const text = own.split(/\n+/).map(squash).filter(Boolean).join('\n');
    if (text.length > bestText.length) bestText = text;
  });
  return bestText;
}
