import type { BuiltQuery, Store } from '../store/engine.ts';
import type { PlanRecord, PlanSharing } from '../writes-plans.ts';

export interface PlansFilter {
  ids?: readonly string[];
  /** Plans owned by these departments (the caller works out sharing and the department tree). */
  departmentIds?: readonly string[];
  /** Plans other departments shared with everyone are included with `departmentIds`. */
  includeSharedWithAll?: boolean;
  /** Ancestors of the viewer's department: their plans shared with sub-departments are included. */
  ancestorIds?: readonly string[];
  enabledOnly?: boolean;
  includeDeleted?: boolean;
}

/** The newest version of each plan. */
export function buildPlansQuery(filter: PlansFilter = {}): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (!filter.includeDeleted) where.push('deleted = 0');
  if (filter.enabledOnly) where.push('enabled = 1');
  if (filter.ids) {
    where.push('id IN {ids:Array(String)}');
    params.ids = filter.ids;
  }
  if (filter.departmentIds) {
    const visible = ['has({departments:Array(String)}, department_id)'];
    if (filter.includeSharedWithAll) visible.push("sharing = 'all'");
    if (filter.ancestorIds?.length) {
      visible.push("(sharing = 'subtree' AND has({ancestors:Array(String)}, department_id))");
      params.ancestors = filter.ancestorIds;
    }
    where.push(`(${visible.join(' OR ')})`);
    params.departments = filter.departmentIds;
  }
  return {
    query: `SELECT id, version, match_version, department_id, name, expression, persons, region_codes, exclusions,
        sharing, enabled, deleted, created_by, updated_by,
        toUnixTimestamp64Milli(created_at) AS created_at, toUnixTimestamp64Milli(updated_at) AS updated_at
      FROM plans FINAL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY department_id, name, id`,
    params,
  };
}

interface Row {
  id: string;
  version: number | string;
  match_version: number | string;
  department_id: string;
  name: string;
  expression: string;
  persons: string[];
  region_codes: string[];
  exclusions: string[];
  sharing: string;
  enabled: number;
  deleted: number;
  created_by: string;
  updated_by: string;
  created_at: number | string;
  updated_at: number | string;
}

export async function getPlans(store: Store, filter: PlansFilter = {}): Promise<PlanRecord[]> {
  const rows = await store.query<Row>('getPlans', buildPlansQuery(filter));
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    matchVersion: Number(r.match_version),
    departmentId: r.department_id,
    name: r.name,
    expression: r.expression,
    persons: r.persons,
    regionCodes: r.region_codes,
    exclusions: r.exclusions,
    sharing: r.sharing as PlanSharing,
    enabled: Number(r.enabled) === 1,
    deleted: Number(r.deleted) === 1,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  }));
}
