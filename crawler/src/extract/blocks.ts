import type { AnyNode, Element } from 'domhandler';

/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set(
  'address article aside blockquote body center dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** Never text a reader sees. */
const SKIP_TAGS = new Set(
  'head script style noscript iframe template svg select option textarea button input object embed canvas video audio map area'.split(
    ' ',
  ),
);
/** Page chrome by tag. */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
/** Page chrome by class or id word: navigation, share bars, comments, related links, ads. */
const CHROME_NAMES =
  /(^|[\s_-])(nav|navbar|navi|menu|share|sharing|bdshare|jiathis|related|relate|xgyd|xgxw|recommend|tuijian|footer|foot|copyright|comment|comments|pinglun|reply-form|breadcrumb|crumbs?|sidebar|side|sider|right-?side|topbar|top-bar|pagination|pager|ad|ads|advert|gg|toolbar|hot-?news|hotlist|rank|login|subscribe|qrcode|ewm)([\s_-]|$)/i;

const PUNCT = /[，。！？；：、,.!?;:“”]/g;

export interface TextBlock {
  /** The element the text sits in directly (its nearest block-level ancestor). */
  owner: Element;
  text: string;
  /** Characters (no white space) of the text and of the part inside links. */
  chars: number;
  linkChars: number;
  punct: number;
  /** Inside page chrome (nav, footer, share bar, comments …). */
  chrome: boolean;
  /** How much the block looks like article text (positive) or boilerplate (negative). */
  weight: number;
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
/** Letters only (Han characters and Latin letters): digits, dates and brackets are not text. */
function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)
    )
      n++;
  }
  return n;
}

function isHidden(el: Element): boolean {
  const style = el.attribs.style;
  return (
    el.attribs.hidden !== undefined ||
    (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
  );
}

export function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return names.length > 1 && CHROME_NAMES.test(names);
}

function weigh(b: Omit<TextBlock, 'weight'>): number {
  const { chars, linkChars, punct, chrome } = b;
  if (chrome) return -chars;
  if (linkChars > chars * 0.5) return -chars;
  // Short lines are weak evidence: list items, captions and bylines are short too.
  if (chars >= 40 || (punct >= 1 && chars >= 25)) return chars - 2 * linkChars;
  if (punct >= 1 && chars >= 10) return 0.25 * (chars - 2 * linkChars);
  return -0.3 * chars;
}

/**
 * The page as a list of text blocks in reading order: a block is the text between two block-level
 * boundaries (or `<br>`s), attached to the element it sits in.
 */
export function textBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buf = '';
  let links = 0;
  let owner = root;
  let chrome = false;

  const flush = () => {
    const text = squash(buf);
    buf = '';
    if (!text) {
      links = 0;
      return;
    }
    const chars = charCount(text);
    const base = {
      owner,
      text,
      chars,
      linkChars: Math.min(links, chars),
      punct: text.match(PUNCT)?.length ?? 0,
      chrome,
    };
    blocks.push({ ...base, weight: weigh(base) });
    links = 0;
  };

  const walk = (parent: Element, inLink: boolean): void => {
    for (const child of parent.children as AnyNode[]) {
      if (child.type === 'text') {
        buf += child.data;
        if (inLink) links += charCount(child.data);
        continue;
      }
      if (child.type !== 'tag') continue;
      const el = child as Element;
      const name = el.name;
      if (SKIP_TAGS.has(name) || isHidden(el)) continue;
      if (name === 'br') {
        flush();
        continue;
      }
      if (BLOCK_TAGS.has(name) || name === 'img') {
        flush();
        const [savedOwner, savedChrome] = [owner, chrome];
        owner = el;
        chrome = chrome || isChrome(el);
        walk(el, inLink);
        flush();
        [owner, chrome] = [savedOwner, savedChrome];
      } else {
        const wasChrome = chrome;
        chrome = chrome || isChrome(el);
        if (chrome !== wasChrome) flush();
        walk(el, inLink || name === 'a');
        if (chrome !== wasChrome) flush();
        chrome = wasChrome;
      }
    }
  };
  walk(root, false);
  flush();
  return blocks;
}

export interface Container {
  element: Element;
  /** Parts of the container whose text is boilerplate on balance (link lists, tables of chrome). */
  excluded: Set<Element>;
}

/** Each level a paragraph sits below a candidate discounts it: tight containers beat page-wide tables. */
const DEPTH_DECAY = 0.7;
/** Paragraph-level children: their text counts in full for the element that holds them. */
const PARAGRAPH_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'font',
  'span',
  'strong',
  'b',
]);

/**
 * The element that holds the article: the best score where a child's subtree counts only if it is
 * article-like on balance (boilerplate subtrees are pruned, not subtracted) and counts less the
 * deeper it is. Child subtrees that are boilerplate on balance are excluded from the text.
 */
export function bestContainer(blocks: readonly TextBlock[], root: Element): Container | null {
  const own = new Map<Element, number>();
  for (const b of blocks) own.set(b.owner, (own.get(b.owner) ?? 0) + b.weight);
  const net = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  const visit = (el: Element): [net: number, pruned: number] => {
    let n = own.get(el) ?? 0;
    let p = n;
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const [cn, cp] = visit(child as Element);
      n += cn;
      if (cp > 0) p += (PARAGRAPH_TAGS.has((child as Element).name) ? 1 : DEPTH_DECAY) * cp;
    }
    net.set(el, n);
    // A paragraph is never the container: its parent scores it in full.
    if (p > bestScore && !PARAGRAPH_TAGS.has(el.name)) {
      best = el;
      bestScore = p;
    }
    return [n, p];
  };
  visit(root);
  if (!best) return null;
  const excluded = new Set<Element>();
  const prune = (el: Element): void => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const tag = child as Element;
      if ((net.get(tag) ?? 0) < 0 && !PARAGRAPH_TAGS.has(tag.name)) excluded.add(tag);
      else prune(child as Element);
    }
  };
  prune(best);
  return { element: best, excluded };
}

/** Whether `node` is inside `ancestor` and not inside any of the excluded elements. */
export function within(ancestor: Element, node: Element, excluded?: Set<Element>): boolean {
  for (let el: Element | null = node; el; el = el.parent?.type === 'tag' ? (el.parent as Element) : null) {
    if (excluded?.has(el)) return false;
    if (el === ancestor) return true;
  }
  return false;
}

export function contains(ancestor: Element, node: Element): boolean {
  for (let el: Element | null = node; el; el = el.parent?.type === 'tag' ? (el.parent as Element) : null) {
    if (el === ancestor) return true;
  }
  return false;
}
