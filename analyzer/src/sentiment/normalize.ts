/** Text clean-up shared by training and inference. */

/** Weibo emoticon codes such as [哈哈] or [抓狂]: short bracketed names without spaces. */
const EMOTICON = /\[[^[\]\s]{1,8}\]/g;
/** Links (http://t.cn/zlTzULj, www.example.cn/a): the analyzer also keeps their pieces out of the words. */
export const LINK = /(?:https?:\/\/|www\.)[\w\-.~:/?#@!$&'*+,;=%]+/gi;
/** @mentions and the "//@name:" of retweet chains: user names carry no sentiment but get memorised. */
const MENTION = /@[\p{L}\p{N}_-]{1,30}[:：]?/gu;
const REPOST = /\/\/(?=\s*@|\s*$)/g;
const SPACE = /\s+/g;

export interface NormalizedText {
  /** Text without emoticon codes, links and user names. */
  text: string;
  /** Emoticon names without brackets, in order (empty when they were stripped). */
  emoticons: string[];
}

/**
 * Cleans a post. With `keepEmoticons` false the codes are dropped entirely (needed on data whose
 * labels were derived from those emoticons, such as weibo_senti_100k).
 */
export function normalizeText(raw: string, keepEmoticons = true): NormalizedText {
  if (isClean(raw)) return { text: raw, emoticons: [] };
  const emoticons: string[] = [];
  // each pattern runs only when the text holds a character every match of it needs
  let text = raw;
  if (text.includes('[')) {
    text = text.replace(EMOTICON, (m) => {
      if (keepEmoticons) emoticons.push(m.slice(1, -1));
      return ' ';
    });
  }
  if (text.includes('/') || text.includes('.')) text = text.replace(LINK, ' ');
  if (text.includes('@')) text = text.replace(MENTION, ' ');
  if (text.includes('//')) text = text.replace(REPOST, ' ');
  text = text.replace(SPACE, ' ').trim();
  return { text, emoticons };
}

/**
 * Where `normalizeText` removes something from a raw text (emoticon codes, links, user names,
 * repost marks; only the first two when `names` is false), as [start, end) ranges sorted by start:
 * the words jieba cut there are words the model never reads.
 */
export function removedRanges(raw: string, names = true): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // each pattern runs only when the text holds what every match of it needs
  if (raw.includes('[')) addRanges(raw, EMOTICON, ranges);
  if (LINK_START.test(raw)) addRanges(raw, LINK, ranges);
  if (names && raw.includes('@')) addRanges(raw, MENTION, ranges);
  if (names && raw.includes('//')) addRanges(raw, REPOST, ranges);
  return ranges.length > 1 ? ranges.sort((a, b) => a[0] - b[0]) : ranges;
}

function addRanges(raw: string, pattern: RegExp, into: Array<[number, number]>): void {
  for (const m of raw.matchAll(pattern)) if (m[0].length > 0) into.push([m.index, m.index + m[0].length]);
}

const LINK_START = /:\/\/|www\./i;

/**
 * Whether `normalizeText` would return the text unchanged: no character any of its patterns needs
 * ([ for emoticons, @ for names, / or . for links and reposts) and no whitespace but single inner
 * spaces. One pass over the characters instead of five regex replacements.
 */
function isClean(raw: string): boolean {
  let prevSpace = true; // a space at the start would be trimmed
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 0x80) {
      if (c < 0x20 || c === 0x5b || c === 0x40 || c === 0x2f || c === 0x2e || c === 0x7f) return false;
    } else if (isSpace(c)) return false;
  }
  return !prevSpace || raw.length === 0;
}

/** Non-ASCII characters that `\s` matches. */
function isSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Removes emoticon codes only (for data sets whose labels came from them). */
export function stripEmoticons(raw: string): string {
  return raw.replace(EMOTICON, ' ').replace(SPACE, ' ').trim();
}
