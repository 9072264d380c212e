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
const CHAR = 0;
const BIGRAM = 1;
const TRIGRAM = 2;
const WORD = 3;

/**
 * The tagger's emission scores, read from a prepared text (`prepareText`): the same scores as
 * `NerModel.tag` gives for `hashFeatures`' hashes, at a fraction of the cost.
 *
 * - The rows of the characters, bigrams and trigrams are looked up once per position, and a
 *   word's row once per word; each character then reads its weights from rows its neighbours
 *   have just brought into the cache (`TEMPLATE_ROW`).
 * - The plain templates have few values each: character types, B/M/E/S positions, jieba tags,
 *   list marks (position × tag × previous tag has the most, ~20 k). Their weights' offsets are
 *   memoised by the values themselves: one read of a small table, no hashing, no probing.
 */
class NerScorer {
  private readonly tables: Int32Array[];
  /** Tag ids the memos have room for. */
  private tags = 0;
  private readonly types = new Int32Array(6 * 6 * 6).fill(UNKNOWN);
  private readonly region = new Int32Array(5 * 5).fill(UNKNOWN);
  private readonly world = new Int32Array(5 * 5).fill(UNKNOWN);
  private readonly org = new Int32Array(5 * 5 * 5).fill(UNKNOWN);
  private readonly surnameBefore = new Int32Array(5 * 5).fill(UNKNOWN);
  private wordTag = new Int32Array(0);
  private withPrev = new Int32Array(0);
  private withNext = new Int32Array(0);
  private surname = new Int32Array(0);
  private place = new Int32Array(0);
  /** Row offsets of the character, bigram and trigram at each padded position. */
  private rows = ROW_WIDTHS.slice(0, 3).map(() => new Int32Array(1028));
  private em = new Float64Array(0);
  /** Where each template's weights start, for the character being scored. */
  private readonly at = new Int32Array(24);

  /** The bias weights (integers: int8 values). */
  private readonly bias: Int32Array;

  constructor(private readonly model: NerModel) {
    this.tables = model.tables.slice(1) as Int32Array[];
    this.bias = Int32Array.from(model.bias);
  }

  /** Room in the tag-indexed memos for every tag id in use (jieba has ~60 tags; they grow rarely). */
  private fitTags(): void {
    const need = tagCount();
    if (need <= this.tags) return;
    const tags = Math.max(64, need * 2);
    this.tags = tags;
    this.wordTag = new Int32Array(5 * tags).fill(UNKNOWN);
    this.withPrev = new Int32Array(5 * tags * tags).fill(UNKNOWN);
    this.withNext = new Int32Array(5 * tags * tags).fill(UNKNOWN);
    this.surname = new Int32Array(25 * tags).fill(UNKNOWN);
    this.place = new Int32Array(125 * tags).fill(UNKNOWN);
  }

