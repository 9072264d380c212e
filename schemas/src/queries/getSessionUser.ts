import type { BuiltQuery, Store } from '../store/engine.ts';
import { type UserRow, type UserWithHash, userFromRow } from './getUserByUsername.ts';

/** The user behind a live session (not revoked, not expired, user not disabled). */
export function buildSessionUserQuery(sessionId: string, now: number): BuiltQuery {
  return {
    query: `SELECT u.id AS id, u.username AS username, u.display_name AS display_name,
        u.password_hash AS password_hash, u.roles AS roles, u.department_id AS department_id, u.disabled AS disabled
      FROM (SELECT user_id FROM sessions FINAL
            WHERE id = {id:String} AND revoked = 0 AND expires_at > fromUnixTimestamp64Milli({now:Int64}, 'UTC')) AS s
      INNER JOIN (SELECT * FROM users FINAL) AS u ON u.id = s.user_id
      WHERE u.disabled = 0
      LIMIT 1`,
    params: { id: sessionId, now },
  };
}

export async function getSessionUser(
  store: Store,
  sessionId: string,
  now = Date.now(),
): Promise<UserWithHash | null> {
  const [row] = await store.query<UserRow>('getSessionUser', buildSessionUserQuery(sessionId, now));
  return row ? userFromRow(row) : null;
}
