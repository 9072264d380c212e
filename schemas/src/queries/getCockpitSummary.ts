import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * Cockpit headline figures for a period and the period before it: counts of the per-document rows
 * of document_facts (migrations/0013, where a document counts once and why), whole hours.
 */
export interface CockpitSummaryFilter {
  from: string;
  to: string;
  /** Start of the comparison period; it ends at `from`. */
  previousFrom: string;
  /** Sensitive means a sensitivity score ≥ 60, as in documents_hourly (migrations/0004). */
}

export interface CockpitSummary {
  documents: number;
  previousDocuments: number;
  negative: number;
  sensitive: number;
}

export function buildCockpitSummaryQuery(f: CockpitSummaryFilter): BuiltQuery {
  return {
    query: `SELECT
        countIf(hour >= {fromH:DateTime('UTC')}) AS documents,
        countIf(hour < {fromH:DateTime('UTC')}) AS previous_documents,
        countIf(hour >= {fromH:DateTime('UTC')} AND sentiment = 'negative') AS negative,
        countIf(hour >= {fromH:DateTime('UTC')} AND sensitivity_score >= 60) AS sensitive
      FROM document_facts FINAL
      WHERE hour >= {previousH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}`,
    params: {
      previousH: toHour(f.previousFrom),
      fromH: toHour(f.from),
      toH: toHour(f.to, true),
    },
  };
}

/** Epoch seconds of the hour containing `iso` (or the next hour, for an exclusive end). */
export function toHour(iso: string, ceil = false): number {
  const s = Date.parse(iso) / 1000;
  return (ceil ? Math.ceil(s / 3600) : Math.floor(s / 3600)) * 3600;
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
