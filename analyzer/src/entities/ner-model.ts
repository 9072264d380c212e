import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BIAS, BIAS_HASH, FEATURES, KEY_MASK, ROW_WIDTHS, TEMPLATE_ROW } from './ner-features.ts';

/** BIO tags: 0 O, then B and I of each type. */
export const NER_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type NerLabel = (typeof NER_TYPES)[number];
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const T = TAGS.length;

/** I-X may only follow B-X or I-X; a sentence may not start with I-X. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from < T && (from === to || from === to - 1);
}

export const DEFAULT_NER_MODEL_PATH = fileURLToPath(new URL('../../models/ner.bin.gz', import.meta.url));
const MAGIC = 0x4e455235; // "NER5"

export interface NerModelMeta {
  /** Each key table has 2^bits slots: plain features, then the rows of each kind (`ROW_WIDTHS`). */
  tableBits: number[];
  /** Bytes of the weights. */
  weightBytes: number;
  features: number;
  tags: readonly string[];
  /** A weight is its stored int8 value times this. */
  scale: number;
  /** Features with weights in the table (the rest of what training saw was pruned). */
  kept: number;
  trainedOn: string;
}

const NEVER = -1e30;
/** Back pointers and last scores of `decode`, reused. */
let back = new Uint8Array(0);
const last = new Float64Array(T);

/** Transition scores with the moves BIO forbids set to NEVER: (T + 1) × T, row T is the start. */
export function moveScores(trans: Float64Array): Float64Array {
  const move = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++)
    for (let y = 0; y < T; y++) move[p * T + y] = allowed(p, y) ? (trans[p * T + y] as number) : NEVER;
  return move;
}

/**
 * Best tag sequence under emission scores `em` (n × T) and transition scores `trans` (T × T, from
 * row to column; row T holds the scores of starting with each tag). Disallowed moves are skipped.
 */
export function viterbi(em: Float64Array, n: number, trans: Float64Array): Uint8Array {
  return decode(em, n, moveScores(trans));
}

/**
 * Viterbi over `moveScores`, unrolled for the seven BIO tags (scores in locals, not arrays): O and
 * B-X may follow any tag, I-X only B-X or I-X, so the I tags look at two predecessors, not seven.
 */
