import type { BuiltQuery, Store } from '../store/engine.ts';
import { toHour } from './getCockpitSummary.ts';

/** The columns a breakdown may group by (identifiers come only from this list). */
export const BREAKDOWN_DIMENSIONS = ['category', 'media_type', 'province', 'sentiment'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface DocumentBreakdownFilter {
  from: string;
  to: string;
  dimension: BreakdownDimension;
  limit: number;
}

export interface BreakdownItem {
  /** The group's value; '' collects documents without one (no category, no region found). */
  key: string;
  documents: number;
  negative: number;
}

const PERIOD = "hour >= {fromH:DateTime('UTC')} AND hour < {toH:DateTime('UTC')}";

/**
 * Documents per category, media type, province or sentiment: counts of the per-document rows of
 * document_facts (migrations/0013). A document naming several provinces counts in each (its first
 * in `province`, the others in `more_provinces`), and under '' when it names none.
 */
export function buildDocumentBreakdownQuery(f: DocumentBreakdownFilter): BuiltQuery {
  if (!BREAKDOWN_DIMENSIONS.includes(f.dimension)) throw new Error(`unknown dimension ${f.dimension}`);
  const counts = "count() AS documents, countIf(sentiment = 'negative') AS negative";
  const from =
    f.dimension === 'province'
      ? `(SELECT province AS key, ${counts} FROM document_facts FINAL WHERE ${PERIOD} GROUP BY key
          UNION ALL
          SELECT arrayJoin(more_provinces) AS key, ${counts} FROM document_facts FINAL
          WHERE ${PERIOD} AND notEmpty(more_provinces) GROUP BY key)`
      : `(SELECT ${f.dimension} AS key, ${counts} FROM document_facts FINAL WHERE ${PERIOD} GROUP BY key)`;
  return {
    query: `SELECT key, sum(documents) AS documents, sum(negative) AS negative
      FROM ${from}
      GROUP BY key
      ORDER BY documents DESC, key
      LIMIT {limit:UInt32}`,
    params: { fromH: toHour(f.from), toH: toHour(f.to, true), limit: f.limit },
  };
}

export async function getDocumentBreakdown(
  store: Store,
  f: DocumentBreakdownFilter,
): Promise<BreakdownItem[]> {
  const rows = await store.query<{ key: string; documents: number | string; negative: number | string }>(
    'getDocumentBreakdown',
    buildDocumentBreakdownQuery(f),
  );
  return rows.map((r) => ({ key: r.key, documents: Number(r.documents), negative: Number(r.negative) }));
}
