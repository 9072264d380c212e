import { segment } from '../text/segment.ts';
import { probabilities } from './analyze.ts';
import type { DataSet } from './datasets.ts';
import { extractFeatures, FeatureBuffer } from './features.ts';
import { type Scores, score, scoreBinary } from './metrics.ts';
import type { SentimentModel } from './model.ts';
import { normalizeText } from './normalize.ts';

export interface SetFigures {
  name: string;
  n: number;
  /** 3-class accuracy and macro-F1, when the gold labels include neutral. */
  threeClass?: Scores;
  /** Negative vs not negative. */
  binary: Scores;
}

/** Predicted label index (argmax) for each text. */
export function predictLabels(model: SentimentModel, texts: readonly string[]): number[] {
  const f = new FeatureBuffer(false);
  return texts.map((raw) => {
    const { text, emoticons } = normalizeText(raw);
    extractFeatures(text, segment(text), emoticons, model.lexicon, f);
    const p = probabilities(model, f);
    return p[0] >= p[1] && p[0] >= p[2] ? 0 : p[2] >= p[1] ? 2 : 1;
  });
}

export function evaluateSet(model: SentimentModel, set: DataSet): SetFigures {
  const gold = set.rows.map((r) => r.label);
  const predicted = predictLabels(
    model,
    set.rows.map((r) => r.text),
  );
  return {
    name: set.name,
    n: gold.length,
    threeClass: set.threeClass ? score(gold, predicted) : undefined,
    binary: scoreBinary(gold, predicted),
  };
}

export function formatFigures(f: SetFigures): string {
  const pct = (x: number) => (x * 100).toFixed(2);
  const three = f.threeClass
    ? `3-class acc ${pct(f.threeClass.accuracy)} macro-F1 ${pct(f.threeClass.macroF1)} | `
    : '';
  return `${f.name} (n=${f.n}): ${three}binary acc ${pct(f.binary.accuracy)} macro-F1 ${pct(f.binary.macroF1)}`;
}
