import { isContentWord } from '../text/stopwords.ts';
import type { TopicDocument } from './types.ts';

/** A sparse vector, L2-normalised: parallel arrays of terms and weights. */
export interface SparseVector {
  terms: string[];
  weights: number[];
}

export type Idf = (word: string) => number;

/** Named things say more about which story a text belongs to than ordinary words. */
const ENTITY_BOOST = 1.5;
/** A region is a weak hint (about half a typical word's IDF): many stories happen in one city. */
const REGION_WEIGHT = 4;

/** Sublinear TF-IDF over content words, entities boosted, regions as extra features, top `limit` kept. */
export function vectorize(doc: TopicDocument, idf: Idf, limit: number): SparseVector {
  const tf = new Map<string, number>();
  for (const word of doc.tokens) if (isContentWord(word)) tf.set(word, (tf.get(word) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [word, n] of tf) weights.set(word, (1 + Math.log(n)) * idf(word));
  for (const entity of [...doc.persons, ...doc.orgs, ...doc.places]) {
    const w = weights.get(entity);
    weights.set(entity, (w ?? idf(entity)) * ENTITY_BOOST);
  }
  for (const code of doc.regions) weights.set(`@${code}`, REGION_WEIGHT);
  const top = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  let norm = 0;
  for (const [, w] of top) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { terms: top.map(([t]) => t), weights: top.map(([, w]) => w / norm) };
}

/** Decays the weights of a centroid in place and adds a vector to it. */
export function addInto(
  centroid: Map<string, number>,
  vector: SparseVector,
  decay: number,
  weight = 1,
): void {
  if (decay !== 1) for (const [t, w] of centroid) centroid.set(t, w * decay);
  vector.terms.forEach((t, i) => {
    centroid.set(t, (centroid.get(t) ?? 0) + weight * (vector.weights[i] as number));
  });
}

export function norm(centroid: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of centroid.values()) sum += w * w;
  return Math.sqrt(sum);
}

/** The `limit` heaviest terms, heaviest first. */
export function topTerms(centroid: ReadonlyMap<string, number>, limit: number): Array<[string, number]> {
  return [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot / n;
}
