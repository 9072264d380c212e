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

/** Hashed buckets of one text's features, sorted, with how often each occurs. */
interface Counts {
  keys: Uint32Array;
  counts: Uint32Array;
}

/** Sorted distinct buckets and their counts (a sort instead of a Map: no per-key allocation). */
function countKeys(keys: number[]): Counts {
  const sorted = Uint32Array.from(keys).sort();
  const outKeys = new Uint32Array(sorted.length);
  const counts = new Uint32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (n > 0 && outKeys[n - 1] === sorted[i]) counts[n - 1] = (counts[n - 1] as number) + 1;
    else {
      outKeys[n] = sorted[i] as number;
      counts[n++] = 1;
    }
  }
  return { keys: outKeys.subarray(0, n), counts: counts.subarray(0, n) };
}

/** Hashed buckets (with repeats) of the jieba words and character bigrams of one text. */
function countInto(text: string, mask: number, keys: number[], words?: readonly string[]): void {
  for (const w of words ?? segment(text)) keys.push(fnv1a(w.toLowerCase(), WORD_SEED) & mask);
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
      keys.push((Math.imul(Math.imul(BIGRAM_SEED ^ prev, 0x01000193) ^ c, 0x01000193) >>> 0) & mask);
    }
    prev = c;
    if (pair) {
      const low = lower.charCodeAt(++i);
      keys.push((Math.imul(Math.imul(BIGRAM_SEED ^ c, 0x01000193) ^ low, 0x01000193) >>> 0) & mask);
      prev = low;
    }
  }
}

/** log(1 + count) scaled to unit length, then by `weight`. */
function normalised({ counts }: Counts, weight: number): Float64Array {
  const out = new Float64Array(counts.length);
  let norm = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = Math.log1p(counts[i] as number);
    out[i] = v;
    norm += v * v;
  }
  const scale = norm === 0 ? 0 : weight / Math.sqrt(norm);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/**
 * Features of a title and an optional body in one hashed space of `dim` buckets (a power of two).
 * Title and body are normalised apart, so a long body cannot drown the title. Buckets come out in
 * ascending order, so the weight rows are read front to back.
 */
export function extractFeatures(
  title: string,
  body: string | undefined,
  dim: number,
  words?: SegmentedText,
): Features {
  const mask = dim - 1;
  const titleKeys: number[] = [];
  countInto(title, mask, titleKeys, words?.title);
  const bodyKeys: number[] = [];
  if (body) countInto(body.slice(0, BODY_CHARS), mask, bodyKeys, words && leadWords(words.body, BODY_CHARS));
  const t = countKeys(titleKeys);
  const b = countKeys(bodyKeys);
  const hasTitle = t.keys.length > 0;
  const hasBody = b.keys.length > 0;
  const tv = normalised(t, hasBody ? TITLE_WEIGHT : 1);
  const bv = normalised(b, hasTitle ? 1 - TITLE_WEIGHT : 1);
  // Merge the two sorted lists, adding the values of a bucket both have.
  const index = new Uint32Array(t.keys.length + b.keys.length);
  const merged = new Float64Array(index.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < t.keys.length || j < b.keys.length) {
    const ki = i < t.keys.length ? (t.keys[i] as number) : Number.POSITIVE_INFINITY;
    const kj = j < b.keys.length ? (b.keys[j] as number) : Number.POSITIVE_INFINITY;
    if (ki === kj) {
      index[n] = ki;
      merged[n++] = (tv[i++] as number) + (bv[j++] as number);
    } else if (ki < kj) {
      index[n] = ki;
      merged[n++] = tv[i++] as number;
    } else {
      index[n] = kj;
      merged[n++] = bv[j++] as number;
    }
  }
  let norm = 0;
  for (let k = 0; k < n; k++) norm += (merged[k] as number) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const value = new Float32Array(n);
  for (let k = 0; k < n; k++) value[k] = (merged[k] as number) * scale;
  return { index: index.slice(0, n), value };
}
