import {
  ngramGroups,
  type PreparedText,
  ROW_WIDTHS,
  tagCount,
  tagValue,
  templateHash,
  wordKey,
} from './ner-features.ts';
import { lookup, type NerModel, ROW } from './ner-model.ts';

/** A memo entry not yet looked up. */
const UNKNOWN = -1;
/**
 * PACKED: a character's 19 weight rows are added four bytes at a time. Each int8 weight is stored
 * plus 128 (0–255), and a word's bytes are split into two 16-bit lanes (bytes 0 and 2, then 1 and
 * 3), so no lane can carry into the next: 14 rows of at most 255 and 5 memo rows (sums of at most
 * four weights, plus MEMO_BIAS) stay below 2^14. The exact integer sums come out by taking the
 * biases off. (Bytes 0–3 of a row are the low to high bytes of its first word: little-endian, as
 * x86 and ARM are.)
 */
const MEMO_BIAS = 512;
const LANE_BIAS = 14 * 128 + 5 * MEMO_BIAS;
const CHAR = 0;
const BIGRAM = 1;
const TRIGRAM = 2;
const WORD = 3;

/** Bits of a key filter (`keyFilter`): 16 KB, 8 or more a key of the bigram, trigram and word tables. */
const FILTER_BITS = 17;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/**
 * One bit per key of a key table (`lookup`), by the key's bits above the sub-index. Most bigrams
 * (2 in 3), trigrams (24 in 25) and words (1 in 2) of a text are not in the model: this small
 * table says so for most of them without probing the key table (128–256 KB, a cache miss). Key 0
 * (an empty slot) always passes.
 */
function keyFilter(slots: Int32Array): Int32Array {
  const bits = new Int32Array((FILTER_MASK + 1) >> 5);
  bits[0] = 1;
  for (let s = 0; s < slots.length; s += 2) {
    const b = ((slots[s] as number) >>> 4) & FILTER_MASK;
    bits[b >>> 5] = (bits[b >>> 5] as number) | (1 << (b & 31));
  }
  return bits;
}

/** `lookup` of a key, with the key table's `keyFilter` asked first. */
function filteredLookup(filter: Int32Array, slots: Int32Array, key: number): number {
  const b = (key >>> 4) & FILTER_MASK;
  return ((filter[b >>> 5] as number) & (1 << (b & 31))) === 0 ? 0 : lookup(slots, key);
}

/**
 * The tagger's emission scores, read from a prepared text (`prepareText`): the same scores as
 * `NerModel.tag` gives for `hashFeatures`' hashes, at a fraction of the cost.
 *
 * - The rows of the characters, bigrams and trigrams are looked up once per position, and a
 *   word's row once per word; each character then reads its weights from rows its neighbours
 *   have just brought into the cache (`TEMPLATE_ROW`).
 * - The plain templates have few values each: character types, B/M/E/S positions, jieba tags,
 *   list marks. They are memoised in five groups by their values (the list marks together, the
 *   word's tag with the previous tag …): one read of a small table gives the group's weights
 *   already added up, with no hashing and no probing.
 * - The rows are added four weights at a time (PACKED): half the operations of one at a time.
 */
class NerScorer {
  private readonly tables: Int32Array[];
  /** `keyFilter`s of the bigram, trigram and word key tables. */
  private readonly bigramFilter: Int32Array;
  private readonly trigramFilter: Int32Array;
  private readonly wordFilter: Int32Array;
  /** Tag ids the memos have room for. */
  private tags = 0;
  /**
   * Memos from the plain templates' values to their summed weights' row in `sums`: character
   * types; the list marks (region, world place, organisation ending here and next, surname
   * before) with the place in the word; the word's tag with the previous tag; with the next tag;
   * the surname and place-ending marks with the word's tag.
   */
  private readonly types = new Int32Array(6 * 6 * 6).fill(UNKNOWN);
  private readonly lists = new Int32Array(5 ** 6).fill(UNKNOWN);
  private withPrev = new Int32Array(0);
  private withNext = new Int32Array(0);
  private names = new Int32Array(0);
  /** Rows of 4 words (`PACKED`): the weights of a memo's templates added up, plus MEMO_BIAS. */
  private sums = new Uint32Array(4 * 1024);
  private rowsSummed = 0;
  /** The row of each (folded) character code, memoised: a text has few distinct characters. */
  private readonly charRowOf = new Int32Array(0x10000).fill(UNKNOWN);
  /** Row offsets of the character, bigram and trigram at each padded position. */
  private rows = ROW_WIDTHS.slice(0, 3).map(() => new Int32Array(1028));
  private em = new Float64Array(0);
  /** Where each template's weights start, for the character being scored. */
  private readonly at = new Int32Array(19);

  /** The bias weights (integers: int8 values). */
  private readonly bias: Int32Array;
  /** The model's weights plus 128 (each byte XOR 0x80), read four at a time (`PACKED`). */
  private readonly packed: Uint32Array;