  /** Where plain template `template`'s weights start for these values (memoised by the caller). */
  private plain(template: number, a: number, b: number, c?: number, d?: number): number {
    return this.model.plainOffset(templateHash(template, a, b, c, d));
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
    const w = this.model.weights;
    const bias = this.bias;
    const { types, region, world, org, surnameBefore, wordTag, withPrev, withNext, surname, place } = this;
    const { c, type, wPos, wHash, wTag, prevTag, nextTag } = p;
    const { uni, bi, tri } = ngramGroups(c, from, to);
    const charRow = this.rows[CHAR] as Int32Array;
    const bigramRow = this.rows[BIGRAM] as Int32Array;
    const trigramRow = this.rows[TRIGRAM] as Int32Array;
    const charTable = tables[CHAR] as Int32Array;
    const bigramTable = tables[BIGRAM] as Int32Array;
    const trigramTable = tables[TRIGRAM] as Int32Array;
    const wordTable = tables[WORD] as Int32Array;
    for (let r = from; r < to + 4; r++) charRow[r] = lookup(charTable, uni[r] as number);
    for (let r = from; r < to + 3; r++) bigramRow[r] = lookup(bigramTable, bi[r] as number);
    for (let r = from; r < to + 2; r++) trigramRow[r] = lookup(trigramTable, tri[r] as number);
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
      if (i === from || wHash[i] !== wHash[i - 1]) word = lookup(wordTable, wordKey(wHash[i] as number));
      at[13] = word + wp * ROW;
      const t0 = type[i + 1] as number;
      const t1 = type[i + 2] as number;
      const t2 = type[i + 3] as number;
      let k = (t0 * 6 + t1) * 6 + t2;
      let o = types[k] as number;
      if (o === UNKNOWN) o = types[k] = this.plain(12, t0, t1, t2);
      at[14] = o;
      k = wp + 5 * wt;
      o = wordTag[k] as number;
      if (o === UNKNOWN) o = wordTag[k] = this.plain(13, wp, tagValue(wt));
      at[15] = o;
      const pt = prevTag[i] as number;
      k = wp + 5 * (wt + tags * pt);
      o = withPrev[k] as number;
      if (o === UNKNOWN) o = withPrev[k] = this.plain(15, wp, tagValue(wt), tagValue(pt));
      at[16] = o;
      const nt = nextTag[i] as number;
      k = wp + 5 * (wt + tags * nt);
      o = withNext[k] as number;
      if (o === UNKNOWN) o = withNext[k] = this.plain(16, wp, tagValue(wt), tagValue(nt));
      at[17] = o;
      const rg = p.region[i] as number;
      k = rg * 5 + wp;
      o = region[k] as number;
      if (o === UNKNOWN) o = region[k] = this.plain(18, rg, wp);
      at[18] = o;
      const wo = p.world[i] as number;
      k = wo * 5 + wp;
      o = world[k] as number;
      if (o === UNKNOWN) o = world[k] = this.plain(19, wo, wp);
      at[19] = o;
      const og = p.org[i] as number;
      const on = i + 1 < p.n ? (p.org[i + 1] as number) : 0;
      k = (og * 5 + on) * 5 + wp;
      o = org[k] as number;
      if (o === UNKNOWN) o = org[k] = this.plain(20, og, on, wp);
      at[20] = o;
      const sn = p.surname[i] as number;
      k = sn * 5 + wp + 25 * wt;
      o = surname[k] as number;
      if (o === UNKNOWN) o = surname[k] = this.plain(21, sn, wp, tagValue(wt));
      at[21] = o;
      const sp = i > 0 ? (p.surname[i - 1] as number) : 0;
      k = sp * 5 + wp;
      o = surnameBefore[k] as number;
      if (o === UNKNOWN) o = surnameBefore[k] = this.plain(22, sp, wp);
      at[22] = o;
      const pl = p.place[i] as number;
      const pn = p.placeNext[i] as number;
      k = (pl * 5 + pn) * 5 + wp + 125 * wt;
      o = place[k] as number;
      if (o === UNKNOWN) o = place[k] = this.plain(23, pl, pn, wp, tagValue(wt));
      at[23] = o;
      // Seven running sums in int32 locals: int8 weights need no conversion to add, and a local
      // is far faster than read-modify-write on the array.
      let s0 = bias[0] as number;
      let s1 = bias[1] as number;
      let s2 = bias[2] as number;
      let s3 = bias[3] as number;
      let s4 = bias[4] as number;
      let s5 = bias[5] as number;
      let s6 = bias[6] as number;
      for (let f = 0; f < 24; f++) {
        const r = at[f] as number;
        s0 = (s0 + (w[r] as number)) | 0;
        s1 = (s1 + (w[r + 1] as number)) | 0;
        s2 = (s2 + (w[r + 2] as number)) | 0;
        s3 = (s3 + (w[r + 3] as number)) | 0;
        s4 = (s4 + (w[r + 4] as number)) | 0;
        s5 = (s5 + (w[r + 5] as number)) | 0;
        s6 = (s6 + (w[r + 6] as number)) | 0;
      }
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

/**
 * Tags of characters [from, to) of a prepared text (`prepareText`), decoded as a sequence of
 * their own: what `model.tag` gives for their `hashFeatures`, faster.
 */
export function tagPrepared(model: NerModel, p: PreparedText, from = 0, to = p.n): Uint8Array {
  let scorer = scorers.get(model);
  if (!scorer) {
    scorer = new NerScorer(model);
    scorers.set(model, scorer);
  }
  return model.decode(scorer.emissions(p, from, to), to - from);
}
