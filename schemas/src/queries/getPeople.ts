import type { BuiltQuery, Store } from '../store/engine.ts';
import type { WatchedPersonRecord } from '../writes-people.ts';

export interface PeopleFilter {
  ids?: readonly string[];
  departmentIds?: readonly string[];
  enabledOnly?: boolean;
  includeDeleted?: boolean;
}

/** The newest version of each watched person. */
export function buildPeopleQuery(filter: PeopleFilter = {}): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (!filter.includeDeleted) where.push('deleted = 0');
  if (filter.enabledOnly) where.push('enabled = 1');
  if (filter.ids) {
    where.push('id IN {ids:Array(String)}');
    params.ids = filter.ids;
  }
  if (filter.departmentIds) {
    where.push('has({departments:Array(String)}, department_id)');
    params.departments = filter.departmentIds;
  }
  return {
    query: `SELECT id, version, department_id, name, aliases, roles, note, enabled, deleted, updated_by,
        toUnixTimestamp64Milli(updated_at) AS updated_at
      FROM watched_people FINAL
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY name, id`,
    params,
  };
}

interface Row {
  id: string;
  version: number | string;
  department_id: string;
  name: string;
  aliases: string[];
  roles: string[];
  note: string;
  enabled: number;
  deleted: number;
  updated_by: string;
  updated_at: number | string;
}

export async function getPeople(store: Store, filter: PeopleFilter = {}): Promise<WatchedPersonRecord[]> {
  const rows = await store.query<Row>('getPeople', buildPeopleQuery(filter));
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    departmentId: r.department_id,
    name: r.name,
    aliases: r.aliases,
    roles: r.roles,
    note: r.note,
    enabled: Number(r.enabled) === 1,
    deleted: Number(r.deleted) === 1,
    updatedBy: r.updated_by,
    updatedAt: Number(r.updated_at),
  }));
}
