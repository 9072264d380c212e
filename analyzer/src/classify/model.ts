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
) {
  const n = model.classes.length;
  if (model.quantized) return scoreQuantized(model.quantized, model.bias, n, f, out);
  out.set(model.bias);
  const w = model.weights;
  for (let i = 0; i < f.index.length; i++) {
    const base = (f.index[i] as number) * n;
    const v = f.value[i] as number;
    for (let c = 0; c < n; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  return out;
}

function scoreQuantized(
  { q, scale }: { readonly q: Int8Array; readonly scale: Float32Array },
  bias: Float32Array,
  n: number,
  f: Features,
  out: Float32Array,
): Float32Array {
  const sums = new Float64Array(n);
  for (let i = 0; i < f.index.length; i++) {
    const base = (f.index[i] as number) * n;
    const v = f.value[i] as number;
    for (let c = 0; c < n; c++) sums[c] = (sums[c] as number) + v * (q[base + c] as number);
  }
  for (let c = 0; c < n; c++) out[c] = (bias[c] as number) + (sums[c] as number) * (scale[c] as number);
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
