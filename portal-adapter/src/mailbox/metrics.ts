import { upsert } from './util.ts';

/** Multi-class figures: accuracy, per-class precision/recall/F1, macro-F1 and the confusion. */
export interface ClassFigures {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Figures {
  n: number;
  accuracy: number;
  /** Mean F1 over the classes present in the truth. */
  macroF1: number;
  /** Mean F1 over the classes present in the truth or the predictions (predicting absent classes costs). */
  macroF1All: number;
  perClass: ClassFigures[];
  /** confusion[truth][predicted] = count */
  confusion: Map<string, Map<string, number>>;
}

export function scoreClassification(truth: readonly string[], predicted: readonly string[]): Figures {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const labels = [...new Set([...truth, ...predicted])].sort();
  const confusion = new Map<string, Map<string, number>>();
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    if (t === p) correct++;
    const row = upsert(confusion, t, () => new Map<string, number>());
    row.set(p, (row.get(p) ?? 0) + 1);
  });
  const perClass = labels.map((label) => {
    const tp = truth.filter((t, i) => t === label && predicted[i] === label).length;
    const support = truth.filter((t) => t === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const present = perClass.filter((c) => c.support > 0);
  const mean = (xs: ClassFigures[]) => (xs.length ? xs.reduce((s, c) => s + c.f1, 0) / xs.length : 0);
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: mean(present),
    macroF1All: mean(perClass),
    perClass,
    confusion,
  };
}

export function formatFigures(f: Figures): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [
    `n=${f.n}  accuracy=${pct(f.accuracy)}%  macro-F1=${pct(f.macroF1)}% (gold classes)  macro-F1=${pct(f.macroF1All)}% (gold ∪ predicted)`,
    'class            support  P      R      F1',
  ];
  for (const c of f.perClass)
    lines.push(
      `${c.label.padEnd(12, '　')} ${String(c.support).padStart(4)}  ${pct(c.precision).padStart(5)}  ${pct(c.recall).padStart(5)}  ${pct(c.f1).padStart(5)}`,
    );
  const labels = f.perClass.map((c) => c.label);
  lines.push('confusion (rows truth, columns predicted in the order above):');
  for (const t of labels) {
    const row = f.confusion.get(t);
    if (!row) continue;
    lines.push(`${t.padEnd(12, '　')} ${labels.map((p) => String(row.get(p) ?? 0).padStart(3)).join(' ')}`);
  }
  return lines.join('\n');
}
