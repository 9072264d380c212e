import { type Gazetteer, scanRegionNames } from '../regions/index.ts';
import { AhoCorasick } from '../sensitivity/aho-corasick.ts';
import { splitTagged, type TaggedWord, type TaggedWords } from '../text/segment.ts';
import { SURNAMES, WORLD_PLACES } from './name-lists.ts';
import { ORG_SUFFIXES, PLACE_SUFFIXES } from './stop-lists.ts';
import { simplifiedTable } from './traditional.ts';

/**
 * Character features for the NER tagger, hashed without building strings: for every UTF-16 code
 * unit of the text, FEATURES 32-bit feature hashes (the model looks them up in its table).
 *
 * - characters −2…+2, bigrams and trigrams around the character (case-folded, full-width folded,
 *   traditional folded to simplified, digits collapsed to 0) and the character types of −1, 0, +1;
 * - jieba: the word containing the character (B/M/E/S position, POS tag, the word itself) and the
 *   tags of the words before and after it;
 * - lists: region names from the gazetteer, world places, organisation-name endings (公司, 法院 …),
 *   place-name endings (路, 公园, 山 …) and surnames, each with the character's position inside
 *   the match; and whether the next jieba word ends in a place-name ending (沧海|路, 百丈|东路).
 */
export const FEATURES = 25;
/** The last template is the bias: the same hash at every character (the model adds it once). */
export const BIAS = FEATURES - 1;
/** The bias feature's hash. */
export const BIAS_HASH = finish(24);

const BOS = 1;
const EOS = 2;

/** Position of a character inside a span: none, Begin, Middle, End, Single. */
const NONE = 0;
const B = 1;
const M = 2;
const E = 3;
const S = 4;

let folds: Uint16Array | undefined;

/**
 * One table for every fold of a code unit: full-width → ASCII, upper → lower case, digits → 0,
 * ideographic space → space, traditional → simplified (`traditional.ts`).
 */
function foldTable(): Uint16Array {
  if (!folds) {
    folds = simplifiedTable().slice();
    for (let c = 0xff01; c <= 0xff5e; c++) folds[c] = c - 0xfee0;
    folds[0x3000] = 0x20;
    for (let c = 0; c < 0x10000; c++) {
      const f = folds[c] as number;
      if (f >= 0x41 && f <= 0x5a) folds[c] = f + 32;
      else if (f >= 0x30 && f <= 0x39) folds[c] = 0x30;
    }
  }
  return folds;
}

function fold(c: number): number {
  return (folds ?? foldTable())[c] as number;
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

let types: Uint8Array | undefined;

/** `charType` of every code unit: one read per character instead of a chain of comparisons. */
function typeTable(): Uint8Array {
  if (!types) {
    types = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) types[c] = charType(c);
  }
  return types;
}

/** A well-mixed 32-bit hash (signed, as Int32Array holds it). */
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * jieba tags by small ids, so that the tagger can index tables by them (`ner-scorer.ts`). Ids 0–2
 * stand for no word, the start and the end of the text; `tagValue(id)` is what a feature hashes.
 */
const tagIds = new Map<string, number>();
const NO_TAG = 0;
const START_TAG = 1;
const END_TAG = 2;
let tagValues = Int32Array.of(0, 0x5b, 0x5d);

/**
 * Ids of the tags of one or two ASCII characters (most of jieba's) by those characters: a Map
 * look-up per word cost ~2 µs of a 200-character post.
 */
const shortTagIds = new Uint16Array(128 * 128);

function tagId(tag: string): number {
  const a = tag.charCodeAt(0);
  const b = tag.length === 2 ? tag.charCodeAt(1) : 0;
  const short = tag.length <= 2 && a < 128 && b < 128;
  if (short) {
    const known = shortTagIds[(a << 7) | b] as number;
    if (known !== 0) return known;
  }
  let id = tagIds.get(tag);
  if (id === undefined) {
    id = tagIds.size + 3;
    tagIds.set(tag, id);
    if (tagValues.length <= id) {
      const grown = new Int32Array(tagValues.length * 2);
      grown.set(tagValues);
      tagValues = grown;
    }
    tagValues[id] = hashString(tag);
  }
  if (short) shortTagIds[(a << 7) | b] = id;
  return id;
}

