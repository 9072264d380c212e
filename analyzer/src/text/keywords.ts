import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { STOP_WORDS } from './stopwords.ts';
import { WordNumbers } from './tag-table.ts';

/** Weight of jieba's shipped IDF, in documents: the corpus takes over as it grows past this. */
const PRIOR_DOCUMENTS = 1000;
const NUMERIC = /^[\p{N}.%]+$/u;

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
  }

  /** Counts a document's distinct words into the corpus statistics. */
  observe(tokens: readonly string[]): void {
    this.documents++;
    for (const word of new Set(tokens)) this.df.set(word, (this.df.get(word) ?? 0) + 1);
  }

  idf(word: string): number {
    const shipped = loadShippedIdf().get(word) ?? shippedMedian;
    if (this.documents === 0) return shipped;
    const corpus = Math.log((this.documents + 1) / ((this.df.get(word) ?? 0) + 1)) + 1;
    return (PRIOR_DOCUMENTS * shipped + this.documents * corpus) / (PRIOR_DOCUMENTS + this.documents);
  }

  extract(tokens: readonly string[], topK = 10): Keyword[] {
    const tf = new Map<string, number>();
    for (const word of tokens) {
      if (word.length < 2 || STOP_WORDS.has(word) || NUMERIC.test(word)) continue;
      tf.set(word, (tf.get(word) ?? 0) + 1);
    }
    const total = tokens.length || 1;
    return [...tf]
      .map(([word, count]) => ({ word, weight: (count / total) * this.idf(word) }))
      .sort((a, b) => b.weight - a.weight || collator.compare(a.word, b.word))
      .slice(0, topK);
  }
}
