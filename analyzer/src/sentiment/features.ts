import { finalise, hashCode, hashString, SEED } from './hash.ts';
import { PATTERNS } from './lexicon.ts';
import { patternStarts } from './pattern-starts.ts';
import {
  COMPLAINT,
  confirm,
  DEGREE_FLAG,
  entryOf,
  LISTED,
  lookup,
  NEGATION,
  NEGATIVE_WORD,
  POSITIVE_WORD,
  wordTable,
} from './word-table.ts';

/** How many tokens after a negation word it reaches (tokens carry no punctuation, so no clause end). */
const NEGATION_SCOPE = 3;
const CHAR_WEIGHT = 0.5;

/** Polarity of words in the third-party lexicons, by `hashString(SEED.lexicon, word)`. */
export type Lexicon = ReadonlyMap<number, number>;

const PATTERN_SOURCE = PATTERNS.map(([, re]) => `(${re.source})`).join('|');
/** Sticky: tried at one position. */
const PATTERN_AT = new RegExp(PATTERN_SOURCE, 'y');
const PATTERN_START = patternStarts(PATTERNS.map(([, re]) => re));
const PATTERN_SEEDS = PATTERNS.map(([name]) => hashString(SEED.pattern, name));

function dense(name: string): number {
  return hashString(SEED.dense, name);
}
const D = {
  lexPos: dense('lex+'),
  lexNeg: dense('lex-'),
  complaint: dense('complaint'),
  negatedComplaint: dense('complaint-negated'),
  emoticon: dense('emoticon'),
};
const BUCKETS = {
  pos: [0, 1, 2, 3].map((i) => dense(`lex+:${i}`)),
  neg: [0, 1, 2, 3].map((i) => dense(`lex-:${i}`)),
  balance: [dense('lex:neg>pos'), dense('lex:pos>neg'), dense('lex:tie')],
  length: [dense('len:<10'), dense('len:<30'), dense('len:<80'), dense('len:>=80')],
};

/** A growable sparse vector of hashed features, reused between documents. */
export class FeatureBuffer {
  hashes = new Uint32Array(512);
  values = new Float32Array(512);
  /**
   * Where each feature came from, kept only when evidence is wanted: the token span [from, to),
   * or (from = -1) an entry of `extra` (emoticons, patterns), or nothing (from = to = -1).
   */
  from = new Int32Array(512);
  to = new Int32Array(512);
  extra: string[] = [];
  length = 0;
  /** The character bigrams, features [charsFrom, charsTo): no source, half of all features. */
  charsFrom = 0;
  charsTo = 0;
  /**
   * Per token, 1 when it is in a sentiment, complaint, negation or degree list (as the features
   * read it), else 0: a phrase is evidence only with such a word in it.
   */
  listed = new Uint8Array(256);

  constructor(readonly keepTerms = false) {}

  reset(): void {
    this.length = 0;
    this.extra.length = 0;
  }

  /** `add` for a token span without the capacity checks: room must have been `reserve`d. */
  put(hash: number, value: number, from: number, to: number): void {
    const n = this.length++;
    this.hashes[n] = finalise(hash);
    this.values[n] = value;
    if (this.keepTerms) {
      this.from[n] = from;
      this.to[n] = to;
    }
  }

  /** Makes room for `n` more features, so a loop can write them straight into the arrays. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.hashes.length) return;
    let size = this.hashes.length;
    while (size < need) size *= 2;
    const hashes = new Uint32Array(size);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const values = new Float32Array(size);
    values.set(this.values);
    this.values = values;
    if (this.keepTerms) {
      const from = new Int32Array(size);
      from.set(this.from);
      this.from = from;
      const to = new Int32Array(size);
      to.set(this.to);
      this.to = to;
    }
  }

  /** Adds a feature; `from`/`to` is its token span, or `from` = -1 with `term` for other sources. */
  add(hash: number, value: number, from = -1, to = -1, term?: string): void {
    this.reserve(1);
    if (this.keepTerms && term !== undefined) {
      this.extra.push(term);
      to = this.extra.length - 1;
    }
    this.put(hash, value, from, to);
  }
}

/** The four hashes of a word, written by `wordHashes` (int32: a uint32 above 2^31 would be boxed). */
const H = new Int32Array(4);

/**
 * `hashString` of the word with four seeds in one pass over its characters, into H: as a word (or
 * negated word), as the second half of a bigram after the previous word (its first half, H[2],
 * as the last call left it: passed in the array, not as an argument that V8 would box), as the
 * next bigram's first half, as a lexicon key. `lower`: Latin letters are lower-cased first.
 * Returns the lower-cased string when it had to be built (a character with case outside ASCII in
 * a word that is lower-cased), else undefined.
 */
function wordHashes(raw: string, lower: boolean, seed: number): string | undefined {
  const prevHash = H[2] as number;
  let hw = seed | 0;
  let hb = hashCode(prevHash, 0x7c) | 0;
  let hp = SEED.bigram | 0;
  let hl = SEED.lexicon | 0;
  for (let k = 0; k < raw.length; k++) {
    let c = raw.charCodeAt(k);
    if (lower && c >= 0x41) {
      // CJK (U+3000–9FFF) has no case: 10月, 5G网络 need no lower-cased copy.
      if (c >= 0x80) {
        if (c < 0x3000 || c > 0x9fff) return wordHashesOf(raw.toLowerCase(), seed, prevHash);
      } else if (c <= 0x5a) c += 32;
    }
    hw = Math.imul(hw ^ c, 0x01000193);
    hb = Math.imul(hb ^ c, 0x01000193);
    hp = Math.imul(hp ^ c, 0x01000193);
    hl = Math.imul(hl ^ c, 0x01000193);
  }
  H[0] = hw;
  H[1] = hb;
  H[2] = hp;
  H[3] = hl;
  return undefined;
}

