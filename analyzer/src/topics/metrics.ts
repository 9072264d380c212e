/** Clustering quality against gold groups: B-cubed precision, recall, F1 and NMI. */
export interface ClusteringScores {
  precision: number;
  recall: number;
  f1: number;
  nmi: number;
  clusters: number;
  classes: number;
}

function counts<T>(items: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** `predicted[i]` and `gold[i]` are the cluster and the true group of item i. */
export function scoreClustering(predicted: readonly string[], gold: readonly string[]): ClusteringScores {
  if (predicted.length !== gold.length)
    throw new Error('scoreClustering: predicted and gold differ in length');
  const n = predicted.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, nmi: 0, clusters: 0, classes: 0 };
  const pair = counts(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  const clusterSize = counts(predicted);
  const classSize = counts(gold);
  // B-cubed: an item's precision is the share of its cluster that shares its class; each
  // (cluster, class) cell of size k contributes k·k/|cluster| to the precision sum.
  let precision = 0;
  let recall = 0;
  let mutual = 0;
  for (const [key, k] of pair) {
    const [p, g] = key.split('\u0000') as [string, string];
    const cs = clusterSize.get(p) as number;
    const gs = classSize.get(g) as number;
    precision += (k * k) / cs;
    recall += (k * k) / gs;
    mutual += (k / n) * Math.log((n * k) / (cs * gs));
  }
  precision /= n;
  recall /= n;
  const entropy = (m: Map<string, number>) => {
    let h = 0;
    for (const c of m.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const hp = entropy(clusterSize);
  const hg = entropy(classSize);
  const nmi = hp + hg === 0 ? 1 : (2 * mutual) / (hp + hg);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    nmi,
    clusters: clusterSize.size,
    classes: classSize.size,
  };
}
