import type { BuiltQuery, Store } from '../store/engine.ts';
import { buildSearchWhere, type SearchFilter } from './searchDocuments.ts';

/**
 * What a report covers: a period and, for a special report (专报), the search filter of its plan
 * or query. Report read models read the `documents` table through the search's WHERE builder, so a
 * special report's figures are exactly what the search page shows for the same filter.
 */
export type ReportScope = Omit<SearchFilter, 'limit' | 'cursor' | 'from' | 'to'> & {
  from: string;
  to: string;
  /** A monitoring plan (方案): only the documents the analyzer tagged with it (`plan_documents`). */
  planId?: string;
};

/** The search's WHERE clause for the scope, plus the plan's documents when the scope has a plan. */
export function reportWhere(scope: Omit<ReportScope, 'from'> & { from?: string }): {
  where: string[];
  params: Record<string, unknown>;
} {
  const { planId, ...filter } = scope;
  const { where, params } = buildSearchWhere(filter);
  if (planId !== undefined) {
    where.push('id IN (SELECT document_id FROM plan_documents FINAL WHERE plan_id = {planId:String})');
    params.planId = planId;
  }
  return { where, params };
}

/** Sensitive means a sensitivity score ≥ 60, as in the dashboard rollup (migrations/0004). */
export const REPORT_SENSITIVE_SCORE = 60;

export interface ReportPeriodFigures {
  documents: number;
  negative: number;
  neutral: number;
  positive: number;
  sensitive: number;
  sources: number;
}

export interface ReportOverview extends ReportPeriodFigures {
  previous: ReportPeriodFigures;
}

/** One scan over [previousFrom, to): the period's figures and those of the period before it. */
export function buildReportOverviewQuery(scope: ReportScope, previousFrom: string): BuiltQuery {
  const { where, params } = reportWhere({ ...scope, from: previousFrom });
  const cur = "event_time >= fromUnixTimestamp64Milli({periodFrom:Int64}, 'UTC')";
  const figures = (alias: string, cond: string) =>
    `countIf(${cond}) AS ${alias}documents,
        countIf(${cond} AND sentiment_label = 'negative') AS ${alias}negative,
        countIf(${cond} AND sentiment_label = 'neutral') AS ${alias}neutral,
        countIf(${cond} AND sentiment_label = 'positive') AS ${alias}positive,
        countIf(${cond} AND sensitivity_score >= {sensitive:UInt8}) AS ${alias}sensitive,
        uniqExactIf(source, ${cond}) AS ${alias}sources`;
  return {
    query: `SELECT ${figures('', cur)},
        ${figures('p_', `NOT (${cur})`)}
      FROM documents FINAL
      WHERE ${where.join(' AND ')}`,
    params: { ...params, periodFrom: Date.parse(scope.from), sensitive: REPORT_SENSITIVE_SCORE },
  };
}

export async function getReportOverview(
  store: Store,
  scope: ReportScope,
  previousFrom: string,
): Promise<ReportOverview> {
  const [r = {}] = await store.query<Record<string, number | string>>(
    'getReportOverview',
    buildReportOverviewQuery(scope, previousFrom),
  );
  const pick = (p: string): ReportPeriodFigures => ({
    documents: Number(r[`${p}documents`] ?? 0),
    negative: Number(r[`${p}negative`] ?? 0),
    neutral: Number(r[`${p}neutral`] ?? 0),
    positive: Number(r[`${p}positive`] ?? 0),
    sensitive: Number(r[`${p}sensitive`] ?? 0),
    sources: Number(r[`${p}sources`] ?? 0),
  });
  return { ...pick(''), previous: pick('p_') };
}
