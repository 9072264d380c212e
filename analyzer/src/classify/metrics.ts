/** Accuracy, macro-F1 and per-class precision/recall/F1 of a single-label classification. */
export interface ClassReport {
  readonly label: string;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EvalReport {
  readonly n: number;
  readonly accuracy: number;
  /** Mean F1 over the classes that occur in the truth. */
  readonly macroF1: number;
  readonly perClass: readonly ClassReport[];
}

export function evaluate(truth: readonly string[], predicted: readonly string[], labels: readonly string[]) {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    if (t === p) {
      correct++;
      inc(tp, t);
    } else {
      inc(fp, p);
      inc(fn, t);
    }
  });
  const perClass: ClassReport[] = labels.map((label) => {
    const a = tp.get(label) ?? 0;
    const precision = a + (fp.get(label) ?? 0) > 0 ? a / (a + (fp.get(label) ?? 0)) : 0;
    const support = a + (fn.get(label) ?? 0);
    const recall = support > 0 ? a / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
  const present = perClass.filter((c) => c.support > 0);
  const macroF1 = present.reduce((s, c) => s + c.f1, 0) / Math.max(1, present.length);
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1,
    perClass,
  } as EvalReport;
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = [`n=${r.n}  accuracy=${pct(r.accuracy)}%  macro-F1=${pct(r.macroF1)}%`];
  lines.push('class  support  precision  recall   F1');
  for (const c of r.perClass) {
    lines.push(
      `${c.label}  ${String(c.support).padStart(7)}  ${pct(c.precision)}%    ${pct(c.recall)}%  ${pct(c.f1)}%`,
    );
  }
  return lines.join('\n');
}