/** How many tag ids are in use (ids are below it). */
export function tagCount(): number {
  return tagIds.size + 3;
}

/** What the features hash for a tag id. */
export function tagValue(id: number): number {
  return tagValues[id] as number;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ fold(s.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

const LIST_WORLD = 0;
const LIST_ORG = 1;
const LIST_SURNAME2 = 2;
const LIST_PLACE = 3;
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
    add(PLACE_SUFFIXES, LIST_PLACE);
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
  gazetteer: Gazetteer;
  /** The gazetteer's names in this text (`scanRegionNames`), when the caller already has them. */
  regionNames?: readonly { start: number; end: number }[];
}

/**
 * Per-character facts of a text from which the features are hashed (`prepareText`). The arrays
 * are scratch buffers shared by every call (no allocation per text): they may be longer than the
 * text, and they hold this text only until the next `prepareText`.
 */
export interface PreparedText {
  n: number;
  /** Folded code units with two padding units on each side. */
  c: Int32Array;
  type: Uint8Array;
  /** jieba word of each character: B/M/E/S position, word hash, tag ids of it and its neighbours. */
  wPos: Uint8Array;
  wHash: Int32Array;
  wTag: Uint16Array;
  prevTag: Uint16Array;
  nextTag: Uint16Array;
  /** Position inside a gazetteer region, world place, organisation ending, surname. */
  region: Uint8Array;
  world: Uint8Array;
  org: Uint8Array;
  surname: Uint8Array;
  place: Uint8Array;
  /** The place-ending mark of the last character of the next jieba word (E or S when it has one). */
  placeNext: Uint8Array;
  /** End (exclusive) of each character's jieba word. */
  wEnd: Int32Array;
}

function allocate(size: number): PreparedText {
  return {
    n: 0,
    c: new Int32Array(size + 4),
    type: new Uint8Array(size + 4),
    wPos: new Uint8Array(size),
    wHash: new Int32Array(size),
    wTag: new Uint16Array(size),
    prevTag: new Uint16Array(size),
    nextTag: new Uint16Array(size),
    region: new Uint8Array(size),
    world: new Uint8Array(size),
    org: new Uint8Array(size),
    surname: new Uint8Array(size),
    place: new Uint8Array(size),
    placeNext: new Uint8Array(size),
    wEnd: new Int32Array(size),
  };
}

let scratch = allocate(1024);

/**
 * The O(n) pass before hashing: folds characters, spreads jieba words and tags over their
 * characters and marks list matches. The words' lengths must add up to the text's. Characters
 * are folded to simplified script for the character features; a caller with a text in
 * traditional script should pass its simplified form (`simplifiedForm`) so that jieba, the
 * gazetteer and the lists see it too.
 */
export function prepareText(
  text: string,
  { words, tags }: TaggedWords,
  ctx: Pick<FeatureContext, 'gazetteer' | 'regionNames'>,
): PreparedText {
  const n = text.length;
  if (scratch.wPos.length < n) scratch = allocate(Math.max(n, scratch.wPos.length * 2));
  const p = scratch;
  p.n = n;
  const {
    c,
    type,
    wPos,
    wHash,
    wTag,
    prevTag,
    nextTag,
    region,
    world,
    org,
    surname,
    place,
    placeNext,
    wEnd,
  } = p;
  const table = folds ?? foldTable();
  c[0] = BOS;
  c[1] = BOS;
  c[n + 2] = EOS;
  c[n + 3] = EOS;
  for (let i = 0; i < n; i++) c[i + 2] = table[text.charCodeAt(i)] as number;
  const typeOf = types ?? typeTable();
  for (let i = 0; i < n + 4; i++) type[i] = typeOf[c[i] as number] as number;

  wPos.fill(NONE, 0, n);
  let at = 0;
  let before = START_TAG;
  let th = words.length > 0 ? tagId(tags[0] as string) : NO_TAG;
  for (let t = 0; t < words.length && at < n; t++) {
    const word = words[t] as string;
    const end = Math.min(n, at + word.length);
    const h = hashString(word);
    const after = t + 1 < words.length ? tagId(tags[t + 1] as string) : END_TAG;
    markSpan(wPos, at, end);
    for (let k = at; k < end; k++) {
      wEnd[k] = end;
      wHash[k] = h;
      wTag[k] = th;
      prevTag[k] = before;
      nextTag[k] = after;
    }
    before = th;
    th = after;
    at = end;
  }
  for (let k = at; k < n; k++) {
    wEnd[k] = n;
    wHash[k] = 0;
    wTag[k] = NO_TAG;
    prevTag[k] = NO_TAG;
    nextTag[k] = NO_TAG;
  }

  region.fill(NONE, 0, n);
  world.fill(NONE, 0, n);
  org.fill(NONE, 0, n);
  surname.fill(NONE, 0, n);
  place.fill(NONE, 0, n);
  for (const r of ctx.regionNames ?? scanRegionNames(text, ctx.gazetteer)) markSpan(region, r.start, r.end);
  const { ac, kinds } = listAutomaton();
  ac.scan(text, (id, start, end) => {
    const kind = kinds[id];
    const marks =
      kind === LIST_WORLD ? world : kind === LIST_ORG ? org : kind === LIST_PLACE ? place : surname;
    if (marks[start] === NONE && marks[end - 1] === NONE) markSpan(marks, start, end);
  });
  const single = singleSurnames();
  for (let i = 0; i < n; i++) if (surname[i] === NONE && single[text.charCodeAt(i)] === 1) surname[i] = S;
  for (let i = 0; i < n; i++) {
    const next = wEnd[i] as number;
    placeNext[i] = next < n ? (place[(wEnd[next] as number) - 1] as number) : NONE;
  }
  return p;
}

/**
 * Templates 0–11, 14 and 17 are keyed: a feature's hash is its key (a character, bigram, trigram
 * or word hash, low 4 bits clear) with a sub-index in the low bits, and the model holds one row of
 * weights per key (`ner-model.ts`), so that tagging reads one row per key, not one table slot per
 * feature. For each template: its row kind (an index into ROW_WIDTHS), or −1 for a plain template
 * (hashed whole, `templateHash`). Sub-index k of the row of an n-gram starting at padded position
 * r is for the character at text position r − k (unigrams 0–4, bigrams 0–3, trigrams 0–2); a
 * character's row also holds, at 5 + B/M/E/S, the weights for its own place in its word.
 */
export const TEMPLATE_ROW: readonly number[] = [
  0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, -1, -1, 3, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1,
];
/** Sub-indices of a row of each kind: character, bigram, trigram, word (by place in the word). */
export const ROW_WIDTHS: readonly number[] = [10, 4, 3, 5];
/** Clears a keyed hash's sub-index. */
export const KEY_MASK = ~15;

/** Keys of the characters, bigrams and trigrams at each padded position of c[from … to + 4). */
const groups = { uni: new Int32Array(1028), bi: new Int32Array(1028), tri: new Int32Array(1028) };

export function ngramGroups(c: Int32Array, from: number, to: number): typeof groups {
  const end = to + 4; // c holds the text between two padding units on each side
  if (groups.uni.length < end) {
    groups.uni = new Int32Array(end * 2);
    groups.bi = new Int32Array(end * 2);
    groups.tri = new Int32Array(end * 2);
  }
  const { uni, bi, tri } = groups;
  for (let q = from; q < end; q++) {
    uni[q] = finish(mix(0x75, c[q] as number)) & KEY_MASK;
    if (q + 1 === end) break;
    const pair = mix(mix(0x62, c[q] as number), c[q + 1] as number);
    bi[q] = finish(pair) & KEY_MASK;
    if (q + 2 < end) tri[q] = finish(mix(pair, c[q + 2] as number) ^ 0x74) & KEY_MASK;
  }
  return groups;
}

/** The key of a jieba word (`wHash`). */
export function wordKey(wordHash: number): number {
  return finish(mix(0x77, wordHash)) & KEY_MASK;
}

/** One value mixed into a feature hash. */
function mix(h: number, v: number): number {
  const m = Math.imul(h ^ v, 0x01000193);
  return m ^ (m >>> 15);
}

/**
 * The hash of plain template `template` (TEMPLATE_ROW −1) for its values: the template's
 * seed, each value mixed in, then finish(). (Seeding from the bare template number made templates
 * whose first values differ where the numbers do collide: 19 ^ 3 = 20 ^ 4.)
 */
export function templateHash(template: number, a: number, b: number, c?: number, d?: number): number {
  const number = template === BIAS - 1 ? 25 : template + 1; // 24 is the bias's
  let h = mix(mix(Math.imul(number, 0x9e3779b1), a), b);
  if (c !== undefined) h = mix(h, c);
  if (d !== undefined) h = mix(h, d);
  return finish(h);
}

/**
 * Writes the 32-bit feature hashes of characters [from, to) into `out` (`out[i * FEATURES + k]`
 * for character i and template k); the model maps them to weights. Features read the whole text
 * around each character, so tagging a part of a text sees the same features as tagging all of it.
 * Training reads these hashes; tagging reads the same features faster (`ner-scorer.ts`).
 */
export function hashFeatures(p: PreparedText, out: Int32Array, from = 0, to = p.n): void {
  const { n, c, type, wPos, wHash, wTag, prevTag, nextTag, region, world, org, surname, place, placeNext } =
    p;
  const { uni, bi, tri } = ngramGroups(c, from, to);
  for (let i = from; i < to; i++) {
    const q = i + 2;
    const wp = wPos[i] as number;
    const wt = tagValue(wTag[i] as number);
    const base = i * FEATURES;
    for (let k = 0; k < 5; k++) out[base + k] = (uni[i + k] as number) | k;
    for (let k = 0; k < 4; k++) out[base + 5 + k] = (bi[i + k] as number) | k;
    for (let k = 0; k < 3; k++) out[base + 9 + k] = (tri[i + k] as number) | k;
    out[base + 12] = templateHash(12, type[q - 1] as number, type[q] as number, type[q + 1] as number);
    out[base + 13] = templateHash(13, wp, wt);
    out[base + 14] = wordKey(wHash[i] as number) | wp;
    out[base + 15] = templateHash(15, wp, wt, tagValue(prevTag[i] as number));
    out[base + 16] = templateHash(16, wp, wt, tagValue(nextTag[i] as number));
    out[base + 17] = (uni[q] as number) | (5 + wp);
    out[base + 18] = templateHash(18, region[i] as number, wp);
    out[base + 19] = templateHash(19, world[i] as number, wp);
    out[base + 20] = templateHash(20, org[i] as number, i + 1 < n ? (org[i + 1] as number) : 0, wp);
    out[base + 21] = templateHash(21, surname[i] as number, wp, wt);
    out[base + 22] = templateHash(22, i > 0 ? (surname[i - 1] as number) : 0, wp);
    out[base + 23] = templateHash(23, place[i] as number, placeNext[i] as number, wp, wt);
    out[base + BIAS] = BIAS_HASH;
  }
}

/**
 * Feature hashes of a text: `out[i * FEATURES + k]` for character i and template k. `tokens` are
 * jieba's words with POS tags, as its `tag` gives them (training reads these); their lengths must
 * add up to the text's.
 */
export function extractFeatures(
  text: string,
  tokens: readonly TaggedWord[],
  ctx: FeatureContext,
): Int32Array {
  const out = new Int32Array(text.length * FEATURES);
  hashFeatures(prepareText(text, splitTagged(tokens), ctx), out);
  return out;
}
