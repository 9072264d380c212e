import { NEGATIVE } from './model.ts';

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
}

/** Accuracy and macro-F1 over the classes that occur in gold or predictions. */
export function score(gold: readonly number[], predicted: readonly number[]): Scores {
  const classes = [...new Set([...gold, ...predicted])];
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  let f1Sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: classes.length ? f1Sum / classes.length : 0,
  };
}

/** Negative vs not negative: positive and neutral both count as not negative. */
export function scoreBinary(gold: readonly number[], predicted: readonly number[]): Scores {
  const b = (xs: readonly number[]) => xs.map((x) => (x === NEGATIVE ? 1 : 0));
  return score(b(gold), b(predicted));
}