function wordHashesOf(w: string, seed: number, prevHash: number): string {
  H[0] = hashString(seed, w);
  H[1] = hashString(hashCode(prevHash, 0x7c), w);
  H[2] = hashString(SEED.bigram, w);
  H[3] = hashString(SEED.lexicon, w);
  return w;
}

function bucket(x: number): number {
  return x <= 0 ? 0 : x < 1.5 ? 1 : x < 2.5 ? 2 : 3;
}

/**
 * Turns one cleaned text and its jieba tokens into hashed features: word unigrams (marked when
 * inside a negation scope) and bigrams, character bigrams, emoticons, rhetorical patterns, and
 * lexicon counts weighted by degree adverbs and flipped by negation.
 */
export function extractFeatures(
  text: string,
  tokens: readonly string[],
  emoticons: readonly string[],
  lexicon: Lexicon,
  out: FeatureBuffer,
): void {
  out.reset();
  H[2] = 0; // the first word has none before it
  let negFrom = -1; // index of the negation word whose scope we are in
  let negUntil = -1;
  let degree = 1;
  let degreeUntil = -1;
  let pos = 0;
  let neg = 0;
  const table = wordTable(lexicon);
  if (out.listed.length < tokens.length) out.listed = new Uint8Array(tokens.length * 2);
  const listed = out.listed;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] as string;
    // words that start with a Latin letter or digit are lower-cased (single characters are not)
    const lower = raw.length !== 1 && raw.charCodeAt(0) <= 0x7f;
    const negated = i <= negUntil;
    const start = negated ? negFrom : i;
    const w = wordHashes(raw, lower, negated ? SEED.negatedWord : SEED.word);
    const hw = H[0] as number;
    const hb = H[1] as number;
    const hl = H[3] as number;
    out.reserve(4); // a word adds at most four features
    out.put(hw, 1, start, i + 1);
    if (i > 0) out.put(hb, 1, i - 1, i + 1);

    let slot = lookup(table, hl);
    if ((slot & LISTED) !== 0) slot = confirm(table, slot, w ?? (lower ? raw.toLowerCase() : raw));
    listed[i] = slot === 0 ? 0 : 1;
    if (slot === 0) continue;
    const strength = i <= degreeUntil ? degree : 1;
    if ((slot & (POSITIVE_WORD | NEGATIVE_WORD)) !== 0) {
      const positive = (slot & POSITIVE_WORD) !== 0 ? !negated : negated;
      if (positive) pos += strength;
      else neg += strength;
      out.put(positive ? D.lexPos : D.lexNeg, strength, start, i + 1);
    }
    if ((slot & COMPLAINT) !== 0) {
      out.put(negated ? D.negatedComplaint : D.complaint, strength, start, i + 1);
      if (!negated) neg += strength;
    }

    if ((slot & NEGATION) !== 0) {
      // a negation inside a negation scope cancels it (不是不好)
      if (negated) negUntil = -1;
      else {
        negFrom = i;
        negUntil = i + NEGATION_SCOPE;
      }
    }
    if ((slot & DEGREE_FLAG) !== 0) {
      degree = table.degree[entryOf(slot)] as number;
      degreeUntil = i + 2;
    }
  }

  // character bigrams over the text (punctuation included: 吗？ and ！！ carry tone)
  // (written straight into the buffer: they are half of all features and have no source span)
  out.reserve(text.length);
  const first = out.length;
  let n = first;
  const hashes = out.hashes;
  const values = out.values;
  let c0 = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      c0 = 0;
      continue;
    }
    if (c0 !== 0) {
      hashes[n] = finalise(hashCode(hashCode(SEED.char2, c0), c));
      values[n++] = CHAR_WEIGHT;
    }
    c0 = c;
  }
  if (out.keepTerms) {
    out.from.fill(-1, first, n);
    out.to.fill(-1, first, n);
  }
  out.charsFrom = first;
  out.charsTo = n;
  out.length = n;

  for (const e of emoticons) {
    out.add(hashString(SEED.emoticon, e), 1, -1, -1, `[${e}]`);
    out.add(D.emoticon, 0.5);
  }

  // The same matches as a global search with PATTERN_RE (leftmost first, then on from the match's
  // end), but the regex is only tried where a pattern can start.
  for (let i = 0; i < text.length; ) {
    if (PATTERN_START[text.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    PATTERN_AT.lastIndex = i;
    const m = PATTERN_AT.exec(text);
    if (m === null) {
      i++;
      continue;
    }
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        out.add(PATTERN_SEEDS[g - 1] as number, 1, -1, -1, m[0]);
        break;
      }
    }
    i = PATTERN_AT.lastIndex > i ? PATTERN_AT.lastIndex : i + 1;
  }

  out.add(BUCKETS.pos[bucket(pos)] as number, 1);
  out.add(BUCKETS.neg[bucket(neg)] as number, 1);
  out.add(BUCKETS.balance[neg > pos ? 0 : pos > neg ? 1 : 2] as number, 1);
  const chars = text.length;
  out.add(BUCKETS.length[chars < 10 ? 0 : chars < 30 ? 1 : chars < 80 ? 2 : 3] as number, 1);
}
