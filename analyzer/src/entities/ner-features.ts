import { type Gazetteer, scanRegionNames } from '../regions/index.ts';
import { AhoCorasick } from '../sensitivity/aho-corasick.ts';
import type { TaggedWord } from './find-entities.ts';
import { SURNAMES, WORLD_PLACES } from './name-lists.ts';
import { ORG_SUFFIXES } from './stop-lists.ts';

/**
 * Character features for the NER tagger, hashed without building strings: for every UTF-16 code
 * unit of the text, FEATURES bucket numbers (already multiplied by the number of tags, so that a
 * bucket's tag weights are read as one contiguous run).
 *
 * - characters −2…+2, bigrams and trigrams around the character (case-folded, full-width folded,
 *   digits collapsed to 0) and the character types of −1, 0, +1;
 * - jieba: the word containing the character (B/M/E/S position, POS tag, the word itself) and the
 *   tags of the words before and after it;
 * - lists: region names from the gazetteer, world places, organisation-name endings (公司, 法院 …)
 *   and surnames, each with the character's position inside the match.
 */
export const FEATURES = 24;

const BOS = 1;
const EOS = 2;

/** Position of a character inside a span: none, Begin, Middle, End, Single. */
const NONE = 0;
const B = 1;
const M = 2;
const E = 3;
const S = 4;

function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0x30 && c <= 0x39) return 0x30;
  return c;
}

/** 0 Han, 1 digit, 2 Latin letter, 3 space or punctuation, 4 other (emoji halves …), 5 padding. */
function charType(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 0;
  if (c === 0x30) return 1; // digits are folded to 0
  if (c >= 0x61 && c <= 0x7a) return 2;
  if (
    c <= 0x7f ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2000 && c <= 0x206f)
  )
    return 3;
  if (c === BOS || c === EOS) return 5;
  return 4;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x01000193);
  return h ^ (h >>> 15);
}

function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const tagHashes = new Map<string, number>();

