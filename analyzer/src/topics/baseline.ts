import type { TopicDocument } from './types.ts';
import { type Idf, vectorize } from './vector.ts';

/**
 * The textbook baseline: single-pass clustering over TF-IDF vectors. Each document joins the
 * topic whose centroid (the plain sum of its documents' vectors) is most cosine-similar, if that
 * reaches `threshold`, else founds one. No time, entities, reprint links or attention prior.
 * All topics stay candidates (an inverted index only skips those sharing no word).
 */
export class SinglePassBaseline {
  private readonly centroids: Array<{ weights: Map<string, number>; norm: number }> = [];
  private readonly index = new Map<string, number[]>();

  constructor(
    private readonly idf: Idf,
    private readonly threshold = 0.3,
    private readonly docTerms = 24,
  ) {}

  assign(doc: TopicDocument): string {
    const plain = { ...doc, persons: [], orgs: [], places: [], regions: [] };
    const v = vectorize(plain, this.idf, this.docTerms);
    const dots = new Map<number, number>();
    v.terms.forEach((t, i) => {
      for (const c of this.index.get(t) ?? []) {
        const w = (this.centroids[c]?.weights.get(t) ?? 0) * (v.weights[i] as number);
        dots.set(c, (dots.get(c) ?? 0) + w);
      }
    });
    let best = -1;
    let bestScore = -1;
    for (const [c, dot] of dots) {
      const score = dot / (this.centroids[c]?.norm || 1);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (best < 0 || bestScore < this.threshold) {
      best = this.centroids.length;
      this.centroids.push({ weights: new Map(), norm: 0 });
    }
    const centroid = this.centroids[best] as { weights: Map<string, number>; norm: number };
    v.terms.forEach((t, i) => {
      if (!centroid.weights.has(t)) {
        const posting = this.index.get(t);
        if (posting) posting.push(best);
        else this.index.set(t, [best]);
      }
      centroid.weights.set(t, (centroid.weights.get(t) ?? 0) + (v.weights[i] as number));
    });
    let sum = 0;
    for (const w of centroid.weights.values()) sum += w * w;
    centroid.norm = Math.sqrt(sum);
    return `b${best}`;
  }
}
