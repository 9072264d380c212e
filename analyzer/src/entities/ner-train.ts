import { seededRandom } from '../seeded-random.ts';
import { FEATURES } from './ner-features.ts';
import { T, viterbi } from './ner-model.ts';

/**
 * A sentence ready for training: per character FEATURES feature offsets (a feature's id times T,
 * `FeatureIndex`; 0 is "no feature") and gold tag ids.
 */
export interface TrainExample {
  features: Int32Array;
  tags: Uint8Array;
  /** Times the sentence is shown per epoch (upweights social media over news). */
  repeat: number;
}

export interface PerceptronOptions {
  /** Number of feature ids (weights are size × T). */
  size: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights so far (for a learning curve). */
  onEpoch?: (epoch: number, weights: Float32Array, transitions: Float64Array) => void;
}

export interface PerceptronWeights {
  weights: Float32Array;
  transitions: Float64Array;
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
  const size = options.size * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const order: number[] = [];
  examples.forEach((e, i) => {
    for (let r = 0; r < e.repeat; r++) order.push(i);
  });
  const random = seededRandom(options.seed);
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
              if (f === 0) continue;
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

/**
 * Dense ids of feature hashes seen in training, with how often each was seen and its template
 * (the model keeps n-gram and word features in rows by template, `TEMPLATE_ROW`). Id 0 stands
 * for every feature below the count cut-off: it is never learned from, and the model leaves it out.
 */
export class FeatureIndex {
  /** Per hash: times seen × 32 + the template it was first seen in. */
  private readonly counts = new Map<number, number>();
  private ids: Map<number, number> | undefined;
  /** Hash of each id (index 0 unused). */
  hashes = new Int32Array(0);
  /** Template of each id. */
  templates = new Uint8Array(0);
  /** Training count of each id. */
  frequency = new Int32Array(0);

  /** Counts the features of a text (`extractFeatures`: FEATURES templates per character). */
  count(features: Int32Array): void {
    for (let k = 0; k < features.length; k++) {
      const h = features[k] as number;
      this.counts.set(h, (this.counts.get(h) ?? k % FEATURES) + 32);
    }
  }

  /** Gives ids to the features seen at least `minCount` times; returns the number of ids. */
  freeze(minCount: number): number {
    const kept = [...this.counts].filter(([, v]) => v >= minCount * 32);
    this.ids = new Map();
    this.hashes = new Int32Array(kept.length + 1);
    this.templates = new Uint8Array(kept.length + 1);
    this.frequency = new Int32Array(kept.length + 1);
    kept.forEach(([h, v], i) => {
      this.ids?.set(h, i + 1);
      this.hashes[i + 1] = h;
      this.templates[i + 1] = v % 32;
      this.frequency[i + 1] = Math.floor(v / 32);
    });
    this.counts.clear();
    return kept.length + 1;
  }

  /** Rewrites feature hashes in place as offsets (id × T) into the weights; unknown ones are 0. */
  toOffsets(features: Int32Array): Int32Array {
    const ids = this.ids;
    if (!ids) throw new Error('FeatureIndex.freeze() first');
    for (let k = 0; k < features.length; k++) features[k] = (ids.get(features[k] as number) ?? 0) * T;
    return features;
  }
}

/**
 * The ids to keep in a model of `slots` slots at most `load` full: the features whose weights
 * differ most across tags (max − min: a feature that adds the same to every tag decides
 * nothing), ordered most frequent first. Returns them and the weakest spread kept.
 */
export function selectFeatures(
  weights: Float32Array,
  frequency: Int32Array,
  count: number,
): { keep: Int32Array; threshold: number } {
  const ids = frequency.length;
  const spread = new Float64Array(ids);
  for (let id = 1; id < ids; id++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let y = 0; y < T; y++) {
      const x = weights[id * T + y] as number;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    spread[id] = hi - lo;
  }
  const order = Int32Array.from({ length: ids - 1 }, (_, i) => i + 1);
  order.sort((a, b) => (spread[b] as number) - (spread[a] as number) || a - b);
  const chosen = order.slice(0, Math.min(count, order.length)).filter((id) => (spread[id] as number) > 0);
  const threshold = chosen.length > 0 ? (spread[chosen[chosen.length - 1] as number] as number) : 0;
  chosen.sort((a, b) => (frequency[b] as number) - (frequency[a] as number) || a - b);
  return { keep: chosen, threshold };
}
