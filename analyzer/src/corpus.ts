import type { TextAnalysis } from './analyze-text.ts';
import { fromHex, SimHashIndex } from './dedup/index.ts';
import { KeywordExtractor } from './text/keywords.ts';

/** Near-duplicates are looked for among this many recent documents. */
export const DEDUP_WINDOW = 200_000;

export interface CorpusAnalysis {
  keywords: string[];
  duplicateOf: string | null;
}

/**
 * The order-dependent part of the analysis, kept on one thread: keyword document frequencies
 * learned from the corpus, and the SimHash and passage index that points a reprint at its earlier
 * original.
 */
export class Corpus {
  readonly keywords = new KeywordExtractor();
  readonly duplicates = new SimHashIndex({ cap: DEDUP_WINDOW });
  /** Document frequencies observed since the last `takeDfDelta`, for persisting. */
  private delta = new Map<string, number>();
  private deltaDocuments = 0;

  /** `persist: false` when nothing takes the deltas (`yuqing analyze --input`): they would only grow. */
  constructor(private readonly options: { persist?: boolean } = {}) {}

  add(doc: TextAnalysis, time?: number): CorpusAnalysis {
    const { keywords, terms } = this.keywords.add(doc.tokens, 10);
    if (this.options.persist !== false) {
      for (const word of terms.keys()) this.delta.set(word, (this.delta.get(word) ?? 0) + 1);
      this.deltaDocuments++;
    }
    const hash = fromHex(doc.simhash);
    const near = this.duplicates.findNear(hash, doc.simhashDistance, doc.passages);
    const duplicateOf = near !== null && near !== doc.id ? near : null;
    if (doc.simhashDistance >= 0 && !this.duplicates.has(doc.id))
      this.duplicates.add(doc.id, hash, time, doc.passages);
    return { keywords: keywords.map((k) => k.word), duplicateOf };
  }

  takeDfDelta(): { terms: Map<string, number>; documents: number } {
    const out = { terms: this.delta, documents: this.deltaDocuments };
    this.delta = new Map();
    this.deltaDocuments = 0;
    return out;
  }
}
