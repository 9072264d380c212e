import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { documentFacts } from '../analyze-document.ts';
import type { TextAnalysis, TextInput } from '../analyze-text.ts';
import { Corpus } from '../corpus.ts';
import { TextAnalyzer } from '../text-analyzer.ts';
import { TopicClusterer } from '../topics/clusterer.ts';
import { toTopicDocument } from '../topics/document.ts';
import { externalSort } from './external-sort.ts';
import { type AnalyzeInput, parseInputLine, publishedMillis } from './input.ts';
import { readLines } from './jsonl.ts';

const BATCH = 256;

export interface AnalyzeFileOptions {
  input: string;
  output: string;
  /** Worker threads; 0 analyzes on the calling thread. */
  workers: number;
  /** A sensitivity rule file (YAML) merged over the default rules. */
  rules?: string;
  onBadLine: (line: number, message: string) => void;
}

/** Input lines that parsed, keyed by publish time (a line without one keeps its neighbours' time). */
interface Item {
  key: number;
  input: AnalyzeInput;
}

async function* keyed(options: AnalyzeFileOptions): AsyncGenerator<{ key: number; value: Item }> {
  let last = 0;
  for await (const line of readLines(options.input)) {
    const parsed = parseInputLine(line.text);
    if (!parsed.ok) {
      options.onBadLine(line.number, parsed.error);
      continue;
    }
    last = publishedMillis(parsed.value.publishedAt) ?? last;
    yield { key: last, value: { key: last, input: parsed.value } };
  }
}

async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * `yuqing analyze`: JSON Lines in, JSON Lines out, without the store. Documents are analyzed in
 * publish-time order (so a reprint points to its earlier original), in constant memory: the
 * input is sorted on disk, and at most a few batches are in flight in the workers.
 */
export async function analyzeFile(options: AnalyzeFileOptions): Promise<{ written: number }> {
  const analyzer = new TextAnalyzer(options.workers, { rules: options.rules });
  const corpus = new Corpus({ persist: false });
  // Hot topics as the live pipeline finds them, in publish order; nothing is persisted here, and
  // the observers (plans, events, …) need the store, so this pure mode does not run them.
  const topics = new TopicClusterer((w) => corpus.keywords.idf(w));
  const out = createWriteStream(options.output, 'utf8');
  const inFlight: Array<{ items: Item[]; results: Promise<TextAnalysis[]> }> = [];
  const window = Math.max(2, analyzer.workers * 2);
  let written = 0;

  const drainOne = async () => {
    const head = inFlight.shift();
    if (!head) return;
    const results = await head.results;
    for (const [i, text] of results.entries()) {
      const { input, key } = head.items[i] as Item;
      const { keywords, duplicateOf } = corpus.add(text, key);
      const topicId = topics.assign(
        toTopicDocument(
          {
            ...text,
            id: text.id,
            title: input.title ?? '',
            body: input.content,
            publishedAt: key ? new Date(key).toISOString() : null,
            source: input.source ?? '',
            keywords,
            duplicateOf,
          },
          key,
        ),
      );
      const line = JSON.stringify({
        id: input.id,
        tokens: text.tokens,
        keywords,
        ...documentFacts(text),
        duplicateOf,
        topicId,
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      written++;
    }
    topics.dropRetired();
  };

  try {
    for await (const batch of batches(externalSort(keyed(options)), BATCH)) {
      const inputs: TextInput[] = batch.map(({ input }) => ({
        id: String(input.id),
        title: input.title ?? '',
        content: input.content,
        defaultRegion: input.region,
      }));
      inFlight.push({ items: batch, results: analyzer.analyze(inputs) });
      if (inFlight.length >= window) await drainOne();
    }
    while (inFlight.length) await drainOne();
  } finally {
    out.end();
    await once(out, 'finish').catch(() => {});
    await analyzer.close();
  }
  return { written };
}
