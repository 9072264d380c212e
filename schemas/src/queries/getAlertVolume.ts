import type { BuiltQuery, Store } from '../store/engine.ts';

/** Which documents a volume rule counts; every field is optional and they combine with AND. */
export interface AlertScope {
  /** GB/T 2260 codes; a province or city code covers everything inside it. */
  regionCodes?: readonly string[];
  /** Any of these persons is named. */
  persons?: readonly string[];
  /** Any of these words is among the jieba tokens. */
  terms?: readonly string[];
  /** Any of these sensitivity categories is hit. */
  sensitivityCategories?: readonly string[];
  sensitivityMin?: number;
  categories?: readonly string[];
}

/** The scope as SQL conditions over `documents` with their parameters. */
export function buildScopeFilter(scope: AlertScope): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.regionCodes?.length) {
    where.push(
      'arrayExists(c -> arrayExists(p -> startsWith(c, p), {regionPrefixes:Array(String)}), region_codes)',
    );
    params.regionPrefixes = scope.regionCodes.map((c) => c.replace(/(00)+$/, ''));
  }
  if (scope.persons?.length) {
    where.push('hasAny(persons, {persons:Array(String)})');
    params.persons = scope.persons;
  }
  if (scope.terms?.length) {
    where.push('hasAny(tokens, {terms:Array(String)})');
    params.terms = scope.terms;
  }
  if (scope.sensitivityCategories?.length) {
    where.push('hasAny(sensitivity_categories, {sensitivityCategories:Array(String)})');
    params.sensitivityCategories = scope.sensitivityCategories;
  }
  if (scope.sensitivityMin !== undefined) {
    where.push('sensitivity_score >= {sensitivityMin:UInt8}');
    params.sensitivityMin = scope.sensitivityMin;
  }
  if (scope.categories?.length) {
    where.push('has({categories:Array(String)}, category)');
    params.categories = scope.categories;
  }
  return { where, params };
}

/**
 * Documents in a scope per rolling hour before `to` (0 = the last hour, 1 = the one before …) back
 * to `from`, by event time; hours without any are absent.
 */
export function buildAlertVolumeQuery(scope: AlertScope, from: string, to: string): BuiltQuery {
  const filter = buildScopeFilter(scope);
  return {
    query: `SELECT intDiv({to:Int64} - 1 - toUnixTimestamp64Milli(event_time), 3600000) AS ago, uniqExact(id) AS docs
      FROM documents
      WHERE event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        ${filter.where.map((w) => `AND ${w}`).join('\n        ')}
      GROUP BY ago
      ORDER BY ago`,
    params: { ...filter.params, from: Date.parse(from), to: Date.parse(to) },
  };
}

export async function getAlertVolume(
  store: Store,
  scope: AlertScope,
  from: string,
  to: string,
): Promise<Array<{ hoursAgo: number; documents: number }>> {
  const rows = await store.query<{ ago: number | string; docs: number | string }>(
    'getAlertVolume',
    buildAlertVolumeQuery(scope, from, to),
  );
  return rows.map((r) => ({ hoursAgo: Number(r.ago), documents: Number(r.docs) }));
}