  constructor(private readonly model: NerModel) {
    this.tables = model.tables.slice(1) as Int32Array[];
    this.bigramFilter = keyFilter(this.tables[BIGRAM] as Int32Array);
    this.trigramFilter = keyFilter(this.tables[TRIGRAM] as Int32Array);
    this.wordFilter = keyFilter(this.tables[WORD] as Int32Array);
    this.bias = Int32Array.from(model.bias);
    const biased = new Uint8Array(model.weights.slice().buffer);
    for (let i = 0; i < biased.length; i++) biased[i] = (biased[i] as number) ^ 0x80;
    this.packed = new Uint32Array(biased.buffer);
  }

  /** Room in the tag-indexed memos for every tag id in use (jieba has ~60 tags; they grow rarely). */
  private fitTags(): void {
    const need = tagCount();
    if (need <= this.tags) return;
    const tags = Math.max(64, need * 2);
    this.tags = tags;
    this.withPrev = new Int32Array(5 * tags * tags).fill(UNKNOWN);
    this.withNext = new Int32Array(5 * tags * tags).fill(UNKNOWN);
    this.names = new Int32Array(625 * tags).fill(UNKNOWN);
  }

  /** Where plain template `template`'s weights start for these values (memoised by the caller). */
  private plain(template: number, a: number, b: number, c?: number, d?: number): number {
    return this.model.plainOffset(templateHash(template, a, b, c, d));
  }

  /** A new row of `sums`: the int8 weights at these offsets added up; returns where it starts. */
  private sum(...offsets: number[]): number {
    if (this.sums.length < (this.rowsSummed + 1) * 4) {
      const bigger = new Uint32Array(this.sums.length * 2);
      bigger.set(this.sums);
      this.sums = bigger;
    }
    const w = this.model.weights;
    const lane = new Int32Array(8).fill(MEMO_BIAS);
    for (const o of offsets) for (let y = 0; y < 7; y++) lane[y] = (lane[y] as number) + (w[o + y] as number);
    const row = this.rowsSummed++ * 4;
    for (let k = 0; k < 4; k++) {
      // The lanes as a packed weight row reads them: words of tags (0, 2), (1, 3), (4, 6), (5, 7).
      const a = (k >> 1) * 4 + (k & 1);
      this.sums[row + k] = ((lane[a] as number) | ((lane[a + 2] as number) << 16)) >>> 0;
    }
    return row;
  }

