import type { User } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { type UserRow, userFromRow } from './getUserByUsername.ts';

/** All users, newest version of each, optionally only those of some departments. */
export function buildUsersQuery(departmentIds?: readonly string[]): BuiltQuery {
  const where = departmentIds ? 'WHERE has({departments:Array(String)}, department_id)' : '';
  return {
    query: `SELECT id, username, display_name, password_hash, roles, department_id, disabled
      FROM users FINAL ${where} ORDER BY username`,
    params: departmentIds ? { departments: departmentIds } : {},
  };
}

export async function getUsers(store: Store, departmentIds?: readonly string[]): Promise<User[]> {
  const rows = await store.query<UserRow>('getUsers', buildUsersQuery(departmentIds));
  return rows.map((r) => {
    const { passwordHash: _omit, ...user } = userFromRow(r);
    return user;
  });
}
