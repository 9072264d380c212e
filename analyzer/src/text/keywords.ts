import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isCount } from './counts.ts';
import { isContentWord } from './stopwords.ts';
import { WordNumbers } from './tag-table.ts';

/** Weight of jieba's shipped IDF, in documents: the corpus takes over as it grows past this. */
const PRIOR_DOCUMENTS = 1000;
/**
 * Words whose document frequency is kept. Past it the rarest are forgotten until half remain, so
 * memory stays bounded however long the stream: a forgotten word weighs as an unseen one, whose
 * IDF is ln 2 above a word seen once (~5 % at a million documents).
 */
const MAX_TERMS = 500_000;

let shippedIdf: WordNumbers | undefined;
let shippedMedian = 10;
/** The same order as `localeCompare` (ties between equally weighted words), without its per-call set-up. */
const collator = new Intl.Collator();

function loadShippedIdf(): WordNumbers {
  if (shippedIdf) return shippedIdf;
  const file = createRequire(import.meta.url).resolve('@node-rs/jieba/idf.txt');
  const lines = readFileSync(file, 'utf8').split('\n');
  const table = new WordNumbers(lines.length);
  const values: number[] = [];
  for (const line of lines) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    table.set(line.slice(0, space), value);
    values.push(Math.fround(value));
  }
  values.sort((a, b) => a - b);
  shippedMedian = values[Math.floor(values.length / 2)] ?? shippedMedian;
  shippedIdf = table;
  return table;
}

export interface Keyword {
  word: string;
  weight: number;
}

/**
 * TF-IDF keywords whose document frequencies are learned from the corpus as it grows, blended
 * with jieba's shipped IDF so that the first documents already get sensible keywords.
 */
export class KeywordExtractor {
  private readonly df = new Map<string, number>();
  private documents = 0;

  /** Restores persisted corpus statistics (added to what is already known). */
  load(df: ReadonlyMap<string, number>, documents: number): void {
    for (const [word, n] of df) this.df.set(word, (this.df.get(word) ?? 0) + n);
    this.documents += documents;
    if (this.df.size > MAX_TERMS) this.forgetRare();
  }

  /** Words whose document frequency is known. */
  get terms(): number {
    return this.df.size;
  }

  /** Counts a document's distinct content words into the corpus statistics. */
  observe(tokens: readonly string[]): void {
    this.count(termCounts(tokens));
  }

  /**
   * Counts a document into the corpus statistics and returns its keywords and its content words
   * with their counts: one pass over the tokens where `observe` then `extract` would take three.
   */
  add(tokens: readonly string[], topK = 10): { keywords: Keyword[]; terms: Map<string, number> } {
    const terms = termCounts(tokens);
    this.count(terms);
    return { keywords: this.top(terms, tokens.length, topK), terms };
  }

  idf(word: string): number {
    const shipped = loadShippedIdf().get(word) ?? shippedMedian;
    if (this.documents === 0) return shipped;
    const corpus = Math.log((this.documents + 1) / ((this.df.get(word) ?? 0) + 1)) + 1;
    return (PRIOR_DOCUMENTS * shipped + this.documents * corpus) / (PRIOR_DOCUMENTS + this.documents);
  }

  extract(tokens: readonly string[], topK = 10): Keyword[] {
    return this.top(termCounts(tokens), tokens.length, topK);
  }

  private count(terms: ReadonlyMap<string, number>): void {
    this.documents++;
    for (const word of terms.keys()) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    if (this.df.size > MAX_TERMS) this.forgetRare();
  }

  /** Forgets the words seen least until half the room is free (rarely: amortised over many documents). */
  private forgetRare(): void {
    for (let rare = 1; this.df.size > MAX_TERMS / 2; rare++) {
      for (const [word, n] of this.df) if (n <= rare) this.df.delete(word);
    }
  }

  /** The `topK` heaviest keyword candidates by TF-IDF, kept in order as they come (K is small). */
  private top(terms: ReadonlyMap<string, number>, tokenCount: number, topK: number): Keyword[] {
    const total = tokenCount || 1;
    const best: Keyword[] = [];
    for (const [word, count] of terms) {
      if (isCount(word)) continue;
      const k = { word, weight: (count / total) * this.idf(word) };
      let at = best.length;
      while (at > 0 && heavier(k, best[at - 1] as Keyword)) at--;
      if (at < topK) {
        best.splice(at, 0, k);
        if (best.length > topK) best.pop();
      }
    }
    return best;
  }
}

/** Higher weight first; equal weights in collation order, so results do not depend on input order. */
function heavier(a: Keyword, b: Keyword): boolean {
  return a.weight > b.weight || (a.weight === b.weight && collator.compare(a.word, b.word) < 0);
}

/** Counts of the content words: the only ones a keyword or a topic term can be, so the only ones whose IDF is asked for. */
function termCounts(tokens: readonly string[]): Map<string, number> {
  const terms = new Map<string, number>();
  for (const word of tokens) if (isContentWord(word)) terms.set(word, (terms.get(word) ?? 0) + 1);
  return terms;
}
