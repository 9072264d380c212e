import {
  getPendingRawDocuments,
  getWatermark,
  type Logger,
  type Store,
  writeDocuments,
  writeWatermark,
} from '@yuqing/schemas';
import { analyzeDocument } from './analyze-document.ts';
import { KeywordExtractor } from './text/keywords.ts';

export const ANALYZE_STAGE = 'analyze';

export interface AnalyzeOptions {
  logger: Logger;
  batchSize?: number;
  signal?: AbortSignal;
  keywords?: KeywordExtractor;
}

/**
 * Analyzes every raw document fetched after the stage's watermark, a batch at a time: one insert
 * per batch, then the watermark moves. A crash between the two re-analyzes the batch, and
 * ReplacingMergeTree keeps one row per document.
 */
export async function analyzeOnce(store: Store, options: AnalyzeOptions): Promise<{ analyzed: number }> {
  const log = options.logger.child({ component: 'analyzer' });
  const keywords = options.keywords ?? new KeywordExtractor();
  const batchSize = options.batchSize ?? 500;
  let analyzed = 0;
  let mark = await getWatermark(store, ANALYZE_STAGE);
  while (!options.signal?.aborted) {
    const batch = await getPendingRawDocuments(store, mark, batchSize);
    if (batch.length === 0) break;
    const started = performance.now();
    const docs = batch.map((raw) => analyzeDocument(raw, keywords));
    await writeDocuments(store, docs);
    const last = batch.at(-1) as (typeof batch)[number];
    mark = { time: last.fetchedAt, id: last.id };
    await writeWatermark(store, ANALYZE_STAGE, mark);
    analyzed += docs.length;
    log.info({ docs: docs.length, ms: Math.round(performance.now() - started) }, 'analyzed batch');
    if (batch.length < batchSize) break;
  }
  return { analyzed };
}
