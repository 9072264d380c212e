import { isLetterOrDigitUnit, segment } from '../text/segment.ts';

/** jieba words of a title and a body when the caller has already cut them. */
export interface SegmentedText {
  title: readonly string[];
  body: readonly string[];
}

/** How many of `words` make up the first `chars` characters (the lead the classifier reads). */
function leadCount(words: readonly string[], chars: number): number {
  let length = 0;
  let n = 0;
  while (n < words.length && length < chars) length += (words[n++] as string).length;
  return n;
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

/*
 * What the features need to know about a BMP code unit, filled on first sight: whether it is a
 * letter or digit, and whether lower-casing leaves it alone (or is ASCII +32). Text made only of
 * such units is lower-cased unit by unit, exactly as `toLowerCase` would, without a new string.
 */
const KNOWN = 1;
const WORD = 2;
const SAME_LOWER = 4;
const ASCII_UPPER = 8;
const charInfo = new Uint8Array(0x10000);

function info(c: number): number {
  const known = charInfo[c] as number;
  if (known !== 0) return known;
  let bits = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) {
    // surrogates: wordlike needs the pair, and astral letters may have case: the slow path decides
  } else {
    const ch = String.fromCharCode(c);
    if (isLetterOrDigitUnit(c)) bits |= WORD;
    if (c >= 0x41 && c <= 0x5a) bits |= ASCII_UPPER;
    else if (ch.toLowerCase() === ch) bits |= SAME_LOWER;
  }
  charInfo[c] = bits;
  return bits;
}

/** Whether the code point at `i` is a letter or a digit; only a surrogate pair needs the regex. */
function wordlikeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0xd800 || c > 0xdfff) return isLetterOrDigitUnit(c);
  return WORDLIKE.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** A growable list of hashed buckets, reused between documents. */
class Keys {
  data = new Uint32Array(1024);
  length = 0;

  push(key: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = key;
  }

  /** Makes room for `n` more keys, so a loop can write them straight into `data`. */
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let size = this.data.length;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint32Array(size);
    bigger.set(this.data);
    this.data = bigger;
  }
}

/** FNV-1a of the lower-cased word, without building the lower-cased string when it can. */
function wordKey(w: string): number {
  let h = WORD_SEED;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    const bits = (c >= 0x61 && c <= 0x7a) || (c >= 0x4e00 && c <= 0x9fff) ? SAME_LOWER : info(c);
    if ((bits & ASCII_UPPER) !== 0) c += 32;
    else if ((bits & SAME_LOWER) === 0) return fnv1a(w.toLowerCase(), WORD_SEED);
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const bigram = (a: number, b: number) =>
  Math.imul(Math.imul(BIGRAM_SEED ^ a, 0x01000193) ^ b, 0x01000193) >>> 0;

/**
 * Bigrams of UTF-16 units within runs of letters and digits of the lower-cased text: robust to
 * segmentation errors and unknown names. Hashed from the code units, without building strings.
 */
function bigramsOfLower(lower: string, mask: number, keys: Keys): void {
  let prev = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length;
    if (!wordlikeAt(lower, i)) {
      prev = -1;
      if (pair) i++;
      continue;
    }
    if (prev >= 0) keys.push(bigram(prev, c) & mask);
    prev = c;
    if (pair) {
      const low = lower.charCodeAt(++i);
      keys.push(bigram(c, low) & mask);
      prev = low;
    }
  }
}

const plainSymbols = new Map<number, boolean>();

/** Whether an astral code point (emoji 😀 …) is neither a letter nor a digit and has no case. */
function plainSymbol(cp: number): boolean {
  let plain = plainSymbols.get(cp);
  if (plain === undefined) {
    const ch = String.fromCodePoint(cp);
    plain = !WORDLIKE.test(ch) && ch.toLowerCase() === ch;
    plainSymbols.set(cp, plain);
  }
  return plain;
}

