import { segment } from '../text/segment.ts';

/** jieba words of a title and a body when the caller has already cut them. */
export interface SegmentedText {
  title: readonly string[];
  body: readonly string[];
}

/** The words that make up the first `chars` characters (the lead the classifier reads). */
function leadWords(words: readonly string[], chars: number): readonly string[] {
  let length = 0;
  let n = 0;
  while (n < words.length && length < chars) length += (words[n++] as string).length;
  return words.slice(0, n);
}

/** A sparse, L2-normalised feature vector: parallel arrays of bucket indexes and values. */
export interface Features {
  readonly index: Uint32Array;
  readonly value: Float32Array;
}

const WORD_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x01000193;
/** Bodies are cut here: the lead of an article says what it is about, and it keeps classify fast. */
export const BODY_CHARS = 600;
/** Share of the vector's weight given to the title when a body is present. */
export const TITLE_WEIGHT = 0.65;

/** FNV-1a over UTF-16 code units, 32-bit, with a seed per feature kind. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Whether the code point at `i` is a letter or a digit; ASCII and CJK without a regex. */
function wordlikeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return WORDLIKE.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** Raw hashed counts of jieba words and character bigrams of one text. */
function countInto(text: string, mask: number, counts: Map<number, number>, words?: readonly string[]): void {
  for (const w of words ?? segment(text)) {
    const k = fnv1a(w.toLowerCase(), WORD_SEED) & mask;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // Bigrams of UTF-16 units within runs of letters and digits: robust to segmentation errors and
  // unknown names. Hashed from the code units, without building the two-character strings.
  const lower = text.toLowerCase();
  let prev = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length;
    if (!wordlikeAt(lower, i)) {
      prev = -1;
      if (pair) i++;
      continue;
    }
    if (prev >= 0) {
      const k = (Math.imul(Math.imul(BIGRAM_SEED ^ prev, 0x01000193) ^ c, 0x01000193) >>> 0) & mask;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    prev = c;
    if (pair) {
      const low = lower.charCodeAt(++i);
      const k = (Math.imul(Math.imul(BIGRAM_SEED ^ c, 0x01000193) ^ low, 0x01000193) >>> 0) & mask;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      prev = low;
    }
  }
}

/** log(1 + count), scaled to unit length and then by `weight`, added into `out`. */
function addNormalised(counts: Map<number, number>, weight: number, out: Map<number, number>): void {
  let norm = 0;
  for (const c of counts.values()) norm += Math.log1p(c) ** 2;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [k, c] of counts) out.set(k, (out.get(k) ?? 0) + Math.log1p(c) * scale);
}

/**
 * Features of a title and an optional body in one hashed space of `dim` buckets (a power of two).
 * Title and body are normalised apart, so a long body cannot drown the title.
 */
export function extractFeatures(
  title: string,
  body: string | undefined,
  dim: number,
  words?: SegmentedText,
): Features {
  const mask = dim - 1;
  const titleCounts = new Map<number, number>();
  countInto(title, mask, titleCounts, words?.title);
  const bodyCounts = new Map<number, number>();
  if (body)
    countInto(body.slice(0, BODY_CHARS), mask, bodyCounts, words && leadWords(words.body, BODY_CHARS));
  const hasTitle = titleCounts.size > 0;
  const hasBody = bodyCounts.size > 0;
  const combined = new Map<number, number>();
  addNormalised(titleCounts, hasBody ? TITLE_WEIGHT : 1, combined);
  addNormalised(bodyCounts, hasTitle ? 1 - TITLE_WEIGHT : 1, combined);
  let norm = 0;
  for (const v of combined.values()) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const index = new Uint32Array(combined.size);
  const value = new Float32Array(combined.size);
  let i = 0;
  for (const [k, v] of combined) {
    index[i] = k;
    value[i] = v * scale;
    i++;
  }
  return { index, value };
}
