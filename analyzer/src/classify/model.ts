import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CATEGORIES } from './categories.ts';
import type { Features } from './features.ts';

/**
 * A multinomial logistic-regression model over hashed features. On disk: `category.json` (header)
 * and `category.weights.gz` (int8 weights, feature-major, one scale per class).
 */
export interface CategoryModel {
  readonly dim: number;
  readonly classes: readonly string[];
  readonly bias: Float32Array;
  /** dim × classes, feature-major: the weights of bucket k are at k*classes … k*classes+classes-1. */
  readonly weights: Float32Array;
  /**
   * The same weights as stored, int8 with one scale per class, when the model was loaded from
   * disk: a quarter of the memory, so far fewer cache misses when scoring.
   */
  readonly quantized?: { readonly q: Int8Array; readonly scale: Float32Array };
}

interface Header {
  format: 'yuqing-category-v1';
  dim: number;
  classes: string[];
  bias: number[];
  scale: number[];
  [extra: string]: unknown;
}

export const MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../models');
const HEADER_FILE = 'category.json';
const WEIGHTS_FILE = 'category.weights.gz';

/** Raw class scores (logits) of one feature vector. */
export function scoreFeatures(
  model: CategoryModel,
  f: Features,
  out = new Float32Array(model.classes.length),
): Float32Array {
  return scoreSparse(model, f.index, f.value, f.index.length, out);
}

