import type { BuiltQuery, Store } from '../store/engine.ts';
import { REPORT_SENSITIVE_SCORE, type ReportScope, reportWhere } from './getReportOverview.ts';

/**
 * What a report breaks its documents down by. Array columns are exploded, so a document naming
 * two provinces counts in both; the expressions are fixed here (identifiers never come from input).
 */
const DIMENSIONS = {
  media_type: 'media_type',
  source: 'source',
  category: 'category',
  sentiment: 'sentiment_label',
  /** GB/T 2260 province code `xx0000`. */
  province: "arrayJoin(arrayDistinct(arrayMap(c -> concat(substring(c, 1, 2), '0000'), region_codes)))",
  /** City code `xxxx00` (counties roll up; province-only mentions are left out). */
  city: "arrayJoin(arrayDistinct(arrayMap(c -> concat(substring(c, 1, 4), '00'), arrayFilter(c -> length(c) = 6 AND substring(c, 3, 2) != '00', region_codes))))",
  sensitivity_category: 'arrayJoin(sensitivity_categories)',
  person: 'arrayJoin(arrayDistinct(persons))',
  org: 'arrayJoin(arrayDistinct(orgs))',
} as const;

export type ReportDimension = keyof typeof DIMENSIONS;
export const REPORT_DIMENSIONS = Object.keys(DIMENSIONS) as ReportDimension[];

export interface ReportBreakdownItem {
  key: string;
  documents: number;
  negative: number;
  sensitive: number;
  /** Documents of the previous period of the same length (0 when it was not asked for). */
  previous: number;
}

/**
 * Documents per value of `dimension` over the scope's period, with the previous period's count
 * when `previousFrom` is given (so a report can say what rose). Empty values are left out.
 */
export function buildReportBreakdownQuery(
  scope: ReportScope,
  dimension: ReportDimension,
  limit: number,
  previousFrom?: string,
): BuiltQuery {
  const expression = DIMENSIONS[dimension];
  if (!expression) throw new Error(`unknown report dimension ${dimension}`);
  const { where, params } = reportWhere({ ...scope, from: previousFrom ?? scope.from });
  const cur = "event_time >= fromUnixTimestamp64Milli({periodFrom:Int64}, 'UTC')";
  return {
    query: `SELECT ${expression} AS key,
        countIf(${cur}) AS documents,
        countIf(${cur} AND sentiment_label = 'negative') AS negative,
        countIf(${cur} AND sensitivity_score >= {sensitive:UInt8}) AS sensitive,
        countIf(NOT (${cur})) AS previous
      FROM documents FINAL
      WHERE ${where.join(' AND ')}
      GROUP BY key
      HAVING key != '' AND documents > 0
      ORDER BY documents DESC, key
      LIMIT {limit:UInt32}`,
    params: { ...params, periodFrom: Date.parse(scope.from), sensitive: REPORT_SENSITIVE_SCORE, limit },
  };
}

export async function getReportBreakdown(
  store: Store,
  scope: ReportScope,
  dimension: ReportDimension,
  limit: number,
  previousFrom?: string,
): Promise<ReportBreakdownItem[]> {
  const rows = await store.query<Record<string, string | number>>(
    'getReportBreakdown',
    buildReportBreakdownQuery(scope, dimension, limit, previousFrom),
  );
  return rows.map((r) => ({
    key: String(r.key),
    documents: Number(r.documents),
    negative: Number(r.negative),
    sensitive: Number(r.sensitive),
    previous: Number(r.previous),
  }));
}