  /**
   * Emission scores of characters [from, to) of a prepared text: (to − from) × 7, in a buffer
   * reused by the next call.
   */
  emissions(p: PreparedText, from: number, to: number): Float64Array {
    this.fitTags();
    const n = to - from;
    if (this.em.length < n * 7) this.em = new Float64Array(n * 14);
    if ((this.rows[0] as Int32Array).length < to + 4)
      this.rows = this.rows.map(() => new Int32Array(to * 2 + 4));
    const { em, at, tags, tables } = this;
    const { packed, bias } = this;
    const { types, lists, withPrev, withNext, names } = this;
    const { c, type, wPos, wHash, wTag, prevTag, nextTag } = p;
    const { uni, bi, tri } = ngramGroups(c, from, to);
    const charRow = this.rows[CHAR] as Int32Array;
    const bigramRow = this.rows[BIGRAM] as Int32Array;
    const trigramRow = this.rows[TRIGRAM] as Int32Array;
    const charTable = tables[CHAR] as Int32Array;
    const bigramTable = tables[BIGRAM] as Int32Array;
    const trigramTable = tables[TRIGRAM] as Int32Array;
    const wordTable = tables[WORD] as Int32Array;
    const rowOf = this.charRowOf;
    for (let r = from; r < to + 4; r++) {
      const x = c[r] as number;
      let o = rowOf[x] as number;
      if (o === UNKNOWN) o = rowOf[x] = lookup(charTable, uni[r] as number);
      charRow[r] = o;
    }
    const { bigramFilter, trigramFilter, wordFilter } = this;
    for (let r = from; r < to + 3; r++)
      bigramRow[r] = filteredLookup(bigramFilter, bigramTable, bi[r] as number);
    for (let r = from; r < to + 2; r++)
      trigramRow[r] = filteredLookup(trigramFilter, trigramTable, tri[r] as number);
    let word = 0;
    for (let i = from; i < to; i++) {
      const wp = wPos[i] as number;
      const wt = wTag[i] as number;
      // Sub-index k of the n-gram row at padded position i + k is for character i (TEMPLATE_ROW).
      at[0] = charRow[i] as number;
      at[1] = (charRow[i + 1] as number) + ROW;
      at[2] = (charRow[i + 2] as number) + 2 * ROW;
      at[3] = (charRow[i + 3] as number) + 3 * ROW;
      at[4] = (charRow[i + 4] as number) + 4 * ROW;
      at[5] = bigramRow[i] as number;
      at[6] = (bigramRow[i + 1] as number) + ROW;
      at[7] = (bigramRow[i + 2] as number) + 2 * ROW;
      at[8] = (bigramRow[i + 3] as number) + 3 * ROW;
      at[9] = trigramRow[i] as number;
      at[10] = (trigramRow[i + 1] as number) + ROW;
      at[11] = (trigramRow[i + 2] as number) + 2 * ROW;
      at[12] = (charRow[i + 2] as number) + (5 + wp) * ROW;
      if (i === from || wHash[i] !== wHash[i - 1])
        word = filteredLookup(wordFilter, wordTable, wordKey(wHash[i] as number));
      at[13] = word + wp * ROW;
      const t0 = type[i + 1] as number;
      const t1 = type[i + 2] as number;
      const t2 = type[i + 3] as number;
      let k = (t0 * 6 + t1) * 6 + t2;
      let o = types[k] as number;
      if (o === UNKNOWN) o = types[k] = this.sum(this.plain(12, t0, t1, t2));
      at[14] = o;
      const pt = prevTag[i] as number;
      k = wp + 5 * (wt + tags * pt);
      o = withPrev[k] as number;
      if (o === UNKNOWN) {
        const v = tagValue(wt);
        o = withPrev[k] = this.sum(this.plain(13, wp, v), this.plain(15, wp, v, tagValue(pt)));
      }
      at[15] = o;
      const nt = nextTag[i] as number;
      k = wp + 5 * (wt + tags * nt);
      o = withNext[k] as number;
      if (o === UNKNOWN) o = withNext[k] = this.sum(this.plain(16, wp, tagValue(wt), tagValue(nt)));
      at[16] = o;
      const rg = p.region[i] as number;
      const wo = p.world[i] as number;
      const og = p.org[i] as number;
      const on = i + 1 < p.n ? (p.org[i + 1] as number) : 0;
      const sp = i > 0 ? (p.surname[i - 1] as number) : 0;
      k = ((((rg * 5 + wo) * 5 + og) * 5 + on) * 5 + sp) * 5 + wp;
      o = lists[k] as number;
      if (o === UNKNOWN) {
        o = lists[k] = this.sum(
          this.plain(18, rg, wp),
          this.plain(19, wo, wp),
          this.plain(20, og, on, wp),
          this.plain(22, sp, wp),
        );
      }
      at[17] = o;
      const sn = p.surname[i] as number;
      const pl = p.place[i] as number;
      const pn = p.placeNext[i] as number;
      k = ((sn * 5 + pl) * 5 + pn) * 5 + wp + 625 * wt;
      o = names[k] as number;
      if (o === UNKNOWN) {
        const v = tagValue(wt);
        o = names[k] = this.sum(this.plain(21, sn, wp, v), this.plain(23, pl, pn, wp, v));
      }
      at[18] = o;
      // PACKED: four sums of two 16-bit lanes each, a weight row read as two 32-bit words.
      let a = 0;
      let b = 0;
      let c2 = 0;
      let d = 0;
      for (let f = 0; f < 14; f++) {
        const r = (at[f] as number) >> 2;
        const x = packed[r] as number;
        const y = packed[r + 1] as number;
        a += x & 0x00ff00ff;
        b += (x >>> 8) & 0x00ff00ff;
        c2 += y & 0x00ff00ff;
        d += (y >>> 8) & 0x00ff00ff;
      }
      const sums = this.sums; // after the memos: a new row may have grown it
      for (let f = 14; f < 19; f++) {
        const r = at[f] as number;
        a += sums[r] as number;
        b += sums[r + 1] as number;
        c2 += sums[r + 2] as number;
        d += sums[r + 3] as number;
      }
      const s0 = (a & 0xffff) - LANE_BIAS + (bias[0] as number);
      const s1 = (b & 0xffff) - LANE_BIAS + (bias[1] as number);
      const s2 = (a >>> 16) - LANE_BIAS + (bias[2] as number);
      const s3 = (b >>> 16) - LANE_BIAS + (bias[3] as number);
      const s4 = (c2 & 0xffff) - LANE_BIAS + (bias[4] as number);
      const s5 = (d & 0xffff) - LANE_BIAS + (bias[5] as number);
      const s6 = (c2 >>> 16) - LANE_BIAS + (bias[6] as number);
      const e = (i - from) * 7;
      em[e] = s0;
      em[e + 1] = s1;
      em[e + 2] = s2;
      em[e + 3] = s3;
      em[e + 4] = s4;
      em[e + 5] = s5;
      em[e + 6] = s6;
    }
    return em;
  }
}

const scorers = new WeakMap<NerModel, NerScorer>();
/** The tags of the last `tagPrepared`, reused. */
let tagBuffer = new Uint8Array(1024);

/**
 * Tags of characters [from, to) of a prepared text (`prepareText`), decoded as a sequence of
 * their own: what `model.tag` gives for their `hashFeatures`, faster. The tags are valid until
 * the next call.
 */
export function tagPrepared(model: NerModel, p: PreparedText, from = 0, to = p.n): Uint8Array {
  let scorer = scorers.get(model);
  if (!scorer) {
    scorer = new NerScorer(model);
    scorers.set(model, scorer);
  }
  const n = to - from;
  if (tagBuffer.length < n) tagBuffer = new Uint8Array(n * 2);
  return model.decode(scorer.emissions(p, from, to), n, tagBuffer).subarray(0, n);
}
