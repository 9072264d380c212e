/**
 * The CED event-grouped Weibo stream (../shared/data/events/weibo_rumor_ced): source posts and
 * their comments, each row labelled with its event, replayed in time order and analysed the way
 * the platform analyses documents. Used by the evaluation script and the regression test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextAnalysis } from '../analyze-text.ts';
import { DEFAULT_DATA_ROOT } from '../classify/dataset.ts';
import type { Corpus } from '../corpus.ts';
import { TextAnalyzer } from '../text-analyzer.ts';
import { toTopicDocument } from './document.ts';
import type { TopicDocument } from './types.ts';

export const CED_FILE = join(DEFAULT_DATA_ROOT, 'events/weibo_rumor_ced/ced_event_cluster_eval.tsv');

export interface CedRow {
  id: string;
  event: string;
  kind: 'original' | 'comment';
  time: number;
  text: string;
}

/** Rows in time order (stable); a row without a parseable date keeps the previous row's time. */
export function readCed(file = CED_FILE): CedRow[] {
  if (!existsSync(file)) {
    throw new Error(`CED event data not found at ${file}: check out ../shared/data next to the repository`);
  }
  const rows: CedRow[] = [];
  let last = 0;
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (i === 0 || !line) continue;
    const [event, , kind, date, text] = line.split('\t');
    const parsed = Date.parse(`${(date ?? '').replace(' ', 'T')}+08:00`);
    last = Number.isNaN(parsed) ? last : parsed;
    rows.push({
      id: `ced-${i}`,
      event: event as string,
      kind: kind as CedRow['kind'],
      time: last,
      text: text ?? '',
    });
  }
  return rows.sort((a, b) => a.time - b.time);
}

/** A contiguous slice of the stream: `limit` rows from the first one at or after `from`. */
export function sliceCed(rows: readonly CedRow[], from: string, limit: number): CedRow[] {
  const start = rows.findIndex((r) => r.time >= Date.parse(from));
  return rows.slice(Math.max(0, start), Math.max(0, start) + limit);
}

/** The stateless analysis of each row (in worker threads when `workers` > 0), in row order. */
export async function analyzeCedTexts(rows: readonly CedRow[], workers: number): Promise<TextAnalysis[]> {
  const analyzer = new TextAnalyzer(workers);
  try {
    const batches: Promise<TextAnalysis[]>[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      const inputs = rows
        .slice(i, i + 500)
        .map((r) => ({ id: r.id, title: '', content: r.text, mediaType: 'social' as const }));
      batches.push(analyzer.analyze(inputs));
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await analyzer.close();
  }
}

/**
 * Replays the stream as the pipeline sees it: each document goes through the corpus (keywords,
 * reprint links; the IDF grows as it goes) and then to every consumer, in time order.
 */
export function replayCed(
  rows: readonly CedRow[],
  texts: readonly TextAnalysis[],
  corpus: Corpus,
  consumers: ReadonlyArray<(doc: TopicDocument) => void>,
): void {
  for (const [i, row] of rows.entries()) {
    const text = texts[i] as TextAnalysis;
    const { keywords, duplicateOf } = corpus.add(text, row.time);
    const doc = cedTopicDocument(row, text, keywords, duplicateOf);
    for (const consume of consumers) consume(doc);
  }
}

/** A CED row as the topic clusterer and the event tracker read it. */
export function cedTopicDocument(
  row: CedRow,
  text: TextAnalysis,
  keywords: string[],
  duplicateOf: string | null,
): TopicDocument {
  const publishedAt = new Date(row.time).toISOString();
  const title = row.text.slice(0, 60);
  return toTopicDocument({
    ...text,
    title,
    body: row.text,
    publishedAt,
    source: 'weibo',
    keywords,
    duplicateOf,
  });
}
