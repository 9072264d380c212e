import {
  type AnalyzedDocument,
  getPlans,
  type PlanDocumentRecord,
  type Store,
  writePlanDocuments,
} from '@yuqing/schemas';
import type { DocumentObserver, ObserverContext } from '../observer.ts';
import { type CompiledPlan, compilePlan, matchPlan } from './plan.ts';
import type { BatchTexts } from './texts.ts';

/** Plans are read again at most this often, so edits from the dashboard apply within seconds. */
const RELOAD_MS = 5_000;

/** Tags each arriving document with the enabled plans it matches (table `plan_documents`). */
export class PlanObserver implements DocumentObserver {
  readonly name = 'plans';
  private plans: CompiledPlan[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly texts: BatchTexts) {}

  async restore(store: Store): Promise<void> {
    await this.reload(store, Date.now());
  }

  /** Forces the next batch to read the plans again (after `savePlan`). */
  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private async reload(store: Store, now: number): Promise<void> {
    const records = await getPlans(store, { enabledOnly: true });
    const compiled: CompiledPlan[] = [];
    for (const record of records) {
      try {
        compiled.push(compilePlan(record));
      } catch {
        // savePlan validates; a row written around it is skipped rather than stopping the others.
      }
    }
    this.plans = compiled;
    this.loadedAt = now;
  }

  async onDocuments(
    docs: readonly AnalyzedDocument[],
    { store, logger, now }: ObserverContext,
  ): Promise<void> {
    if (Date.now() - this.loadedAt >= RELOAD_MS) await this.reload(store, Date.now());
    if (this.plans.length === 0 || docs.length === 0) return;
    const texts = await this.texts.get(store, docs);
    const rows: PlanDocumentRecord[] = [];
    for (const doc of docs) {
      const input = {
        text: texts.get(doc.id) ?? doc.title,
        persons: doc.persons,
        regionCodes: doc.regions.map((r) => r.code),
      };
      for (const plan of this.plans) {
        const hit = matchPlan(plan, input);
        if (!hit) continue;
        rows.push({
          planId: plan.id,
          documentId: doc.id,
          matchVersion: plan.matchVersion,
          eventTime: Date.parse(doc.publishedAt ?? doc.fetchedAt),
          matchedTerms: hit.terms,
          matchedPersons: hit.persons,
          taggedAt: now.getTime(),
        });
      }
    }
    await writePlanDocuments(store, rows);
    if (rows.length > 0) logger.debug({ component: 'plans', tagged: rows.length }, 'plan documents tagged');
  }
}
