import type { Role, User } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export type UserWithHash = User & { passwordHash: string };

export function buildUserByUsernameQuery(username: string): BuiltQuery {
  return {
    query: `SELECT id, username, display_name, password_hash, roles, department_id, disabled
      FROM users FINAL WHERE username = {username:String} ORDER BY version DESC LIMIT 1`,
    params: { username },
  };
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  department_id: string;
  disabled: number;
}

export function userFromRow(r: UserRow): UserWithHash {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: r.roles,
    departmentId: r.department_id,
    disabled: Boolean(r.disabled),
  };
}

export async function getUserByUsername(store: Store, username: string): Promise<UserWithHash | null> {
  const [row] = await store.query<UserRow>('getUserByUsername', buildUserByUsernameQuery(username));
  return row ? userFromRow(row) : null;
}