/** The same bigrams as `bigramsOfLower(text.toLowerCase())`, lower-casing unit by unit when it can. */
function bigrams(text: string, mask: number, keys: Keys): void {
  const start = keys.length;
  keys.reserve(text.length);
  const data = keys.data;
  let n = start;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const bits = c >= 0x4e00 && c <= 0x9fff ? WORD | SAME_LOWER : info(c);
    if ((bits & ASCII_UPPER) !== 0) c += 32;
    else if ((bits & SAME_LOWER) === 0) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && plainSymbol(text.codePointAt(i) as number)) {
        prev = -1; // an emoji: no case, no letter, as `bigramsOfLower` skips it
        i++;
        continue;
      }
      keys.length = start; // a unit whose case needs the whole string (Σ, İ, astral letters …)
      bigramsOfLower(text.toLowerCase(), mask, keys);
      return;
    }
    if ((bits & WORD) === 0) prev = -1;
    else {
      if (prev >= 0) data[n++] = bigram(prev, c) & mask;
      prev = c;
    }
  }
  keys.length = n;
}

/** Hashed buckets (with repeats) of the jieba words (the first `n` of them) and character bigrams. */
function countInto(text: string, mask: number, keys: Keys, words?: readonly string[], n?: number): void {
  const list = words ?? segment(text);
  const count = n ?? list.length;
  keys.reserve(count);
  const data = keys.data;
  let at = keys.length;
  for (let i = 0; i < count; i++) data[at++] = wordKey(list[i] as string) & mask;
  keys.length = at;
  bigrams(text, mask, keys);
}

/**
 * Distinct buckets of a document in the order they first occur, by open addressing in a small
 * table cleared by stamping (no sort: a radix sort of the buckets was a fifth of classify).
 */
class BucketIndex {
  private keys = new Uint32Array(2048);
  private at = new Int32Array(2048);
  private stamps = new Int32Array(2048);
  private stamp = 0;

