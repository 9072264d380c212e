import type { BuiltQuery, Store } from '../store/engine.ts';
import { rollupSpan, toHour } from './rollupSpan.ts';

export { toHour } from './rollupSpan.ts';

/**
 * Cockpit headline figures for a period and the period before it: whole Beijing days from the
 * daily rollup, the hours at the edges from the hourly rollup (see rollupSpan).
 */
export interface CockpitSummaryFilter {
  from: string;
  to: string;
  /** Start of the comparison period; it ends at `from`. */
  previousFrom: string;
  /** Sensitive means a sensitivity score ≥ 60 (fixed in the rollups, migrations/0004 and 0013). */
}

export interface CockpitSummary {
  documents: number;
  previousDocuments: number;
  negative: number;
  sensitive: number;
}

/** uniq states of one period, tagged `cur`: docs, negative docs (where `neg`) and sensitive docs. */
function periodStates(fromH: number, toH: number, p: string, cur: 0 | 1) {
  const span = rollupSpan(fromH, toH, p);
  const parts = [
    `SELECT ${cur} AS cur, docs, docs AS negative_docs, sentiment = 'negative' AS neg, sensitive_docs
      FROM documents_hourly WHERE ${span.hourly}`,
  ];
  if (span.daily) {
    parts.push(`SELECT ${cur} AS cur, docs, negative_docs, true AS neg, sensitive_docs
      FROM documents_daily WHERE dimension = 'all' AND ${span.daily}`);
  }
  return { parts, params: span.params };
}

export function buildCockpitSummaryQuery(f: CockpitSummaryFilter): BuiltQuery {
  const fromH = toHour(f.from);
  const current = periodStates(fromH, toHour(f.to, true), 'c_', 1);
  // The period before ends where this one starts (both in whole hours).
  const previous = periodStates(toHour(f.previousFrom), fromH, 'p_', 0);
  return {
    query: `SELECT
        uniqMergeIf(docs, cur = 1) AS documents,
        uniqMergeIf(docs, cur = 0) AS previous_documents,
        uniqMergeIf(negative_docs, cur = 1 AND neg) AS negative,
        uniqIfMergeIf(sensitive_docs, cur = 1) AS sensitive
      FROM (${[...current.parts, ...previous.parts].join('\n      UNION ALL\n      ')})`,
    params: { ...current.params, ...previous.params },
  };
}

export async function getCockpitSummary(store: Store, f: CockpitSummaryFilter): Promise<CockpitSummary> {
  const [r] = await store.query<Record<string, number | string>>(
    'getCockpitSummary',
    buildCockpitSummaryQuery(f),
  );
  return {
    documents: Number(r?.documents ?? 0),
    previousDocuments: Number(r?.previous_documents ?? 0),
    negative: Number(r?.negative ?? 0),
    sensitive: Number(r?.sensitive ?? 0),
  };
}