/** Raw class scores of the first `length` features of `index` / `value`, written into `out`. */
export function scoreSparse(
  model: CategoryModel,
  index: Uint32Array,
  value: Float32Array,
  length: number,
  out: Float32Array,
): Float32Array {
  const n = model.classes.length;
  if (model.quantized) {
    const { q, scale } = model.quantized;
    if (n === 16) return score16(q, scale, model.bias, index, value, length, out);
    return scoreQuantized(q, scale, model.bias, n, index, value, length, out);
  }
  out.set(model.bias);
  const w = model.weights;
  for (let i = 0; i < length; i++) {
    const base = (index[i] as number) * n;
    const v = value[i] as number;
    for (let c = 0; c < n; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  return out;
}

function scoreQuantized(
  q: Int8Array,
  scale: Float32Array,
  bias: Float32Array,
  n: number,
  index: Uint32Array,
  value: Float32Array,
  length: number,
  out: Float32Array,
): Float32Array {
  const sums = new Float64Array(n);
  for (let i = 0; i < length; i++) {
    const base = (index[i] as number) * n;
    const v = value[i] as number;
    for (let c = 0; c < n; c++) sums[c] = (sums[c] as number) + v * (q[base + c] as number);
  }
  for (let c = 0; c < n; c++) out[c] = (bias[c] as number) + (sums[c] as number) * (scale[c] as number);
  return out;
}

// biome-ignore lint/correctness/noUnusedVariables: written by `score16`'s first pass, so that the pass is kept
let touched = 0;

/**
 * `scoreQuantized` for the 16 categories with the sums in registers: the same additions in the
 * same order, so the same logits, without a sums array read and written per weight. A first pass
 * reads one weight of each row: a row is a cache miss (4 MB of weights), and these loads do not
 * wait on each other, so the misses overlap; the sums then read rows from the cache.
 */
function score16(
  q: Int8Array,
  scale: Float32Array,
  bias: Float32Array,
  index: Uint32Array,
  value: Float32Array,
  length: number,
  out: Float32Array,
): Float32Array {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  let s9 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  let s14 = 0;
  let s15 = 0;
  let touch = 0;
  for (let i = 0; i < length; i++) touch ^= q[(index[i] as number) * 16] as number;
  touched = touch;
  for (let i = 0; i < length; i++) {
    const base = (index[i] as number) * 16;
    const v = value[i] as number;
    s0 += v * (q[base + 0] as number);
    s1 += v * (q[base + 1] as number);
    s2 += v * (q[base + 2] as number);
    s3 += v * (q[base + 3] as number);
    s4 += v * (q[base + 4] as number);
    s5 += v * (q[base + 5] as number);
    s6 += v * (q[base + 6] as number);
    s7 += v * (q[base + 7] as number);
    s8 += v * (q[base + 8] as number);
    s9 += v * (q[base + 9] as number);
    s10 += v * (q[base + 10] as number);
    s11 += v * (q[base + 11] as number);
    s12 += v * (q[base + 12] as number);
    s13 += v * (q[base + 13] as number);
    s14 += v * (q[base + 14] as number);
    s15 += v * (q[base + 15] as number);
  }
  out[0] = (bias[0] as number) + s0 * (scale[0] as number);
  out[1] = (bias[1] as number) + s1 * (scale[1] as number);
  out[2] = (bias[2] as number) + s2 * (scale[2] as number);
  out[3] = (bias[3] as number) + s3 * (scale[3] as number);
  out[4] = (bias[4] as number) + s4 * (scale[4] as number);
  out[5] = (bias[5] as number) + s5 * (scale[5] as number);
  out[6] = (bias[6] as number) + s6 * (scale[6] as number);
  out[7] = (bias[7] as number) + s7 * (scale[7] as number);
  out[8] = (bias[8] as number) + s8 * (scale[8] as number);
  out[9] = (bias[9] as number) + s9 * (scale[9] as number);
  out[10] = (bias[10] as number) + s10 * (scale[10] as number);
  out[11] = (bias[11] as number) + s11 * (scale[11] as number);
  out[12] = (bias[12] as number) + s12 * (scale[12] as number);
  out[13] = (bias[13] as number) + s13 * (scale[13] as number);
  out[14] = (bias[14] as number) + s14 * (scale[14] as number);
  out[15] = (bias[15] as number) + s15 * (scale[15] as number);
  return out;
}

export function saveModel(model: CategoryModel, extra: Record<string, unknown>, dir = MODEL_DIR): void {
  const n = model.classes.length;
  const scale = new Array<number>(n).fill(0);
  for (let k = 0; k < model.weights.length; k++) {
    const c = k % n;
    scale[c] = Math.max(scale[c] as number, Math.abs(model.weights[k] as number) / 127);
  }
  const q = new Int8Array(model.weights.length);
  for (let k = 0; k < q.length; k++) {
    const s = scale[k % n] as number;
    q[k] = s > 0 ? Math.round((model.weights[k] as number) / s) : 0;
  }
  const header: Header = {
    format: 'yuqing-category-v1',
    dim: model.dim,
    classes: [...model.classes],
    bias: Array.from(model.bias, (b) => Number(b.toFixed(6))),
    scale: scale.map((s) => Number(s.toPrecision(8))),
    ...extra,
  };
  writeFileSync(join(dir, HEADER_FILE), `${JSON.stringify(header, null, 2)}\n`);
  writeFileSync(join(dir, WEIGHTS_FILE), gzipSync(q, { level: 9 }));
}

export function loadModel(dir = MODEL_DIR): CategoryModel {
  const header = JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as Header;
  if (header.format !== 'yuqing-category-v1') throw new Error(`Unknown category model format in ${dir}`);
  if (header.classes.join() !== CATEGORIES.join()) {
    throw new Error(`Category model classes ${header.classes.join()} differ from CATEGORIES: retrain it`);
  }
  const n = header.classes.length;
  const q = new Int8Array(gunzipSync(readFileSync(join(dir, WEIGHTS_FILE))).buffer);
  if (q.length !== header.dim * n) throw new Error(`Category weights in ${dir} do not match their header`);
  const scale = Float32Array.from(header.scale);
  let weights: Float32Array | undefined;
  return {
    dim: header.dim,
    classes: header.classes,
    bias: Float32Array.from(header.bias),
    quantized: { q, scale },
    // Dequantised only when asked for (training tools); scoring reads the int8 weights.
    get weights(): Float32Array {
      if (!weights) {
        weights = new Float32Array(q.length);
        for (let k = 0; k < q.length; k++) weights[k] = (q[k] as number) * (scale[k % n] as number);
      }
      return weights;
    },
  };
}

let shared: CategoryModel | undefined;

/** The shipped model, read once on first use. */
export function getCategoryModel(): CategoryModel {
  shared ??= loadModel();
  return shared;
}