export function decode(
  em: Float64Array,
  n: number,
  move: Float64Array,
  tags: Uint8Array = new Uint8Array(n),
): Uint8Array {
  if (n === 0) return tags;
  if (back.length < n * T) back = new Uint8Array(n * T * 2);
  const m00 = move[0] as number;
  const m10 = move[7] as number;
  const m20 = move[14] as number;
  const m30 = move[21] as number;
  const m40 = move[28] as number;
  const m50 = move[35] as number;
  const m60 = move[42] as number;
  const m01 = move[1] as number;
  const m11 = move[8] as number;
  const m21 = move[15] as number;
  const m31 = move[22] as number;
  const m41 = move[29] as number;
  const m51 = move[36] as number;
  const m61 = move[43] as number;
  const m03 = move[3] as number;
  const m13 = move[10] as number;
  const m23 = move[17] as number;
  const m33 = move[24] as number;
  const m43 = move[31] as number;
  const m53 = move[38] as number;
  const m63 = move[45] as number;
  const m05 = move[5] as number;
  const m15 = move[12] as number;
  const m25 = move[19] as number;
  const m35 = move[26] as number;
  const m45 = move[33] as number;
  const m55 = move[40] as number;
  const m65 = move[47] as number;
  const m12 = move[9] as number;
  const m22 = move[16] as number;
  const m34 = move[25] as number;
  const m44 = move[32] as number;
  const m56 = move[41] as number;
  const m66 = move[48] as number;
  let p0 = (em[0] as number) + (move[49] as number);
  let p1 = (em[1] as number) + (move[50] as number);
  let p2 = (em[2] as number) + (move[51] as number);
  let p3 = (em[3] as number) + (move[52] as number);
  let p4 = (em[4] as number) + (move[53] as number);
  let p5 = (em[5] as number) + (move[54] as number);
  let p6 = (em[6] as number) + (move[55] as number);
  for (let i = 1; i < n; i++) {
    const o = i * T;
    let t: number;
    let b0 = p0 + m00;
    let a0 = 0;
    t = p1 + m10;
    if (t > b0) {
      b0 = t;
      a0 = 1;
    }
    t = p2 + m20;
    if (t > b0) {
      b0 = t;
      a0 = 2;
    }
    t = p3 + m30;
    if (t > b0) {
      b0 = t;
      a0 = 3;
    }
    t = p4 + m40;
    if (t > b0) {
      b0 = t;
      a0 = 4;
    }
    t = p5 + m50;
    if (t > b0) {
      b0 = t;
      a0 = 5;
    }
    t = p6 + m60;
    if (t > b0) {
      b0 = t;
      a0 = 6;
    }
    let b1 = p0 + m01;
    let a1 = 0;
    t = p1 + m11;
    if (t > b1) {
      b1 = t;
      a1 = 1;
    }
    t = p2 + m21;
    if (t > b1) {
      b1 = t;
      a1 = 2;
    }
    t = p3 + m31;
    if (t > b1) {
      b1 = t;
      a1 = 3;
    }
    t = p4 + m41;
    if (t > b1) {
      b1 = t;
      a1 = 4;
    }
    t = p5 + m51;
    if (t > b1) {
      b1 = t;
      a1 = 5;
    }
    t = p6 + m61;
    if (t > b1) {
      b1 = t;
      a1 = 6;
    }
    let b3 = p0 + m03;
    let a3 = 0;
    t = p1 + m13;
    if (t > b3) {
      b3 = t;
      a3 = 1;
    }
    t = p2 + m23;
    if (t > b3) {
      b3 = t;
      a3 = 2;
    }
    t = p3 + m33;
    if (t > b3) {
      b3 = t;
      a3 = 3;
    }
    t = p4 + m43;
    if (t > b3) {
      b3 = t;
      a3 = 4;
    }
    t = p5 + m53;
    if (t > b3) {
      b3 = t;
      a3 = 5;
    }
    t = p6 + m63;
    if (t > b3) {
      b3 = t;
      a3 = 6;
    }
    let b5 = p0 + m05;
    let a5 = 0;
    t = p1 + m15;
    if (t > b5) {
      b5 = t;
      a5 = 1;
    }
    t = p2 + m25;
    if (t > b5) {
      b5 = t;
      a5 = 2;
    }
    t = p3 + m35;
    if (t > b5) {
      b5 = t;
      a5 = 3;
    }
    t = p4 + m45;
    if (t > b5) {
      b5 = t;
      a5 = 4;
    }
    t = p5 + m55;
    if (t > b5) {
      b5 = t;
      a5 = 5;
    }
    t = p6 + m65;
    if (t > b5) {
      b5 = t;
      a5 = 6;
    }
    let b2 = p1 + m12;
    let a2 = 1;
    t = p2 + m22;
    if (t > b2) {
      b2 = t;
      a2 = 2;
    }
    let b4 = p3 + m34;
    let a4 = 3;
    t = p4 + m44;
    if (t > b4) {
      b4 = t;
      a4 = 4;
    }
    let b6 = p5 + m56;
    let a6 = 5;
    t = p6 + m66;
    if (t > b6) {
      b6 = t;
      a6 = 6;
    }
    p0 = b0 + (em[o + 0] as number);
    back[o + 0] = a0;
    p1 = b1 + (em[o + 1] as number);
    back[o + 1] = a1;
    p2 = b2 + (em[o + 2] as number);
    back[o + 2] = a2;
    p3 = b3 + (em[o + 3] as number);
    back[o + 3] = a3;
    p4 = b4 + (em[o + 4] as number);
    back[o + 4] = a4;
    p5 = b5 + (em[o + 5] as number);
    back[o + 5] = a5;
    p6 = b6 + (em[o + 6] as number);
    back[o + 6] = a6;
  }
  last[0] = p0;
  last[1] = p1;
  last[2] = p2;
  last[3] = p3;
  last[4] = p4;
  last[5] = p5;
  last[6] = p6;
  let arg = 0;
  for (let y = 1; y < T; y++) if ((last[y] as number) > (last[arg] as number)) arg = y;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg] as number;
  }
  return tags;
}

export interface NerSpan {
  type: NerLabel;
  start: number;
  end: number;
}

export function tagsToSpans(tags: Uint8Array): NerSpan[] {
  const spans: NerSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const y = tags[i] as number;
    if (y === 0 || y % 2 === 0) continue;
    let j = i + 1;
    while (j < tags.length && tags[j] === y + 1) j++;
    spans.push({ type: NER_TYPES[(y - 1) / 2] as NerLabel, start: i, end: j });
    i = j - 1;
  }
  return spans;
}

/** Weights of a plain feature, or of one sub-index of a row: the seven tags padded to 8 int8. */
export const ROW = 8;
/**
 * The weights start with zeros as wide as the widest row: the offset of every absent feature, so
 * that the tagger adds every feature without a branch.
 */
const ZEROS = Math.max(...ROW_WIDTHS) * ROW;

/**
 * The weights' offset of a key in an open-addressed table (linear probing, 2 ints a slot: the key,
 * 0 when empty, and the offset), or 0 (the zeros) when the table does not have it. The home slot
 * is the key's bits above the sub-index.
 */
