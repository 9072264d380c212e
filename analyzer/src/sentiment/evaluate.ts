import { segment } from '../text/segment.ts';
import { probabilities } from './analyze.ts';
import type { DataSet } from './datasets.ts';
import { extractFeatures, FeatureBuffer } from './features.ts';
import { type Scores, score, scoreBinary } from './metrics.ts';
import { labelOf, NEGATIVE, NEUTRAL, POSITIVE, type SentimentModel } from './model.ts';
import { normalizeText } from './normalize.ts';

export interface SetFigures {
  name: string;
  n: number;
  /** 3-class accuracy and macro-F1, when the gold labels include neutral. */
  threeClass?: Scores;
  /** Negative vs not negative. */
  binary: Scores;
  /**
   * Polar rows only (gold positive or negative), each called by the sign of the score
   * (P(positive) − P(negative)): the usual binary sentiment task.
   */
  polar: Scores;
}

/** Class probabilities [negative, neutral, positive] of each text. */
export function predictProbabilities(model: SentimentModel, texts: readonly string[]): number[][] {
  const f = new FeatureBuffer(false);
  return texts.map((raw) => {
    const { text, emoticons } = normalizeText(raw);
    extractFeatures(text, segment(text), emoticons, model.lexicon, f);
    return probabilities(model, f);
  });
}

const label = (p: readonly number[]) => labelOf(p[0] as number, p[1] as number, p[2] as number);

/** Predicted label index (`labelOf`, as `analyzeSentiment` labels) for each text. */
export function predictLabels(model: SentimentModel, texts: readonly string[]): number[] {
  return predictProbabilities(model, texts).map(label);
}

export function evaluateSet(model: SentimentModel, set: DataSet): SetFigures {
  const gold = set.rows.map((r) => r.label);
  const probs = predictProbabilities(
    model,
    set.rows.map((r) => r.text),
  );
  const predicted = probs.map(label);
  const polarGold: number[] = [];
  const polarPredicted: number[] = [];
  gold.forEach((g, i) => {
    if (g === NEUTRAL) return;
    const p = probs[i] as number[];
    polarGold.push(g);
    polarPredicted.push((p[2] as number) > (p[0] as number) ? POSITIVE : NEGATIVE);
  });
  return {
    name: set.name,
    n: gold.length,
    threeClass: set.threeClass ? score(gold, predicted) : undefined,
    binary: scoreBinary(gold, predicted),
    polar: score(polarGold, polarPredicted),
  };
}

export function formatFigures(f: SetFigures): string {
  const pct = (x: number) => (x * 100).toFixed(2);
  const three = f.threeClass
    ? `3-class acc ${pct(f.threeClass.accuracy)} macro-F1 ${pct(f.threeClass.macroF1)} | `
    : '';
  const polar =
    f.threeClass || f.polar.n !== f.n
      ? ` | polar (n=${f.polar.n}) acc ${pct(f.polar.accuracy)} macro-F1 ${pct(f.polar.macroF1)}`
      : ` | by score sign acc ${pct(f.polar.accuracy)}`;
  return `${f.name} (n=${f.n}): ${three}binary acc ${pct(f.binary.accuracy)} macro-F1 ${pct(f.binary.macroF1)}${polar}`;
}
