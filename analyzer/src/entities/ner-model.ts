import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURES } from './ner-features.ts';

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
const MAGIC = 0x4e455231; // "NER1"

export interface NerModelMeta {
  bits: number;
  features: number;
  tags: readonly string[];
  /** A weight is its stored int16 value times this. */
  scale: number;
  trainedOn: string;
}

const NEVER = -1e30;
let scratch = { score: new Float64Array(0), back: new Uint8Array(0) };

/**
 * Best tag sequence under emission scores `em` (n × T) and transition scores `trans` (T × T, from
 * row to column; row T holds the scores of starting with each tag). Disallowed moves are skipped.
 */
export function viterbi(em: Float64Array, n: number, trans: Float64Array): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  if (scratch.score.length < n * T)
    scratch = { score: new Float64Array(n * T * 2), back: new Uint8Array(n * T * 2) };
  const { score, back } = scratch;
  const move = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++)
    for (let y = 0; y < T; y++) move[p * T + y] = allowed(p, y) ? (trans[p * T + y] as number) : NEVER;
  for (let y = 0; y < T; y++) score[y] = (em[y] as number) + (move[T * T + y] as number);
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    for (let y = 0; y < T; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = (score[prev + p] as number) + (move[p * T + y] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + y] = best + (em[i * T + y] as number);
      back[i * T + y] = arg;
    }
  }
  let arg = 0;
  for (let y = 1; y < T; y++)
    if ((score[(n - 1) * T + y] as number) > (score[(n - 1) * T + arg] as number)) arg = y;
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

/** The trained tagger: int16 weights, hashed features (`ner-features.ts`), Viterbi decoding. */
export class NerModel {
  private em = new Float64Array(0);

  constructor(
    readonly meta: NerModelMeta,
    /** (2^bits × T) emission weights, bucket-major. */
    readonly weights: Int16Array,
    /** (T + 1) × T transition weights in the same int16 scale. */
    readonly transitions: Float64Array,
  ) {}

  get buckets(): number {
    return 2 ** this.meta.bits;
  }

  /**
   * Tags of a text from its feature buckets (`extractFeatures`), or of its characters [from, to)
   * decoded as a sequence of their own (only those characters' buckets are read).
   */
  tag(features: Int32Array, from = 0, to = features.length / FEATURES): Uint8Array {
    const n = to - from;
    if (this.em.length < n * T) this.em = new Float64Array(n * T * 2);
    const em = this.em;
    const w = this.weights;
    // Seven running sums in locals: far faster than read-modify-write on the array (T is 7).
    for (let i = 0; i < n; i++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      for (let k = (from + i) * FEATURES, end = k + FEATURES; k < end; k++) {
        const f = features[k] as number;
        s0 += w[f] as number;
        s1 += w[f + 1] as number;
        s2 += w[f + 2] as number;
        s3 += w[f + 3] as number;
        s4 += w[f + 4] as number;
        s5 += w[f + 5] as number;
        s6 += w[f + 6] as number;
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
    return viterbi(em, n, this.transitions);
  }

  /** Quantises trained float weights to the int16 the model is stored and run with. */
  static fromWeights(
    meta: Omit<NerModelMeta, 'scale'>,
    weights: Float32Array,
    trans: Float64Array,
  ): NerModel {
    let max = 0;
    for (const x of weights) max = Math.max(max, Math.abs(x));
    for (const x of trans) max = Math.max(max, Math.abs(x));
    const scale = max / 32767 || 1;
    const q = new Int16Array(weights.length);
    for (let k = 0; k < q.length; k++) q[k] = Math.round((weights[k] as number) / scale);
    return new NerModel(
      { ...meta, scale },
      q,
      Float64Array.from(trans, (x) => Math.round(x / scale)),
    );
  }

  /**
   * gzip(magic, meta length, meta JSON, occupancy bitmap of the buckets, T int16 weights per
   * occupied bucket, transitions as int16). Most buckets are empty: the bitmap keeps the file small.
   */
  save(path: string): number {
    const buckets = this.buckets;
    const bitmap = new Uint8Array(buckets / 8);
    const values = new Int16Array(this.weights.length);
    let v = 0;
    for (let b = 0; b < buckets; b++) {
      let any = false;
      for (let y = 0; y < T; y++) any ||= this.weights[b * T + y] !== 0;
      if (!any) continue;
      bitmap[b >> 3] = (bitmap[b >> 3] as number) | (1 << (b & 7));
      values.set(this.weights.subarray(b * T, b * T + T), v);
      v += T;
    }
    const metaJson = Buffer.from(JSON.stringify(this.meta));
    const head = new Uint32Array([MAGIC, metaJson.length]);
    const body = Buffer.concat([
      Buffer.from(head.buffer),
      metaJson,
      bitmap,
      Buffer.from(values.buffer, 0, v * 2),
      Buffer.from(Int16Array.from(this.transitions).buffer),
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
      throw new Error(`${path} is not a yuqing NER model (bad magic number)`);
    const metaLength = buf.readUInt32LE(4);
    const meta = JSON.parse(buf.subarray(8, 8 + metaLength).toString('utf8')) as NerModelMeta;
    if (meta.features !== FEATURES || meta.tags.join() !== TAGS.join()) {
      throw new Error(
        `${path} was trained with other features or tags: retrain it (analyzer/scripts/train-ner.ts)`,
      );
    }
    const buckets = 2 ** meta.bits;
    let offset = 8 + metaLength;
    const bitmap = buf.subarray(offset, offset + buckets / 8);
    offset += buckets / 8;
    let occupied = 0;
    for (let b = 0; b < buckets; b++) if (((bitmap[b >> 3] as number) >> (b & 7)) & 1) occupied++;
    const values = new Int16Array(new Uint8Array(buf.subarray(offset, offset + occupied * T * 2)).buffer);
    offset += occupied * T * 2;
    const weights = new Int16Array(buckets * T);
    for (let b = 0, v = 0; b < buckets; b++) {
      if (!(((bitmap[b >> 3] as number) >> (b & 7)) & 1)) continue;
      weights.set(values.subarray(v, v + T), b * T);
      v += T;
    }
    const transQ = new Int16Array(new Uint8Array(buf.subarray(offset, offset + (T + 1) * T * 2)).buffer);
    return new NerModel(meta, weights, Float64Array.from(transQ));
  }
}

let shared: NerModel | undefined;

/** The committed model, loaded on first use (about 0.1 s) and kept for the life of the process. */
export function getNerModel(): NerModel {
  shared ??= NerModel.load();
  return shared;
}