export function lookup(slots: Int32Array, key: number): number {
  const mask = (slots.length >> 1) - 1;
  for (let s = (key >>> 4) & mask; ; s = (s + 1) & mask) {
    const k = slots[s * 2] as number;
    if (k === key) return slots[s * 2 + 1] as number;
    if (k === 0) return 0;
  }
}

/** A table for these keys and offsets (in this order: the first sit in their home slots), at most half full. */
function keyTable(offsets: Map<number, number>): Int32Array {
  const bits = Math.max(4, Math.ceil(Math.log2(offsets.size * 2 + 1)));
  const slots = new Int32Array(2 << bits);
  const mask = (1 << bits) - 1;
  for (const [key, offset] of offsets) {
    let s = (key >>> 4) & mask;
    while (slots[s * 2] !== 0) s = (s + 1) & mask;
    slots[s * 2] = key;
    slots[s * 2 + 1] = offset;
  }
  return slots;
}

/**
 * The trained tagger: the kept features' weights (int8, one scale), first-order transitions,
 * Viterbi decoding. Keyed features (`TEMPLATE_ROW`) are grouped in rows, one per character,
 * bigram, trigram or word, so that tagging reads one row per key instead of one table slot per
 * feature; plain features have a row of their own. Each kind has a key table (`lookup`); a key
 * it does not have weighs nothing.
 */
export class NerModel {
  private em = new Float64Array(0);
  private readonly move: Float64Array;
  /** Weights of the bias feature, the same at every character: added once, not looked up. */
  readonly bias: Float64Array;

  constructor(
    readonly meta: NerModelMeta,
    /** Key tables: plain features, then the rows of each kind of `ROW_WIDTHS`. */
    readonly tables: readonly Int32Array[],
    /** ZEROS, then the rows: ROW int8 (T tags, then padding) per feature. */
    readonly weights: Int8Array,
    /** (T + 1) × T transition weights in the same scale as the weights. */
    readonly transitions: Float64Array,
  ) {
    const sizes = meta.tableBits.map((bits) => 2 << bits);
    if (tables.length !== ROW_WIDTHS.length + 1 || tables.some((t, k) => t.length !== sizes[k]))
      throw new Error('NER model key tables do not match its meta');
    if (weights.length !== meta.weightBytes) throw new Error('NER model weights do not match its meta');
    this.move = moveScores(transitions);
    const o = this.plainOffset(BIAS_HASH);
    this.bias = Float64Array.from({ length: T }, (_, y) => weights[o + y] as number);
  }

  /** Where a plain feature's weights start (0: the zeros). */
  plainOffset(h: number): number {
    return lookup(this.tables[0] as Int32Array, h);
  }

  /** Where the row of a key of row kind `kind` starts (0: the zeros). */
  rowOffset(kind: number, key: number): number {
    return lookup(this.tables[kind + 1] as Int32Array, key);
  }

  /** Where the weights of template `template`'s feature `h` start (0: the zeros). */
  private offset(template: number, h: number): number {
    const kind = TEMPLATE_ROW[template] as number;
    if (kind < 0) return this.plainOffset(h);
    return this.rowOffset(kind, h & KEY_MASK) + (h & ~KEY_MASK) * ROW;
  }

  /**
   * Tags of a text from its feature hashes (`extractFeatures`), or of its characters [from, to)
   * decoded as a sequence of their own (only those characters' features are read). Training
   * evaluates with this; tagging uses `tagPrepared` (`ner-scorer.ts`): the same tags, faster.
   */
  tag(features: Int32Array, from = 0, to = features.length / FEATURES): Uint8Array {
    const n = to - from;
    if (this.em.length < n * T) this.em = new Float64Array(n * T * 2);
    const { em, weights: w, bias } = this;
    for (let i = 0; i < n; i++) {
      for (let y = 0; y < T; y++) em[i * T + y] = bias[y] as number;
      // Every template but the bias (the last one).
      for (let k = 0; k < BIAS; k++) {
        const o = this.offset(k, features[(from + i) * FEATURES + k] as number);
        for (let y = 0; y < T; y++) em[i * T + y] = (em[i * T + y] as number) + (w[o + y] as number);
      }
    }
    return this.decode(em, n);
  }

  /** The best tags for emission scores `em` (n × T) under the model's transitions (into `tags` when given). */
  decode(em: Float64Array, n: number, tags?: Uint8Array): Uint8Array {
    return decode(em, n, this.move, tags);
  }

