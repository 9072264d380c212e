import type { BuiltQuery, Store } from '../store/engine.ts';
import { type UserRow, type UserWithHash, userFromRow } from './getUserByUsername.ts';

export function buildUserByIdQuery(id: string): BuiltQuery {
  return {
    query: `SELECT id, username, display_name, password_hash, roles, department_id, disabled
      FROM users FINAL WHERE id = {id:String} LIMIT 1`,
    params: { id },
  };
}

/** The newest version of one user, with the password hash (for updates and password checks). */
export async function getUserById(store: Store, id: string): Promise<UserWithHash | null> {
  const [row] = await store.query<UserRow>('getUserById', buildUserByIdQuery(id));
  return row ? userFromRow(row) : null;
}
