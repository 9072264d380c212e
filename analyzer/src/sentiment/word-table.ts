import { hashString, SEED } from './hash.ts';
import { COMPLAINT_WORDS, DEGREE, NEGATIONS } from './lexicon.ts';

/**
 * One open-addressing table, keyed by a token's `hashString(SEED.lexicon, word)`, that answers every
 * per-token question of the features at once: lexicon polarity, complaint word, negation word,
 * degree adverb. One probe per token instead of a Map lookup by a heap-number key and three lookups
 * by string (the strings jieba returns are fresh, so each string lookup hashes them again).
 */
export interface WordTable {
  /**
   * Slot i is cells[2i] (the hash, as int32) and cells[2i + 1]: 0 when empty, otherwise
   * (entry << SLOT_BITS) | flags, with entry an index into `words` and `degree`. Key and value
   * share a cache line: one miss per probe.
   */
  readonly cells: Int32Array;
  /**
   * One bit per 2^17 hash values, set for every key: most tokens are in no list, and this 16 KB
   * bitmap (it stays in L1) turns them away without touching the 512 KB table.
   */
  readonly filter: Uint32Array;
  readonly mask: number;
  readonly shift: number;
  /** The hand-written word of an entry, checked on a hit so a hash collision cannot add a flag. */
  readonly words: (string | undefined)[];
  readonly degree: Float64Array;
}

export const POSITIVE_WORD = 1;
export const NEGATIVE_WORD = 2;
export const COMPLAINT = 4;
export const NEGATION = 8;
/** A degree adverb: its strength is `degree[entry]`. */
export const DEGREE_FLAG = 16;
/** Flags that come from the hand-written lists and need the word to match, not only its hash. */
export const LISTED = COMPLAINT | NEGATION | DEGREE_FLAG;

const SLOT_BITS = 5;
const FILTER_BITS = 17;
const filterBit = (h: number) => Math.imul(h, 0x85ebca6b) >>> (32 - FILTER_BITS);

function build(lexicon: ReadonlyMap<number, number>): WordTable {
  const flags = new Map<number, { flags: number; word?: string; degree: number }>();
  const entry = (h: number) => {
    let e = flags.get(h);
    if (!e) {
      e = { flags: 0, degree: 1 };
      flags.set(h, e);
    }
    return e;
  };
  for (const [h, polarity] of lexicon) {
    if (polarity > 0) entry(h).flags |= POSITIVE_WORD;
    else if (polarity < 0) entry(h).flags |= NEGATIVE_WORD;
  }
  const listed = (word: string, flag: number, degree = 1) => {
    const e = entry(hashString(SEED.lexicon, word));
    if (e.word !== undefined && e.word !== word) {
      throw new Error(`sentiment word lists: ${e.word} and ${word} share a hash; change a seed`);
    }
    e.word = word;
    e.flags |= flag;
    if (flag === DEGREE_FLAG) e.degree = degree;
  };
  for (const w of COMPLAINT_WORDS) listed(w, COMPLAINT);
  for (const w of NEGATIONS) listed(w, NEGATION);
  for (const [w, d] of DEGREE) listed(w, DEGREE_FLAG, d);

  let bits = 4;
  while (1 << bits < flags.size * 2) bits++;
  const cells = new Int32Array(2 << bits);
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  const mask = (1 << bits) - 1;
  const words: (string | undefined)[] = [];
  const degree = new Float64Array(flags.size);
  const shift = 32 - bits;
  let n = 0;
  for (const [h, e] of flags) {
    if (e.flags === 0) continue;
    let i = Math.imul(h, 0x9e3779b1) >>> shift;
    while (cells[2 * i + 1] !== 0) i = (i + 1) & mask;
    cells[2 * i] = h | 0;
    const bit = filterBit(h);
    filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
    cells[2 * i + 1] = (n << SLOT_BITS) | e.flags;
    words.push(e.word);
    degree[n] = e.degree;
    n++;
  }
  return { cells, filter, mask, shift, words, degree };
}

const tables = new WeakMap<ReadonlyMap<number, number>, WordTable>();

/** The table of a model's lexicon (built once per lexicon object). */
export function wordTable(lexicon: ReadonlyMap<number, number>): WordTable {
  let t = tables.get(lexicon);
  if (!t) {
    t = build(lexicon);
    tables.set(lexicon, t);
  }
  return t;
}

/**
 * The slot of lexicon hash `h`, or 0. Flags from the hand-written lists (`LISTED`) still need
 * `confirm` to check that the token is that word and not only a word with the same hash.
 */
export function lookup(t: WordTable, h: number): number {
  const bit = filterBit(h);
  if (((t.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return 0;
  const key = h | 0;
  for (let i = Math.imul(h, 0x9e3779b1) >>> t.shift; ; i = (i + 1) & t.mask) {
    const s = t.cells[2 * i + 1] as number;
    if (s === 0 || t.cells[2 * i] === key) return s;
  }
}

/** The slot's flags for `word`: a token that only shares the hash of a listed word keeps its polarity. */
export function confirm(t: WordTable, slot: number, word: string): number {
  if ((slot & LISTED) === 0 || t.words[slot >>> SLOT_BITS] === word) return slot;
  return slot & (POSITIVE_WORD | NEGATIVE_WORD);
}

export function entryOf(slot: number): number {
  return slot >>> SLOT_BITS;
}