function hashTag(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    tagHashes.set(tag, h);
  }
  return h;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ fold(s.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

const LIST_WORLD = 0;
const LIST_ORG = 1;
const LIST_SURNAME2 = 2;
let lists: { ac: AhoCorasick; kinds: number[] } | undefined;

function listAutomaton() {
  if (!lists) {
    const names: string[] = [];
    const kinds: number[] = [];
    const add = (words: Iterable<string>, kind: number) => {
      for (const w of words) {
        names.push(w);
        kinds.push(kind);
      }
    };
    add(WORLD_PLACES, LIST_WORLD);
    add(ORG_SUFFIXES, LIST_ORG);
    add(
      [...SURNAMES].filter((s) => s.length === 2),
      LIST_SURNAME2,
    );
    lists = { ac: new AhoCorasick(names), kinds };
  }
  return lists;
}

let surnameUnits: Uint8Array | undefined;

/** 1 at each UTF-16 code unit that is a one-character surname (a 64 KB table, no string per character). */
function singleSurnames(): Uint8Array {
  if (!surnameUnits) {
    surnameUnits = new Uint8Array(0x10000);
    for (const s of SURNAMES) if (s.length === 1) surnameUnits[s.charCodeAt(0)] = 1;
  }
  return surnameUnits;
}

function markSpan(marks: Uint8Array, start: number, end: number): void {
  if (end - start === 1) marks[start] = S;
  else {
    marks[start] = B;
    for (let k = start + 1; k < end - 1; k++) marks[k] = M;
    marks[end - 1] = E;
  }
}

export interface FeatureContext {
  /** Number of hash buckets, a power of two. */
  buckets: number;
  /** Number of tags; bucket numbers are multiplied by it. */
  tags: number;
  gazetteer: Gazetteer;
  /** The gazetteer's names in this text (`scanRegionNames`), when the caller already has them. */
  regionNames?: readonly { start: number; end: number }[];
}

/** Per-character facts of a text from which the feature buckets are hashed (`prepareText`). */
export interface PreparedText {
  readonly n: number;
  /** Folded code units with two padding units on each side. */
  readonly c: Int32Array;
  readonly type: Uint8Array;
  /** jieba word of each character: B/M/E/S position, word hash, tag hash, neighbouring tags. */
  readonly wPos: Uint8Array;
  readonly wHash: Int32Array;
  readonly wTag: Int32Array;
  readonly prevTag: Int32Array;
  readonly nextTag: Int32Array;
  /** Position inside a gazetteer region, world place, organisation ending, surname. */
  readonly region: Uint8Array;
  readonly world: Uint8Array;
  readonly org: Uint8Array;
  readonly surname: Uint8Array;
}

/**
 * The O(n) pass before hashing: folds characters, spreads jieba words and tags over their
 * characters and marks list matches. `tokens` are jieba's words with POS tags; their lengths must
 * add up to the text's.
 */
export function prepareText(
  text: string,
  tokens: readonly TaggedWord[],
  ctx: Pick<FeatureContext, 'gazetteer' | 'regionNames'>,
): PreparedText {
  const n = text.length;
  const c = new Int32Array(n + 4);
  const type = new Uint8Array(n + 4);
  c[0] = BOS;
  c[1] = BOS;
  c[n + 2] = EOS;
  c[n + 3] = EOS;
  for (let i = 0; i < n; i++) c[i + 2] = fold(text.charCodeAt(i));
  for (let i = 0; i < n + 4; i++) type[i] = charType(c[i] as number);

  const wPos = new Uint8Array(n);
  const wHash = new Int32Array(n);
  const wTag = new Int32Array(n);
  const prevTag = new Int32Array(n);
  const nextTag = new Int32Array(n);
  let at = 0;
  let before = 0x5b;
  let th = tokens.length > 0 ? hashTag((tokens[0] as TaggedWord).tag) : 0;
  for (let t = 0; t < tokens.length && at < n; t++) {
    const { word } = tokens[t] as TaggedWord;
    const end = Math.min(n, at + word.length);
    const h = hashString(word);
    const after = t + 1 < tokens.length ? hashTag((tokens[t + 1] as TaggedWord).tag) : 0x5d;
    markSpan(wPos, at, end);
    for (let k = at; k < end; k++) {
      wHash[k] = h;
      wTag[k] = th;
      prevTag[k] = before;
      nextTag[k] = after;
    }
    before = th;
    th = after;
    at = end;
  }

  const region = new Uint8Array(n);
  for (const r of ctx.regionNames ?? scanRegionNames(text, ctx.gazetteer)) markSpan(region, r.start, r.end);
  const world = new Uint8Array(n);
  const org = new Uint8Array(n);
  const surname = new Uint8Array(n);
  const { ac, kinds } = listAutomaton();
  ac.scan(text, (id, start, end) => {
    const kind = kinds[id];
    const marks = kind === LIST_WORLD ? world : kind === LIST_ORG ? org : surname;
    if (marks[start] === NONE && marks[end - 1] === NONE) markSpan(marks, start, end);
  });
  const single = singleSurnames();
  for (let i = 0; i < n; i++) if (surname[i] === NONE && single[text.charCodeAt(i)] === 1) surname[i] = S;
  return { n, c, type, wPos, wHash, wTag, prevTag, nextTag, region, world, org, surname };
}

/**
 * Writes the feature buckets of characters [from, to) into `out` (`out[i * FEATURES + k]` for
 * character i and template k). Features read the whole text around each character, so tagging a
 * part of a text sees the same features as tagging all of it.
 */
export function hashFeatures(
  p: PreparedText,
  buckets: number,
  tags: number,
  out: Int32Array,
  from = 0,
  to = p.n,
): void {
  const { n, c, type, wPos, wHash, wTag, prevTag, nextTag, region, world, org, surname } = p;
  const mask = buckets - 1;
  for (let i = from; i < to; i++) {
    const q = i + 2;
    const a = c[q - 2] as number;
    const b = c[q - 1] as number;
    const x = c[q] as number;
    const d = c[q + 1] as number;
    const e = c[q + 2] as number;
    const wp = wPos[i] as number;
    const wt = wTag[i] as number;
    const base = i * FEATURES;
    const bx = mix(mix(7, b), x);
    out[base] = (finish(mix(1, a)) & mask) * tags;
    out[base + 1] = (finish(mix(2, b)) & mask) * tags;
    out[base + 2] = (finish(mix(3, x)) & mask) * tags;
    out[base + 3] = (finish(mix(4, d)) & mask) * tags;
    out[base + 4] = (finish(mix(5, e)) & mask) * tags;
    out[base + 5] = (finish(mix(mix(6, a), b)) & mask) * tags;
    out[base + 6] = (finish(bx) & mask) * tags;
    out[base + 7] = (finish(mix(mix(8, x), d)) & mask) * tags;
    out[base + 8] = (finish(mix(mix(9, d), e)) & mask) * tags;
    out[base + 9] = (finish(mix(bx, d)) & mask) * tags;
    out[base + 10] = (finish(mix(mix(mix(11, a), b), x)) & mask) * tags;
    out[base + 11] = (finish(mix(mix(mix(12, x), d), e)) & mask) * tags;
    out[base + 12] =
      (finish(mix(mix(mix(13, type[q - 1] as number), type[q] as number), type[q + 1] as number)) & mask) *
      tags;
    out[base + 13] = (finish(mix(mix(14, wp), wt)) & mask) * tags;
    out[base + 14] = (finish(mix(mix(15, wp), wHash[i] as number)) & mask) * tags;
    out[base + 15] = (finish(mix(mix(mix(16, wp), wt), prevTag[i] as number)) & mask) * tags;
    out[base + 16] = (finish(mix(mix(mix(17, wp), wt), nextTag[i] as number)) & mask) * tags;
    out[base + 17] = (finish(mix(mix(18, wp), x)) & mask) * tags;
    out[base + 18] = (finish(mix(mix(19, region[i] as number), wp)) & mask) * tags;
    out[base + 19] = (finish(mix(mix(20, world[i] as number), wp)) & mask) * tags;
    out[base + 20] =
      (finish(mix(mix(mix(21, org[i] as number), i + 1 < n ? (org[i + 1] as number) : 0), wp)) & mask) * tags;
    out[base + 21] = (finish(mix(mix(mix(22, surname[i] as number), wp), wt)) & mask) * tags;
    out[base + 22] = (finish(mix(mix(23, i > 0 ? (surname[i - 1] as number) : 0), wp)) & mask) * tags;
    out[base + 23] = (finish(24) & mask) * tags;
  }
}

/**
 * Feature buckets of a text: `out[i * FEATURES + k]` for character i and template k. `tokens` are
 * jieba's words with POS tags; their lengths must add up to the text's.
 */
export function extractFeatures(
  text: string,
  tokens: readonly TaggedWord[],
  ctx: FeatureContext,
): Int32Array {
  const out = new Int32Array(text.length * FEATURES);
  hashFeatures(prepareText(text, tokens, ctx), ctx.buckets, ctx.tags, out);
  return out;
}
