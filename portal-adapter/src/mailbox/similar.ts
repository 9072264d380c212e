import { dedupTokens, maxDistanceFor, SimHashIndex, simhash, toHex } from '@yuqing/analyzer';
import { upsert } from './util.ts';

export interface SimilarHit {
  id: string;
  /** `duplicate` when the SimHashes are within the near-duplicate distance, else `similar`. */
  kind: 'duplicate' | 'similar';
  /** TF-IDF cosine (1 for duplicates found only by SimHash). */
  score: number;
}

export interface SimilarOptions {
  /** Cosine at or above which an earlier letter counts as similar (default 0.2). */
  minCosine?: number;
  /** At most this many hits per letter (default 5). */
  limit?: number;
}

interface Entry {
  id: string;
  weights: Map<string, number>;
  norm: number;
}

/** A letter's title names its matter: its words count this many times. */
const TITLE_REPEAT = 3;

/** Tokens worth comparing: normalised, no single characters, the title's repeated. */
export function letterTokens(title: string, content: string): string[] {
  const words = (text: string) => dedupTokens(text).filter((t) => t.length > 1);
  const head = words(title);
  return [...Array.from({ length: TITLE_REPEAT }, () => head).flat(), ...words(content)];
}

/**
 * Near-duplicate (SimHash) and similar (TF-IDF cosine) letters among those added earlier. IDF is
 * the running document frequency, so a term common in this batch (小区, 问题) weighs little.
 */
export class SimilarLetters {
  readonly #entries: Entry[] = [];
  readonly #postings = new Map<string, number[]>();
  readonly #df = new Map<string, number>();
  readonly #hashes = new SimHashIndex();
  readonly #byId = new Map<string, number>();
  readonly #minCosine: number;
  readonly #limit: number;

  constructor(options: SimilarOptions = {}) {
    this.#minCosine = options.minCosine ?? 0.2;
    this.#limit = options.limit ?? 5;
  }

  get size(): number {
    return this.#entries.length;
  }

  #idf(term: string): number {
    return Math.log((1 + this.#entries.length + 1) / (1 + (this.#df.get(term) ?? 0))) + 1;
  }

  #vector(tokens: readonly string[]): { weights: Map<string, number>; norm: number } {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * this.#idf(t);
      weights.set(t, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq) };
  }

  /** Earlier letters like this one, best first. Does not add it: call `add` afterwards. */
  find(tokens: readonly string[]): { hits: SimilarHit[]; simhash: string } {
    const hash = simhash(tokens);
    const { weights, norm } = this.#vector(tokens);
    const dots = new Map<number, number>();
    for (const [t, w] of weights) {
      for (const i of this.#postings.get(t) ?? []) {
        const other = (this.#entries[i] as Entry).weights.get(t) ?? 0;
        dots.set(i, (dots.get(i) ?? 0) + w * other);
      }
    }
    const hits: SimilarHit[] = [];
    const seen = new Set<number>();
    const original = this.#hashes.findNear(hash, maxDistanceFor(tokens));
    if (original !== null) {
      const i = this.#byId.get(original) as number;
      const e = this.#entries[i] as Entry;
      seen.add(i);
      const dot = dots.get(i) ?? 0;
      hits.push({ id: e.id, kind: 'duplicate', score: round(norm && e.norm ? dot / (norm * e.norm) : 1) });
    }
    for (const [i, dot] of dots) {
      if (seen.has(i)) continue;
      const e = this.#entries[i] as Entry;
      const cos = norm && e.norm ? dot / (norm * e.norm) : 0;
      if (cos >= this.#minCosine) hits.push({ id: e.id, kind: 'similar', score: round(cos) });
    }
    hits.sort((a, b) => (a.kind === b.kind ? b.score - a.score : a.kind === 'duplicate' ? -1 : 1));
    return { hits: hits.slice(0, this.#limit), simhash: toHex(hash) };
  }

  add(id: string, tokens: readonly string[]): void {
    for (const t of new Set(tokens)) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    const { weights, norm } = this.#vector(tokens);
    const i = this.#entries.length;
    this.#entries.push({ id, weights, norm });
    this.#byId.set(id, i);
    this.#hashes.add(id, simhash(tokens));
    for (const t of weights.keys()) upsert(this.#postings, t, (): number[] => []).push(i);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
