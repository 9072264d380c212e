import { CATEGORIES, type Category } from './categories.ts';
import { FeatureScratch, featuresInto, type SegmentedText } from './features.ts';
import { type CategoryModel, getCategoryModel, scoreSparse } from './model.ts';

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

const scratch = new FeatureScratch();
let logits = new Float32Array(CATEGORIES.length);

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
  featuresInto(title, body, model.dim, words, scratch);
  if (logits.length !== model.classes.length) logits = new Float32Array(model.classes.length);
  const probs = softmax(scoreSparse(model, scratch.index, scratch.value, scratch.length, logits));
  let best = 0;
  for (let c = 1; c < probs.length; c++) if ((probs[c] as number) > (probs[best] as number)) best = c;
  const kept = probs.slice();
  let scores: Record<Category, number> | undefined;
  return {
    category: CATEGORIES[best] as Category,
    confidence: probs[best] as number,
    // Rounded for display only when read: most callers want the category alone.
    get scores() {
      if (!scores) {
        scores = {} as Record<Category, number>;
        for (let c = 0; c < CATEGORIES.length; c++) {
          scores[CATEGORIES[c] as Category] = Number((kept[c] as number).toFixed(4));
        }
      }
      return scores;
    },
  };
}
