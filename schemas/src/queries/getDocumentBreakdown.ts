import type { BuiltQuery, Store } from '../store/engine.ts';
import { rollupSpan, toHour } from './rollupSpan.ts';

/** The rollups' dimensions a breakdown may group by (identifiers come only from this list). */
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

/**
 * Documents per category, media type, province or sentiment: whole Beijing days from the daily
 * rollup, the hours at the edges from the hourly rollup.
 */
export function buildDocumentBreakdownQuery(f: DocumentBreakdownFilter): BuiltQuery {
  if (!BREAKDOWN_DIMENSIONS.includes(f.dimension)) throw new Error(`unknown dimension ${f.dimension}`);
  const span = rollupSpan(toHour(f.from), toHour(f.to, true));
  const parts = [
    `SELECT ${f.dimension} AS key, docs, docs AS negative_docs, sentiment = 'negative' AS neg
      FROM documents_hourly WHERE ${span.hourly}`,
  ];
  if (span.daily) {
    parts.push(`SELECT value AS key, docs, negative_docs, true AS neg
      FROM documents_daily WHERE dimension = {dimension:String} AND ${span.daily}`);
  }
  return {
    query: `SELECT key, uniqMerge(docs) AS documents, uniqMergeIf(negative_docs, neg) AS negative
      FROM (${parts.join('\n      UNION ALL\n      ')})
      GROUP BY key
      ORDER BY documents DESC, key
      LIMIT {limit:UInt32}`,
    params: { ...span.params, dimension: f.dimension, limit: f.limit },
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
