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
const MAGIC = 0x31535159; // "YQS1"

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

/** A 3-class linear model over hashed features: weights[bucket * 3 + class]. */
export class SentimentModel {
  readonly mask: number;

  constructor(
    readonly meta: ModelMeta,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly lexicon: Lexicon,
  ) {
    this.mask = (1 << meta.bits) - 1;
  }

  /** Per-feature normalisation: long posts should not get extreme scores just for being long. */
  static norm(length: number): number {
    return 1 / Math.sqrt(Math.max(1, length));
  }

  /** Class logits for a feature vector, written into `out` (length 3). */
  logits(f: FeatureBuffer, out: Float64Array): Float64Array {
    const s = SentimentModel.norm(f.length);
    let a = 0;
    let b = 0;
    let c = 0;
    const w = this.weights;
    for (let i = 0; i < f.length; i++) {
      const j = ((f.hashes[i] as number) & this.mask) * K;
      const v = f.values[i] as number;
      a += (w[j] as number) * v;
      b += (w[j + 1] as number) * v;
      c += (w[j + 2] as number) * v;
    }
    out[0] = a * s + (this.bias[0] as number);
    out[1] = b * s + (this.bias[1] as number);
    out[2] = c * s + (this.bias[2] as number);
    return out;
  }

  /** Writes the model as gzip(magic, meta JSON, int16 weights, float32 bias, lexicon hashes and polarities). */
  save(path: string): number {
    let max = 0;
    for (const x of this.weights) max = Math.max(max, Math.abs(x));
    const weightScale = max / 32767 || 1;
    const meta = Buffer.from(JSON.stringify({ ...this.meta, weightScale }));
    const metaPadded = meta.length + ((4 - (meta.length % 4)) % 4);
    const q = new Int16Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round((this.weights[i] as number) / weightScale);
    const lexHashes = Uint32Array.from(this.lexicon.keys()).sort();
    const lexPolarity = Int8Array.from(lexHashes, (h) => this.lexicon.get(h) as number);
    const header = new Uint32Array([MAGIC, meta.length, lexHashes.length]);
    const body = Buffer.concat([
      Buffer.from(header.buffer),
      Buffer.concat([meta, Buffer.alloc(metaPadded - meta.length)]),
      Buffer.from(q.buffer),
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
    if (magic !== MAGIC) throw new Error(`${path} is not a yuqing sentiment model (bad magic number)`);
    let offset = 12;
    const meta = JSON.parse(Buffer.from(copy, offset, metaLength).toString('utf8')) as ModelMeta;
    offset += metaLength + ((4 - (metaLength % 4)) % 4);
    const size = (1 << meta.bits) * K;
    const q = new Int16Array(copy, offset, size);
    offset += size * 2;
    const weights = Float32Array.from(q, (x) => x * meta.weightScale);
    const bias = new Float32Array(copy.slice(offset, offset + K * 4));
    offset += K * 4;
    const hashes = new Uint32Array(copy, offset, lexiconSize);
    offset += lexiconSize * 4;
    const polarity = new Int8Array(copy, offset, lexiconSize);
    const lexicon = new Map<number, number>();
    for (let i = 0; i < lexiconSize; i++) lexicon.set(hashes[i] as number, polarity[i] as number);
    return new SentimentModel(meta, weights, bias, lexicon);
  }
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
