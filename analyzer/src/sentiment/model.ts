import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureBuffer, Lexicon } from './features.ts';

export const LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof LABELS)[number];
export const NEGATIVE = 0;
export const NEUTRAL = 1;
export const POSITIVE = 2;
const K = LABELS.length;

/**
 * The label index of class probabilities [negative, neutral, positive]: the most probable class,
 * negative on a tie. (A lean towards negative was weighed on the validation split and is not
 * needed: see models/SENTIMENT.md, "The label".)
 */
export function labelOf(negative: number, neutral: number, positive: number): number {
  if (negative >= neutral && negative >= positive) return NEGATIVE;
  return positive >= neutral ? POSITIVE : NEUTRAL;
}

const MAGIC = 0x32535159; // "YQS2": int8 weights (YQS1 held int16)

/** Default location of the committed weights. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../models/sentiment.bin.gz', import.meta.url));

/** What the model file says about itself (free-form training facts go in `training`). */
export interface ModelMeta {
  version: 1;
  bits: number;
  labels: readonly string[];
  weightScale: number;
  training: Record<string, unknown>;
}

/** Weights as stored: int8 with one scale, weight ≈ q * scale. */
export interface QuantizedWeights {
  readonly q: Int8Array;
  readonly scale: number;
}

/**
 * The int8 form the model file stores (and scoring reads). int16 scored the same on every
 * held-out set (NLPCC polar 88.25 either way) in twice the memory: scoring is cache misses.
 */
export function quantize(weights: Float32Array): QuantizedWeights {
  let max = 0;
  for (const x of weights) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((weights[i] as number) / scale);
  return { q, scale };
}

/** A 3-class linear model over hashed features: weights[bucket * 3 + class]. */
export class SentimentModel {
  readonly mask: number;
  /**
   * What scoring reads: the int8 weights as stored (1.5 MB at 2^19 buckets instead of 6 MB of
   * float32, so far fewer cache misses); a freshly trained model scores as its file will.
   */
  readonly quantized: QuantizedWeights;
  #weights: Float32Array | undefined;

  constructor(
    readonly meta: ModelMeta,
    weights: Float32Array | QuantizedWeights,
    readonly bias: Float32Array,
    readonly lexicon: Lexicon,
  ) {
    this.mask = (1 << meta.bits) - 1;
    if (weights instanceof Float32Array) {
      this.#weights = weights;
      this.quantized = quantize(weights);
    } else this.quantized = weights;
  }

  /** Float weights, weights[bucket * 3 + class] (dequantised on first use for a loaded model). */
  get weights(): Float32Array {
    if (!this.#weights) {
      const { q, scale } = this.quantized;
      this.#weights = Float32Array.from(q, (x) => x * scale);
    }
    return this.#weights;
  }

  /** Per-feature normalisation: long posts should not get extreme scores just for being long. */
  static norm(length: number): number {
    return 1 / Math.sqrt(Math.max(1, length));
  }

  /** Class logits for a feature vector, written into `out` (length 3). */
  logits(f: FeatureBuffer, out: Float64Array): Float64Array {
    let a = 0;
    let b = 0;
    let c = 0;
    const { q, scale } = this.quantized;
    for (let i = 0; i < f.length; i++) {
      const j = ((f.hashes[i] as number) & this.mask) * K;
      const v = f.values[i] as number;
      a += (q[j] as number) * v;
      b += (q[j + 1] as number) * v;
      c += (q[j + 2] as number) * v;
    }
    const s = SentimentModel.norm(f.length) * scale;
    out[0] = a * s + (this.bias[0] as number);
    out[1] = b * s + (this.bias[1] as number);
    out[2] = c * s + (this.bias[2] as number);
    return out;
  }

  /** Writes the model as gzip(magic, meta JSON, int8 weights padded to 4 bytes, float32 bias, lexicon hashes and polarities). */
  save(path: string): number {
    const { q, scale: weightScale } = this.quantized;
    const meta = Buffer.from(JSON.stringify({ ...this.meta, weightScale }));
    const metaPadded = meta.length + padding(meta.length);
    const lexHashes = Uint32Array.from(this.lexicon.keys()).sort();
    const lexPolarity = Int8Array.from(lexHashes, (h) => this.lexicon.get(h) as number);
    const header = new Uint32Array([MAGIC, meta.length, lexHashes.length]);
    const body = Buffer.concat([
      Buffer.from(header.buffer),
      Buffer.concat([meta, Buffer.alloc(metaPadded - meta.length)]),
      Buffer.from(q.buffer, q.byteOffset, q.byteLength),
      Buffer.alloc(padding(q.length)),
      Buffer.from(this.bias.buffer, this.bias.byteOffset, this.bias.byteLength),
      Buffer.from(lexHashes.buffer),
      Buffer.from(lexPolarity.buffer),
    ]);
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(path, gz);
    return gz.length;
  }

  static load(path = DEFAULT_MODEL_PATH): SentimentModel {
    let gz: Buffer;
    try {
      gz = readFileSync(path);
    } catch (err) {
      throw new Error(
        `Sentiment model not found at ${path}: restore analyzer/models/sentiment.bin.gz from git or run ` +
          '`yuqing train sentiment` to rebuild it.',
        { cause: err },
      );
    }
    const buf = gunzipSync(gz);
    const copy = new Uint8Array(buf).buffer; // aligned copy
    const [magic, metaLength, lexiconSize] = new Uint32Array(copy, 0, 3) as unknown as [
      number,
      number,
      number,
    ];
    if (magic !== MAGIC)
      throw new Error(
        `${path} is not a yuqing sentiment model of this version (bad magic number): run \`yuqing train sentiment\``,
      );
    let offset = 12;
    const meta = JSON.parse(Buffer.from(copy, offset, metaLength).toString('utf8')) as ModelMeta;
    offset += metaLength + padding(metaLength);
    const size = (1 << meta.bits) * K;
    const q = new Int8Array(copy, offset, size);
    offset += size + padding(size);
    const bias = new Float32Array(copy.slice(offset, offset + K * 4));
    offset += K * 4;
    const hashes = new Uint32Array(copy, offset, lexiconSize);
    offset += lexiconSize * 4;
    const polarity = new Int8Array(copy, offset, lexiconSize);
    const lexicon = new Map<number, number>();
    for (let i = 0; i < lexiconSize; i++) lexicon.set(hashes[i] as number, polarity[i] as number);
    return new SentimentModel(meta, { q, scale: meta.weightScale }, bias, lexicon);
  }
}

/** Bytes that bring `length` to a multiple of 4 (what follows is read as 32-bit arrays). */
function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}

let shared: SentimentModel | undefined;

/** The committed model, loaded on first use and kept for the life of the process. */
export function getSentimentModel(): SentimentModel {
  shared ??= SentimentModel.load();
  return shared;
}

/** Replaces the shared model (tests, or a freshly trained model in the same process). */
export function setSentimentModel(model: SentimentModel | undefined): void {
  shared = model;
}
