import { SURNAMES } from '../entities/name-lists.ts';
import { removedRanges } from '../sentiment/normalize.ts';
import { isWordlike, type TaggedWords } from './segment.ts';
import { isStopChar } from './stopwords.ts';

/**
 * Words without whitespace and punctuation, as `segment` gives them, and without the words that
 * overlap one of the `skipped` ranges (sorted by start): by default links and emoticon codes, whose
 * pieces (t, cn of http://t.cn/…; 蜡烛 of [蜡烛]) are no words the author wrote.
 * `tokens` are the same without the fragments jieba's HMM glued together (`isFragment`): the same
 * array when there are none.
 */
export function wordsOf(
  text: string,
  { words, tags }: TaggedWords,
  skipped = removedRanges(text, false),
): { words: string[]; tokens: string[] } {
  if (fragmentAt.length < words.length) fragmentAt = new Uint8Array(2 * words.length);
  let n = 0;
  let fragments = 0;
  let at = 0;
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    const cut = words[i] as string;
    const end = at + cut.length;
    while (next < skipped.length && (skipped[next] as [number, number])[1] <= at) next++;
    const inSkipped = next < skipped.length && (skipped[next] as [number, number])[0] < end;
    if (!inSkipped && isWordlike(cut)) {
      const fragment = isFragment(cut, tags[i] as string);
      fragmentAt[n] = fragment ? 1 : 0;
      if (fragment) fragments++;
      kept[n++] = mayTrim(cut) ? cut.trim() : cut;
    }
    at = end;
  }
  const out = kept.slice(0, n);
  if (fragments === 0) return { words: out, tokens: out };
  let m = 0;
  for (let k = 0; k < n; k++) if (fragmentAt[k] === 0) kept[m++] = out[k] as string;
  return { words: out, tokens: kept.slice(0, m) };
}

// Scratch of `wordsOf`, reused: each list is copied out at its size, not grown push by push
// (garbage that cost scavenges of the whole batch). It keeps the last text's words alive.
const kept: string[] = [];
let fragmentAt = new Uint8Array(1024);

/** Whether `trim` can change a word: not one that starts and ends with Chinese or visible ASCII. */
function mayTrim(word: string): boolean {
  return !(plain(word.charCodeAt(0)) && plain(word.charCodeAt(word.length - 1)));
}

const plain = (c: number): boolean => (c > 0x20 && c < 0x80) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * Characters that, besides the one-character stop words, begin or end what jieba's HMM glues
 * across a word boundary in Weibo posts (因|李天一, 多|人, 别|用, 一|看; 我|发, 图|自, 删|且, 喝|留, 人|用).
 */
const GLUED_FIRST = new Set('因可多别一');
const GLUED_LAST = new Set('发自且求留用');

/**
 * A word jieba's HMM made up (not in the dictionary) that starts (but for a surname) or ends with
 * a one-character stop word or a character of the lists above: nearly always characters glued
 * across a word boundary (驾不系 of 副驾|不系安全带, 吴在, 人来, 据博友), seldom a real word (最给力,
 * 一姐). Sentiment and the category read it as jieba cut it; as a keyword or a topic term it would
 * be noise.
 */
function isFragment(word: string, tag: string): boolean {
  if (tag !== 'x' || word.length < 2) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  const first = word[0] as string;
  const last = word[word.length - 1] as string;
  // 于欢, 向东, 时寒冰: a surname may start a name the dictionary does not know
  const opens = (isStopChar(word.charCodeAt(0)) || GLUED_FIRST.has(first)) && !SURNAMES.has(first);
  return opens || isStopChar(word.charCodeAt(word.length - 1)) || GLUED_LAST.has(last);
}
