import { segment } from '../text/segment.ts';

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
    if (wordlikeAt(ch, 0)) bits |= WORD;
    if (c >= 0x41 && c <= 0x5a) bits |= ASCII_UPPER;
    else if (ch.toLowerCase() === ch) bits |= SAME_LOWER;
  }
  charInfo[c] = bits;
  return bits;
}

/** Whether the code point at `i` is a letter or a digit; ASCII and CJK without a regex. */
function wordlikeAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
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
      keys.length = start; // a unit whose case needs the whole string (surrogates, Σ, İ …)
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

const RADIX_BITS = 9;
const counts = new Int32Array(1 << RADIX_BITS);
let spare = new Uint32Array(1024);

/**
 * Sorts `d[from, to)` ascending: least-significant-digit radix sort, 9 bits a pass, for as many
 * passes as the largest key needs (two for 2^18 buckets). A typed-array sort costs a third of the
 * features' time; this is linear.
 */
function sortKeys(d: Uint32Array<ArrayBuffer>, from: number, to: number): void {
  const n = to - from;
  if (n < 2) return;
  if (n < 32) {
    d.subarray(from, to).sort();
    return;
  }
  let max = 0;
  for (let i = from; i < to; i++) if ((d[i] as number) > max) max = d[i] as number;
  if (spare.length < n) spare = new Uint32Array(n * 2);
  // src/dst alternate between d[from…] and spare[0…]
  let src = d;
  let srcAt = from;
  let dst = spare;
  let dstAt = 0;
  const mask = (1 << RADIX_BITS) - 1;
  for (let shift = 0; shift < 32 && max >>> shift !== 0; shift += RADIX_BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((src[srcAt + i] as number) >>> shift) & mask;
      counts[b] = (counts[b] as number) + 1;
    }
    let sum = 0;
    for (let b = 0; b <= mask; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = src[srcAt + i] as number;
      const b = (k >>> shift) & mask;
      dst[dstAt + (counts[b] as number)] = k;
      counts[b] = (counts[b] as number) + 1;
    }
    const t = src;
    src = dst;
    dst = t;
    const a = srcAt;
    srcAt = dstAt;
    dstAt = a;
  }
  if (src !== d) d.set(src.subarray(srcAt, srcAt + n), from);
}

/** Math.log1p of small counts, computed once (a call per feature is a tenth of the features' cost). */
const LOG1P = Float64Array.from({ length: 64 }, (_, n) => Math.log1p(n));
const log1p = (n: number) => (n < 64 ? (LOG1P[n] as number) : Math.log1p(n));

/**
 * Sorts `keys.data[from, to)` and folds repeats: the distinct buckets end up at `from …` and their
 * log(1 + count) in `out` at the same offsets. Returns how many are distinct.
 */
function countKeys(keys: Keys, from: number, to: number, out: Float64Array): number {
  const d = keys.data;
  sortKeys(d, from, to);
  let n = 0;
  let run = 0;
  for (let i = from; i < to; i++) {
    if (n > 0 && d[from + n - 1] === d[i]) run++;
    else {
      if (n > 0) out[from + n - 1] = log1p(run);
      d[from + n++] = d[i] as number;
      run = 1;
    }
  }
  if (n > 0) out[from + n - 1] = log1p(run);
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

/**
 * Features of a title and an optional body in one hashed space of `dim` buckets (a power of two),
 * into `s.index` / `s.value` (`s.length` of them). Title and body are normalised apart, so a long
 * body cannot drown the title. Buckets come out in ascending order, so the weight rows are read
 * front to back.
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
  // Merge the two sorted lists, adding the values of a bucket both have.
  const k = keys.data;
  const index = s.index;
  const merged = s.merged;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < t || j < b) {
    const ki = i < t ? (k[i] as number) : Number.POSITIVE_INFINITY;
    const kj = j < b ? (k[titleEnd + j] as number) : Number.POSITIVE_INFINITY;
    if (ki === kj) {
      index[n] = ki;
      merged[n++] = (c[i++] as number) + (c[titleEnd + j++] as number);
    } else if (ki < kj) {
      index[n] = ki;
      merged[n++] = c[i++] as number;
    } else {
      index[n] = kj;
      merged[n++] = c[titleEnd + j++] as number;
    }
  }
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