  /**
   * The model from trained float weights: the features in `keep` (ids into `hashes`, the most
   * frequent first so that their keys sit in their home slots), of templates `templates` (by
   * id), each feature's weights centred (a constant added to every tag changes no decision) and
   * quantised to int8 (one scale for all).
   */
  static build(
    meta: Omit<NerModelMeta, 'tableBits' | 'weightBytes' | 'scale' | 'kept'>,
    hashes: Int32Array,
    templates: Uint8Array,
    weights: Float32Array,
    keep: ArrayLike<number>,
    trans: Float64Array,
  ): NerModel {
    const centred = new Float64Array(keep.length * T);
    let max = 0;
    for (let j = 0; j < keep.length; j++) {
      const id = keep[j] as number;
      let mean = 0;
      for (let y = 0; y < T; y++) mean += weights[id * T + y] as number;
      mean /= T;
      for (let y = 0; y < T; y++) {
        const x = (weights[id * T + y] as number) - mean;
        centred[j * T + y] = x;
        max = Math.max(max, Math.abs(x));
      }
    }
    const scale = max / 127 || 1;
    // Each feature's place in the weights: a row of its own (plain) or its sub-index of its key's row.
    const offsets = [new Map<number, number>(), ...ROW_WIDTHS.map(() => new Map<number, number>())];
    const at = new Int32Array(keep.length);
    let size = ZEROS;
    for (let j = 0; j < keep.length; j++) {
      const id = keep[j] as number;
      const h = hashes[id] as number;
      const kind = TEMPLATE_ROW[templates[id] as number] as number;
      const key = kind < 0 ? h : h & KEY_MASK;
      const table = offsets[kind + 1] as Map<number, number>;
      if (key === 0 || (kind < 0 && table.has(key))) continue; // 0 marks an empty slot
      let row = table.get(key);
      if (row === undefined) {
        row = size;
        table.set(key, row);
        size += (kind < 0 ? 1 : (ROW_WIDTHS[kind] as number)) * ROW;
      }
      at[j] = row + (kind < 0 ? 0 : (h & ~KEY_MASK) * ROW);
    }
    const table = new Int8Array(size);
    let kept = 0;
    for (let j = 0; j < keep.length; j++) {
      if (at[j] === 0) continue;
      for (let y = 0; y < T; y++)
        table[(at[j] as number) + y] = Math.round((centred[j * T + y] as number) / scale);
      kept++;
    }
    const tables = offsets.map(keyTable);
    return new NerModel(
      { ...meta, tableBits: tables.map((t) => Math.log2(t.length / 2)), weightBytes: size, scale, kept },
      tables,
      table,
      Float64Array.from(trans, (x) => x / scale),
    );
  }

  /** gzip(magic, meta length, meta JSON, key tables, weights, transitions as float32). */
  save(path: string): number {
    const metaJson = Buffer.from(JSON.stringify(this.meta));
    const head = new Uint32Array([MAGIC, metaJson.length]);
    const bytes = (a: Int32Array | Int8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const body = Buffer.concat([
      Buffer.from(head.buffer),
      metaJson,
      ...this.tables.map(bytes),
      bytes(this.weights),
      Buffer.from(Float32Array.from(this.transitions).buffer),
    ]);
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(path, gz);
    return gz.length;
  }

  static load(path = DEFAULT_NER_MODEL_PATH): NerModel {
    let gz: Buffer;
    try {
      gz = readFileSync(path);
    } catch (err) {
      throw new Error(
        `NER model not found at ${path}: restore analyzer/models/ner.bin.gz from git or rebuild it with ` +
          '`npx tsx analyzer/scripts/train-ner.ts`.',
        { cause: err },
      );
    }
    const buf = gunzipSync(gz);
    if (buf.readUInt32LE(0) !== MAGIC)
      throw new Error(`${path} is not a yuqing NER model of this version (bad magic number): retrain it`);
    const metaLength = buf.readUInt32LE(4);
    const meta = JSON.parse(buf.subarray(8, 8 + metaLength).toString('utf8')) as NerModelMeta;
    if (meta.features !== FEATURES || meta.tags.join() !== TAGS.join()) {
      throw new Error(
        `${path} was trained with other features or tags: retrain it (analyzer/scripts/train-ner.ts)`,
      );
    }
    let offset = 8 + metaLength;
    const read = (bytes: number) => {
      if (offset + bytes > buf.length) throw new Error(`${path} is truncated: retrain it`);
      const out = new Uint8Array(buf.subarray(offset, offset + bytes)).buffer;
      offset += bytes;
      return out;
    };
    const tables = meta.tableBits.map((bits) => new Int32Array(read((2 << bits) * 4)));
    const weights = new Int8Array(read(meta.weightBytes));
    const trans = new Float32Array(read((T + 1) * T * 4));
    return new NerModel(meta, tables, weights, Float64Array.from(trans));
  }
}

let shared: NerModel | undefined;

/** The committed model, loaded on first use (about 0.1 s) and kept for the life of the process. */
export function getNerModel(): NerModel {
  shared ??= NerModel.load();
  return shared;
}
