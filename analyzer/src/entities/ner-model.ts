import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BIAS, BIAS_HASH, FEATURES } from './ner-features.ts';

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
const MAGIC = 0x4e455234; // "NER4"

export interface NerModelMeta {
  /** The weight table has 2^slotBits slots. */
  slotBits: number;
  features: number;
  tags: readonly string[];
  /** A weight is its stored int8 value times this. */
  scale: number;
  /** Features with weights in the table (the rest of what training saw was pruned). */
  kept: number;
  trainedOn: string;
}

const NEVER = -1e30;
/** Back pointers of `decode`, reused. */
let back = new Uint8Array(0);

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
export function decode(em: Float64Array, n: number, move: Float64Array): Uint8Array {
  const tags = new Uint8Array(n);
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
  let arg = 0;
  let top = p0;
  const last = [p0, p1, p2, p3, p4, p5, p6];
  for (let y = 1; y < T; y++)
    if ((last[y] as number) > top) {
      top = last[y] as number;
      arg = y;
    }
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

/** Weights per slot: the T tags padded to 8 int8 (8 bytes), so that a slot is one aligned read. */
const ROW = 8;

/** A feature's fingerprint in its slot: 16 bits of another mix of its hash, never 0 (0 is empty). */
function fingerprint(h: number): number {
  return (Math.imul(h, 0x9e3779b1) >> 16) | 1;
}

/**
 * The trained tagger: an open-addressed table of the kept features (linear probing), first-order
 * transitions, Viterbi decoding. The table is two arrays: the slots' fingerprints (2 bytes a slot,
 * small enough to stay in the cache, so that probing, and a feature that is not there, cost no
 * trip to memory) and the weights (ROW int8 a slot: 2 MB for 2^18 slots; int16 scored no better
 * on MSRA or Weibo). A feature not in the table weighs nothing.
 */
export class NerModel {
  private em = new Float64Array(0);
  private readonly move: Float64Array;
  /** Weights of the bias feature, the same at every character: added once, not looked up. */
  private readonly bias: Float64Array;

  constructor(
    readonly meta: NerModelMeta,
    /** 2^slotBits fingerprints (0: empty slot). */
    readonly fingerprints: Int16Array,
    /** 2^slotBits × ROW weights: T tags, then padding. */
    readonly weights: Int8Array,
    /** (T + 1) × T transition weights in the same scale as the weights. */
    readonly transitions: Float64Array,
  ) {
    const slots = 2 ** meta.slotBits;
    if (fingerprints.length !== slots || weights.length !== slots * ROW)
      throw new Error('NER model table size does not match its meta');
    this.move = moveScores(transitions);
    this.bias = new Float64Array(T);
    const slot = this.find(BIAS_HASH);
    if (slot >= 0) for (let y = 0; y < T; y++) this.bias[y] = weights[slot * ROW + y] as number;
  }

  /** The slot of a feature hash, or −1. */
  private find(h: number): number {
    const fps = this.fingerprints;
    const mask = fps.length - 1;
    const want = fingerprint(h);
    for (let s = h & mask; ; s = (s + 1) & mask) {
      if (fps[s] === want) return s;
      if (fps[s] === 0) return -1;
    }
  }

  /**
   * Tags of a text from its feature hashes (`extractFeatures`), or of its characters [from, to)
   * decoded as a sequence of their own (only those characters' features are read).
   */
  tag(features: Int32Array, from = 0, to = features.length / FEATURES): Uint8Array {
    const n = to - from;
    if (this.em.length < n * T) this.em = new Float64Array(n * T * 2);
    const em = this.em;
    const fps = this.fingerprints;
    const w = this.weights;
    const mask = fps.length - 1;
    const bias = this.bias;
    const b0 = bias[0] as number;
    const b1 = bias[1] as number;
    const b2 = bias[2] as number;
    const b3 = bias[3] as number;
    const b4 = bias[4] as number;
    const b5 = bias[5] as number;
    const b6 = bias[6] as number;
    // Seven running sums in locals: far faster than read-modify-write on the array (T is 7).
    for (let i = 0; i < n; i++) {
      let s0 = b0;
      let s1 = b1;
      let s2 = b2;
      let s3 = b3;
      let s4 = b4;
      let s5 = b5;
      let s6 = b6;
      // Every template but the bias (the last one).
      for (let k = (from + i) * FEATURES, end = k + BIAS; k < end; k++) {
        const h = features[k] as number;
        const want = (Math.imul(h, 0x9e3779b1) >> 16) | 1; // fingerprint(h), written out
        let s = h & mask;
        let g = fps[s] as number;
        while (g !== want) {
          if (g === 0) break;
          s = (s + 1) & mask;
          g = fps[s] as number;
        }
        if (g === 0) continue;
        const o = s << 3; // s * ROW
        s0 += w[o] as number;
        s1 += w[o + 1] as number;
        s2 += w[o + 2] as number;
        s3 += w[o + 3] as number;
        s4 += w[o + 4] as number;
        s5 += w[o + 5] as number;
        s6 += w[o + 6] as number;
      }
      const o = i * T;
      em[o] = s0;
      em[o + 1] = s1;
      em[o + 2] = s2;
      em[o + 3] = s3;
      em[o + 4] = s4;
      em[o + 5] = s5;
      em[o + 6] = s6;
    }
    return decode(em, n, this.move);
  }

  /**
   * The model from trained float weights: the features in `keep` (ids into `hashes`, the most
   * frequent first so that they sit in their home slots) are put in a table of 2^slotBits slots,
   * each feature's weights centred (a constant added to every tag changes no decision) and
   * quantised to int8 (one scale for all). A feature whose fingerprint is already on its probe path is left
   * out (it could not be told apart).
   */
  static build(
    meta: Omit<NerModelMeta, 'scale' | 'kept'>,
    hashes: Int32Array,
    weights: Float32Array,
    keep: ArrayLike<number>,
    trans: Float64Array,
  ): NerModel {
    const slots = 2 ** meta.slotBits;
    if (keep.length > slots * 0.9) throw new Error(`${keep.length} features do not fit in ${slots} slots`);
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
    const fps = new Int16Array(slots);
    const table = new Int8Array(slots * ROW);
    let kept = 0;
    for (let j = 0; j < keep.length; j++) {
      const h = hashes[keep[j] as number] as number;
      const want = fingerprint(h);
      let s = h & (slots - 1);
      let clash = false;
      while (fps[s] !== 0) {
        if (fps[s] === want) clash = true;
        s = (s + 1) & (slots - 1);
      }
      if (clash) continue;
      fps[s] = want;
      for (let y = 0; y < T; y++) table[s * ROW + y] = Math.round((centred[j * T + y] as number) / scale);
      kept++;
    }
    return new NerModel(
      { ...meta, scale, kept },
      fps,
      table,
      Float64Array.from(trans, (x) => x / scale),
    );
  }

  /** gzip(magic, meta length, meta JSON, fingerprints, weights, transitions as float32). */
  save(path: string): number {
    const metaJson = Buffer.from(JSON.stringify(this.meta));
    const head = new Uint32Array([MAGIC, metaJson.length]);
    const body = Buffer.concat([
      Buffer.from(head.buffer),
      metaJson,
      Buffer.from(this.fingerprints.buffer, this.fingerprints.byteOffset, this.fingerprints.byteLength),
      Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength),
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
    const slots = 2 ** meta.slotBits;
    let offset = 8 + metaLength;
    const read = (bytes: number) => {
      if (offset + bytes > buf.length) throw new Error(`${path} is truncated: retrain it`);
      const out = new Uint8Array(buf.subarray(offset, offset + bytes)).buffer;
      offset += bytes;
      return out;
    };
    const fps = new Int16Array(read(slots * 2));
    const weights = new Int8Array(read(slots * ROW));
    const trans = new Float32Array(read((T + 1) * T * 4));
    return new NerModel(meta, fps, weights, Float64Array.from(trans));
  }
}

let shared: NerModel | undefined;

/** The committed model, loaded on first use (about 0.1 s) and kept for the life of the process. */
export function getNerModel(): NerModel {
  shared ??= NerModel.load();
  return shared;
}