  /** Forgets every bucket and makes room for `n` of them. */
  clear(n: number): void {
    if (this.keys.length < n * 2) {
      let size = this.keys.length;
      while (size < n * 2) size *= 2;
      this.keys = new Uint32Array(size);
      this.at = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** Where `key` was recorded; a new key is recorded at `at`, and −1 returned. */
  record(key: number, at: number): number {
    const mask = this.keys.length - 1;
    let s = key & mask; // keys are hashes already
    while (this.stamps[s] === this.stamp) {
      if (this.keys[s] === key) return this.at[s] as number;
      s = (s + 1) & mask;
    }
    this.stamps[s] = this.stamp;
    this.keys[s] = key;
    this.at[s] = at;
    return -1;
  }
}

const buckets = new BucketIndex();

/** Math.log1p of small counts, computed once (a call per feature is a tenth of the features' cost). */
const LOG1P = Float64Array.from({ length: 64 }, (_, n) => Math.log1p(n));
const log1p = (n: number) => (n < 64 ? (LOG1P[n] as number) : Math.log1p(n));

/**
 * Folds repeats of `keys.data[from, to)`: the distinct buckets end up at `from …` in the order
 * they first occur, and their log(1 + count) in `out` at the same offsets. Returns how many are
 * distinct.
 */
function countKeys(keys: Keys, from: number, to: number, out: Float64Array): number {
  const d = keys.data;
  buckets.clear(to - from);
  let n = 0;
  for (let i = from; i < to; i++) {
    const k = d[i] as number;
    const at = buckets.record(k, from + n);
    if (at >= 0) out[at] = (out[at] as number) + 1;
    else {
      d[from + n] = k;
      out[from + n++] = 1;
    }
  }
  for (let i = from; i < from + n; i++) out[i] = log1p(out[i] as number);
  return n;
}

/** Scales `v[from, from + n)` to unit length, then by `weight`. */
function normalise(v: Float64Array, from: number, n: number, weight: number): void {
  let norm = 0;
  for (let i = from; i < from + n; i++) norm += (v[i] as number) * (v[i] as number);
  const scale = norm === 0 ? 0 : weight / Math.sqrt(norm);
  for (let i = from; i < from + n; i++) v[i] = (v[i] as number) * scale;
}

/** Per-thread scratch of `featuresInto`: classify scores one document at a time. */
export class FeatureScratch {
  readonly keys = new Keys();
  counts = new Float64Array(1024);
  index = new Uint32Array(1024);
  merged = new Float64Array(1024);
  value = new Float32Array(1024);
  /** Features in `index` / `value` after `featuresInto`. */
  length = 0;

  fit(n: number): void {
    if (this.counts.length < n) this.counts = new Float64Array(n * 2);
    if (this.index.length < n) {
      this.index = new Uint32Array(n * 2);
      this.merged = new Float64Array(n * 2);
      this.value = new Float32Array(n * 2);
    }
  }
}

/** The title's buckets, then the body's, adding up the values of a bucket both have; returns how many. */
function merge(s: FeatureScratch, t: number, titleEnd: number, b: number): number {
  const k = s.keys.data;
  const c = s.counts;
  const { index, merged } = s;
  buckets.clear(t + b);
  let n = 0;
  for (let i = 0; i < t; i++) {
    buckets.record(k[i] as number, n); // the title's buckets are distinct
    index[n] = k[i] as number;
    merged[n++] = c[i] as number;
  }
  for (let j = titleEnd; j < titleEnd + b; j++) {
    const key = k[j] as number;
    const at = buckets.record(key, n);
    if (at >= 0) merged[at] = (merged[at] as number) + (c[j] as number);
    else {
      index[n] = key;
      merged[n++] = c[j] as number;
    }
  }
  return n;
}

/** `merge` of one part (title or body alone): its buckets are distinct already. */
function single(s: FeatureScratch, from: number, count: number): number {
  s.index.set(s.keys.data.subarray(from, from + count));
  s.merged.set(s.counts.subarray(from, from + count));
  return count;
}

/**
 * Features of a title and an optional body in one hashed space of `dim` buckets (a power of two),
 * into `s.index` / `s.value` (`s.length` of them). Title and body are normalised apart, so a long
 * body cannot drown the title. Buckets come out in the order they first occur, title first.
 */
export function featuresInto(
  title: string,
  body: string | undefined,
  dim: number,
  words: SegmentedText | undefined,
  s: FeatureScratch,
): void {
  const mask = dim - 1;
  const keys = s.keys;
  keys.length = 0;
  countInto(title, mask, keys, words?.title);
  const titleEnd = keys.length;
  if (body) {
    const lead = body.length > BODY_CHARS ? body.slice(0, BODY_CHARS) : body;
    countInto(lead, mask, keys, words?.body, words && leadCount(words.body, BODY_CHARS));
  }
  const bodyEnd = keys.length;
  s.fit(bodyEnd);
  const c = s.counts;
  const t = countKeys(keys, 0, titleEnd, c);
  const b = countKeys(keys, titleEnd, bodyEnd, c);
  normalise(c, 0, t, b > 0 ? TITLE_WEIGHT : 1);
  normalise(c, titleEnd, b, t > 0 ? 1 - TITLE_WEIGHT : 1);
  const n = t > 0 && b > 0 ? merge(s, t, titleEnd, b) : single(s, t > 0 ? 0 : titleEnd, t + b);
  const merged = s.merged;
  let norm = 0;
  for (let q = 0; q < n; q++) norm += (merged[q] as number) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let q = 0; q < n; q++) s.value[q] = (merged[q] as number) * scale;
  s.length = n;
}

/** `featuresInto` as a vector of its own (training keeps one per row). */
export function extractFeatures(
  title: string,
  body: string | undefined,
  dim: number,
  words?: SegmentedText,
): Features {
  const s = new FeatureScratch();
  featuresInto(title, body, dim, words, s);
  return { index: s.index.slice(0, s.length), value: s.value.slice(0, s.length) };
}
