import { CATEGORIES, type Category } from './categories.ts';
import { extractFeatures, type SegmentedText } from './features.ts';
import { type CategoryModel, getCategoryModel, scoreFeatures } from './model.ts';

export interface Classification {
  readonly category: Category;
  /** Softmax probability of `category`, 0…1. */
  readonly confidence: number;
  /** Probability of every category, in `CATEGORIES` order. */
  readonly scores: Readonly<Record<Category, number>>;
}

/** Softmax in place. */
function softmax(logits: Float32Array): Float32Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const l of logits) max = Math.max(max, l);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    const e = Math.exp((logits[c] as number) - max);
    logits[c] = e;
    sum += e;
  }
  for (let c = 0; c < logits.length; c++) logits[c] = (logits[c] as number) / sum;
  return logits;
}

/**
 * Subject category of a document (信息自动分类). The title counts more than the body; only the
 * body's lead is read. An empty document gets the most frequent prior with low confidence.
 */
export function classify(
  title: string,
  body?: string,
  model: CategoryModel = getCategoryModel(),
  /** The jieba words of title and body, when already cut: saves segmenting twice. */
  words?: SegmentedText,
): Classification {
  const probs = softmax(scoreFeatures(model, extractFeatures(title, body, model.dim, words)));
  let best = 0;
  for (let c = 1; c < probs.length; c++) if ((probs[c] as number) > (probs[best] as number)) best = c;
  const scores = {} as Record<Category, number>;
  CATEGORIES.forEach((cat, c) => {
    scores[cat] = Number((probs[c] as number).toFixed(4));
  });
  return { category: CATEGORIES[best] as Category, confidence: probs[best] as number, scores };
}
