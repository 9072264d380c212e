import {
  getPlanDocumentTexts,
  getPlanScanBatch,
  type PlanDocumentRecord,
  type PlanRecord,
  type ScanDocument,
  type Store,
  writePlanDocuments,
} from '@yuqing/schemas';
import { compilePlan, matchPlan } from './plan.ts';

export interface ScanOptions {
  /** Documents read per query. */
  batchSize?: number;
  /** Only documents published at or after this time (epoch ms). */
  since?: number;
  signal?: AbortSignal;
  onProgress?: (scanned: number) => void;
}

/**
 * Walks every analysed document in id order, a batch at a time, with its full text; the store is
 * never asked for more than one batch at once, so history of any size fits in memory.
 */
export async function scanDocuments(
  store: Store,
  options: ScanOptions,
  visit: (batch: ScanDocument[], texts: Map<string, string>) => Promise<void>,
): Promise<number> {
  const size = options.batchSize ?? 2000;
  let after = '';
  let scanned = 0;
  while (!options.signal?.aborted) {
    const batch = await getPlanScanBatch(store, after, size, options.since);
    if (batch.length === 0) break;
    const texts = await getPlanDocumentTexts(
      store,
      batch.map((d) => d.id),
    );
    await visit(batch, texts);
    scanned += batch.length;
    options.onProgress?.(scanned);
    after = (batch.at(-1) as ScanDocument).id;
    if (batch.length < size) break;
  }
  return scanned;
}

/** Tags the stored history with a plan (under its current match version); returns the counts. */
export async function backfillPlan(
  store: Store,
  plan: PlanRecord,
  options: ScanOptions = {},
): Promise<{ scanned: number; matched: number }> {
  const compiled = compilePlan(plan);
  let matched = 0;
  const scanned = await scanDocuments(store, options, async (batch, texts) => {
    const rows: PlanDocumentRecord[] = [];
    const taggedAt = Date.now();
    for (const doc of batch) {
      const hit = matchPlan(compiled, {
        text: texts.get(doc.id) ?? `${doc.title}\n${doc.summary}`,
        persons: doc.persons,
        regionCodes: doc.regionCodes,
      });
      if (!hit) continue;
      rows.push({
        planId: plan.id,
        documentId: doc.id,
        matchVersion: plan.matchVersion,
        eventTime: doc.time,
        matchedTerms: hit.terms,
        matchedPersons: hit.persons,
        taggedAt,
      });
    }
    matched += rows.length;
    await writePlanDocuments(store, rows);
  });
  return { scanned, matched };
}
