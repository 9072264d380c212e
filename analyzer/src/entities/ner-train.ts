import { FEATURES } from './ner-features.ts';
import { T, viterbi } from './ner-model.ts';

/** A sentence ready for training: feature buckets (`extractFeatures`) and gold tag ids. */
export interface TrainExample {
  features: Int32Array;
  tags: Uint8Array;
  /** Times the sentence is shown per epoch (upweights social media over news). */
  repeat: number;
}

export interface PerceptronOptions {
  bits: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights so far (for a learning curve). */
  onEpoch?: (epoch: number, weights: Float32Array, transitions: Float64Array) => void;
}

export interface PerceptronWeights {
  weights: Float32Array;
  transitions: Float64Array;
}

/** Seeded PRNG (mulberry32): the same seed gives the same shuffles, so training is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Averaged structured perceptron (Collins 2002) over BIO tags with first-order transitions:
 * decode each sentence with the current weights, and where the best path differs from the gold
 * one, add the gold features and subtract the predicted ones. The returned weights are the average
 * over all steps, kept lazily (w − u / c), which generalises far better than the last weights.
 */
export function trainPerceptron(
  examples: readonly TrainExample[],
  options: PerceptronOptions,
): PerceptronWeights {
  const size = 2 ** options.bits * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const order: number[] = [];
  examples.forEach((e, i) => {
    for (let r = 0; r < e.repeat; r++) order.push(i);
  });
  const random = prng(options.seed);
  let c = 1;
  const averaged = (): PerceptronWeights => {
    const weights = new Float32Array(size);
    for (let k = 0; k < size; k++) weights[k] = (w[k] as number) - (u[k] as number) / c;
    const transitions = Float64Array.from(tw, (x, k) => x - (tu[k] as number) / c);
    return { weights, transitions };
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { features, tags } = examples[index] as TrainExample;
      const n = tags.length;
      const em = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (let k = i * FEATURES; k < (i + 1) * FEATURES; k++) {
          const f = features[k] as number;
          for (let y = 0; y < T; y++) em[i * T + y] = (em[i * T + y] as number) + (w[f + y] as number);
        }
      }
      const predicted = viterbi(em, n, tw);
      let wrong = false;
      for (let i = 0; i < n && !wrong; i++) wrong = predicted[i] !== tags[i];
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = tags[i] as number;
          const p = predicted[i] as number;
          if (g !== p) {
            for (let k = i * FEATURES; k < (i + 1) * FEATURES; k++) {
              const f = features[k] as number;
              w[f + g] = (w[f + g] as number) + 1;
              u[f + g] = (u[f + g] as number) + c;
              w[f + p] = (w[f + p] as number) - 1;
              u[f + p] = (u[f + p] as number) - c;
            }
          }
          const gFrom = i === 0 ? T : (tags[i - 1] as number);
          const pFrom = i === 0 ? T : (predicted[i - 1] as number);
          if (g !== p || gFrom !== pFrom) {
            tw[gFrom * T + g] = (tw[gFrom * T + g] as number) + 1;
            tu[gFrom * T + g] = (tu[gFrom * T + g] as number) + c;
            tw[pFrom * T + p] = (tw[pFrom * T + p] as number) - 1;
            tu[pFrom * T + p] = (tu[pFrom * T + p] as number) - c;
          }
        }
      }
      c++;
    }
    if (options.onEpoch) {
      const avg = averaged();
      options.onEpoch(epoch, avg.weights, avg.transitions);
    }
  }
  return averaged();
}
