import { isWordlike, segment } from '../text/segment.ts';
import { isStopWord } from '../text/stopwords.ts';

/**
 * What SimHash sees of a text. Reprints differ in boilerplate, links, @mentions, emoticons and
 * counters; those are removed so that the story's own words decide.
 */
const URL = /https?:\/\/[^\s\u3000-\u303f\uff00-\uffef]+/g;
const MENTION = /@[\p{L}\p{N}_-]{1,30}/gu;
const EMOTICON = /\[[^\]\s]{1,8}\]/g;
const REPOST_MARK = /\/\/|转发微博/g;
const NUMBER = /^[\d.,:%]+$/;

/**
 * What SimHash leaves out, in order: reprint boilerplate (source and editor lines, app and account
 * promotions, read-more links), links, @mentions, [表情] codes and repost markers. Each pattern
 * comes with substrings of which every match holds one: it runs only when the text has one of
 * them, and most texts have none of most.
 */
const STRIPPED: ReadonlyArray<[RegExp, readonly string[]]> = [
  [
    /[（(【[]?\s*(?:来源|稿源|责任编辑|责编|编辑|作者|原标题|本文来源|转自|摘自)\s*[:：][^）)】\]\n。]{0,40}[）)】\]]?/g,
    ['来源', '稿源', '责编', '编辑', '作者', '原标题', '转自', '摘自'],
  ],
  [
    /(?:欢迎)?(?:关注|订阅|下载|打开)[^。！!\n]{0,24}(?:公众号|客户端|微信号|头条号|app|APP|App)[^。！!\n]{0,24}[。！!]?/g,
    ['关注', '订阅', '下载', '打开'],
  ],
  [
    /(?:更多精彩|更多资讯|更多新闻|阅读原文|点击(?:查看|阅读|链接)|原文链接|长按(?:识别|二维码)|免责声明|版权声明)[^。！!\n]{0,40}[。！!]?/g,
    ['更多', '阅读原文', '点击', '原文链接', '长按', '免责声明', '版权声明'],
  ],
  // A repost chain segment (//@name: comment): the reposter's words, not the story's.
  [/\/\/@[^:：\s]{1,30}[:：][^/]*/g, ['//@']],
  // Short labels a reprint puts in front (【突发】, 转：) and hashtags (#今日热点#).
  [/^\s*(?:【[^】]{1,6}】|(?:转|转发|转载)[:：])/, ['【', '转']],
  [/#[^#\n]{1,20}#/g, ['#']],
  [URL, ['://']],
  [MENTION, ['@']],
  [EMOTICON, ['[']],
  [REPOST_MARK, ['//', '转发微博']],
];

/** Per UTF-16 unit, a bit for each pattern of STRIPPED one of whose substrings starts with it. */
const NEEDLE_START = new Uint16Array(0x10000);
STRIPPED.forEach(([, needs], p) => {
  for (const n of needs) NEEDLE_START[n.charCodeAt(0)] = (NEEDLE_START[n.charCodeAt(0)] as number) | (1 << p);
});

function strip(text: string, replacement: (match: string) => string): string {
  // One pass finds the patterns that may match; only those search for their substrings.
  let may = 0;
  for (let i = 0; i < text.length; i++) may |= NEEDLE_START[text.charCodeAt(i)] as number;
  let out = text;
  for (let p = 0; may !== 0 && p < STRIPPED.length; p++) {
    if ((may & (1 << p)) === 0) continue;
    const [re, needs] = STRIPPED[p] as [RegExp, readonly string[]];
    for (const n of needs) {
      if (!out.includes(n)) continue;
      out = out.replace(re, replacement);
      break;
    }
  }
  return out;
}

/** Strips boilerplate, links, @mentions, [表情] codes and repost markers. */
export function cleanText(text: string): string {
  return strip(text, () => ' ');
}

/** Lower-cased tokens without stop words and bare numbers (dates, counters, prices in reprints). */
export function normalizeTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const t = normalToken(raw);
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** A token as SimHash counts it, or undefined when it does not count. */
function normalToken(raw: string): string | undefined {
  // Most tokens are Chinese words: trim, lower-case and the number test only when they can matter.
  const t = alreadyNormal(raw) ? raw : raw.trim().toLowerCase();
  if (!t || isStopWord(t)) return undefined;
  const c = t.charCodeAt(0);
  if (((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x3a || c === 0x25) && NUMBER.test(t))
    return undefined;
  return t;
}

/** Only Chinese characters, lower-case ASCII letters and digits: nothing to trim or lower-case. */
function alreadyNormal(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

const blanks = (m: string) => ' '.repeat(m.length);

/**
 * `cleanText` that keeps every character where it was: what it strips becomes spaces of the same
 * length, so the words jieba already cut from the raw text can be checked against it.
 */
export function blankText(text: string): string {
  return strip(text, blanks);
}

/**
 * Normalised tokens of a text from the words jieba already cut from it (`TaggedWords.words`: their
 * lengths add up to the text's): words that `blankText` strips in whole or in part are left out.
 * Saves cutting the cleaned text again; differs from `dedupTokens` at most at the edges of what
 * was stripped. `blanked`: the text's `blankText`, when the caller has it.
 */
export function dedupTokensOf(text: string, words: readonly string[], blanked = blankText(text)): string[] {
  const untouched = blanked === text; // once: two equal strings of other objects compare by content
  let n = 0;
  let at = 0;
  for (const word of words) {
    const end = at + word.length;
    if (isWordlike(word)) {
      let whole = untouched;
      if (!whole) {
        whole = true;
        for (let k = at; k < end; k++)
          if (blanked.charCodeAt(k) !== text.charCodeAt(k)) {
            whole = false;
            break;
          }
      }
      const t = whole ? normalToken(word) : undefined;
      if (t !== undefined) kept[n++] = t;
    }
    at = end;
  }
  return kept.slice(0, n);
}

// Scratch of `dedupTokensOf`, reused: the tokens are copied out at their number, not grown push
// by push (garbage that cost scavenges of the whole batch). It keeps the last text's tokens alive.
const kept: string[] = [];

/** Normalised tokens of a raw text (cleans, segments with the shared jieba, normalises). */
export function dedupTokens(text: string): string[] {
  return normalizeTokens(segment(cleanText(text)));
}

/** Below this many distinct normalised tokens a text is short: only an exact fingerprint match counts. */
export const MIN_DEDUP_TOKENS = 10;
/** Below this many distinct normalised tokens a text is never a duplicate (嗯, 转发, 支持 …). */
export const MIN_EXACT_TOKENS = 4;
export const DEFAULT_MAX_DISTANCE = 3;

/**
 * The largest Hamming distance at which a text with these normalised tokens may be called a
 * duplicate: 3 for ordinary texts, 0 for short ones, -1 (never) for very short ones. On short
 * texts a few bits of SimHash agreement is weak evidence, since one word moves many bits. Tokens
 * are counted once: 哈哈哈哈… of forty tokens says as little as one 哈哈.
 */
export function maxDistanceFor(tokens: readonly string[]): number {
  if (tokens.length < MIN_EXACT_TOKENS) return -1;
  const distinct = new Set(tokens).size;
  if (distinct < MIN_EXACT_TOKENS) return -1;
  if (distinct < MIN_DEDUP_TOKENS) return 0;
  return DEFAULT_MAX_DISTANCE;
}
