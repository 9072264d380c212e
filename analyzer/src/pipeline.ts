import {
  getPendingRawDocuments,
  getRecentSimhashes,
  getTermDf,
  getWatermark,
  type Logger,
  type Store,
  writeDocuments,
  writeTermDf,
  writeWatermark,
} from '@yuqing/schemas';
import { toAnalyzedDocument, toTextInput } from './analyze-document.ts';
import { Corpus, DEDUP_WINDOW } from './corpus.ts';
import { fromHex } from './dedup/index.ts';
import type { TextAnalyzer } from './text-analyzer.ts';

export const ANALYZE_STAGE = 'analyze';

/** The corpus state as the store remembers it: keyword statistics and recent SimHashes. */
export async function restoreCorpus(store: Store): Promise<Corpus> {
  const corpus = new Corpus();
  const { terms, documents } = await getTermDf(store);
  corpus.keywords.load(terms, documents);
  const recent = await getRecentSimhashes(store, DEDUP_WINDOW);
  for (const r of recent.reverse()) corpus.duplicates.add(r.id, fromHex(r.simhash), r.time);
  return corpus;
}

export interface AnalyzeOptions {
  logger: Logger;
  analyzer: TextAnalyzer;
  corpus: Corpus;
  batchSize?: number;
  signal?: AbortSignal;
}

/**
 * Analyzes every raw document fetched after the stage's watermark, a batch at a time: the text
 * analysis runs in worker threads, the corpus part here, then one insert per batch and the
 * watermark moves. A crash between the two re-analyzes the batch; ReplacingMergeTree keeps one
 * row per document.
 */
export async function analyzeOnce(store: Store, options: AnalyzeOptions): Promise<{ analyzed: number }> {
  const log = options.logger.child({ component: 'analyzer' });
  const batchSize = options.batchSize ?? 500;
  let analyzed = 0;
  let mark = await getWatermark(store, ANALYZE_STAGE);
  while (!options.signal?.aborted) {
    const batch = await getPendingRawDocuments(store, mark, batchSize);
    if (batch.length === 0) break;
    const started = performance.now();
    const texts = await options.analyzer.analyze(batch.map(toTextInput));
    const now = new Date();
    const docs = batch.map((raw, i) => {
      const text = texts[i] as (typeof texts)[number];
      const time = Date.parse(raw.publishedAt ?? raw.fetchedAt);
      return toAnalyzedDocument(raw, text, options.corpus.add(text, time), now);
    });
    await writeDocuments(store, docs);
    const df = options.corpus.takeDfDelta();
    await writeTermDf(store, df.terms, df.documents);
    const last = batch.at(-1) as (typeof batch)[number];
    mark = { time: last.fetchedAt, id: last.id };
    await writeWatermark(store, ANALYZE_STAGE, mark);
    analyzed += docs.length;
    log.info({ docs: docs.length, ms: Math.round(performance.now() - started) }, 'analyzed batch');
    if (batch.length < batchSize) break;
  }
  return { analyzed };
}
