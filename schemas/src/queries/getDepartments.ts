import type { BuiltQuery, Store } from '../store/engine.ts';

export interface Department {
  id: string;
  parentId: string;
  name: string;
}

/** Every live department (the tree is small: a city has hundreds, not millions). */
export function buildDepartmentsQuery(): BuiltQuery {
  return {
    query: `SELECT id, parent_id, name FROM departments FINAL WHERE deleted = 0 ORDER BY name, id`,
    params: {},
  };
}

export async function getDepartments(store: Store): Promise<Department[]> {
  const rows = await store.query<{ id: string; parent_id: string; name: string }>(
    'getDepartments',
    buildDepartmentsQuery(),
  );
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name }));
}
