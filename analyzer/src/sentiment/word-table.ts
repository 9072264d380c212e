import { hashString, SEED } from './hash.ts';
import { COMPLAINT_WORDS, DEGREE, NEGATIONS } from './lexicon.ts';

/**
 * One open-addressing table, keyed by a token's `hashString(SEED.lexicon, word)`, that answers every
 * per-token question of the features at once: lexicon polarity, complaint word, negation word,
 * degree adverb. One probe per token instead of a Map lookup by a heap-number key and three lookups
 * by string (the strings jieba returns are fresh, so each string lookup hashes them again).
 */
export interface WordTable {
  readonly keys: Uint32Array;
  /** 0 = empty slot; otherwise (entry << 4) | flags, with entry an index into `words` and `degree`. */
  readonly slots: Int32Array;
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
const LISTED = COMPLAINT | NEGATION | DEGREE_FLAG;

const SLOT_BITS = 5;

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
  const keys = new Uint32Array(1 << bits);
  const slots = new Int32Array(1 << bits);
  const words: (string | undefined)[] = [];
  const degree = new Float64Array(flags.size);
  const shift = 32 - bits;
  let n = 0;
  for (const [h, e] of flags) {
    let i = Math.imul(h, 0x9e3779b1) >>> shift;
    while (slots[i] !== 0) i = (i + 1) & (keys.length - 1);
    keys[i] = h;
    slots[i] = (n << SLOT_BITS) | e.flags;
    words.push(e.word);
    degree[n] = e.degree;
    n++;
  }
  return { keys, slots, shift, words, degree };
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

/** The flags of `word` (whose lexicon hash is `h`), or 0; `entryOf` reads the entry index. */
export function lookup(t: WordTable, h: number, word: string): number {
  const mask = t.keys.length - 1;
  for (let i = Math.imul(h, 0x9e3779b1) >>> t.shift; ; i = (i + 1) & mask) {
    const s = t.slots[i] as number;
    if (s === 0) return 0;
    if (t.keys[i] === h) {
      if ((s & LISTED) === 0) return s;
      const listed = t.words[s >>> SLOT_BITS];
      // a token that only shares the hash of a listed word keeps just its lexicon polarity
      return listed === word ? s : s & (POSITIVE_WORD | NEGATIVE_WORD);
    }
  }
}

export function entryOf(slot: number): number {
  return slot >>> SLOT_BITS;
}
