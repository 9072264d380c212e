import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Logger } from './logger.ts';
import { getSessionUser } from './queries/getSessionUser.ts';
import { getUserByUsername, type UserWithHash } from './queries/getUserByUsername.ts';
import type { User } from './records.ts';
import type { Store } from './store/engine.ts';
import { writeAudit, writeDepartment, writeSession, writeUser } from './writes.ts';

export const ROOT_DEPARTMENT = { id: 'root', parentId: '', name: '本级' };
export const SESSION_DAYS = 7;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password; a missing user still costs one hash so timing does not reveal usernames. */
const DUMMY_HASH = hash('not-a-password-but-costs-the-same');
export async function authenticate(store: Store, username: string, password: string): Promise<User | null> {
  const user = await getUserByUsername(store, username);
  const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
  if (!user || !ok || user.disabled) return null;
  const { passwordHash: _omit, ...publicUser } = user;
  return publicUser;
}

/**
 * Makes sure the `admin` account exists. Its password comes from YUQING_ADMIN_PASSWORD or is
 * generated; a generated one is returned so the caller can print it once, to the terminal only.
 */
export async function ensureAdmin(
  store: Store,
  logger: Logger,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await getUserByUsername(store, 'admin')) return { created: false };
  await writeDepartment(store, ROOT_DEPARTMENT);
  const generated = password ? undefined : randomBytes(12).toString('base64url');
  const admin: User = {
    id: randomUUID(),
    username: 'admin',
    displayName: '系统管理员',
    roles: ['admin', 'leader', 'analyst', 'editor'],
    departmentId: ROOT_DEPARTMENT.id,
    disabled: false,
  };
  await writeUser(store, admin, await hashPassword(password ?? (generated as string)));
  await writeAudit(store, { actorId: 'system', action: 'user.create', target: admin.id, detail: 'admin' });
  logger.info({ user: 'admin' }, 'admin account created');
  return { created: true, generatedPassword: generated };
}

/** Session tokens live only in the cookie; the store keeps their SHA-256. */
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  store: Store,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = Date.now();
  const expiresAt = createdAt + SESSION_DAYS * 86_400_000;
  await writeSession(store, { id: sessionId(token), userId, createdAt, expiresAt, revoked: false });
  return { token, expiresAt: new Date(expiresAt) };
}

export async function sessionUser(store: Store, token: string): Promise<User | null> {
  const user: UserWithHash | null = await getSessionUser(store, sessionId(token));
  if (!user) return null;
  const { passwordHash: _omit, ...publicUser } = user;
  return publicUser;
}

export async function revokeSession(store: Store, token: string, userId: string): Promise<void> {
  await writeSession(store, { id: sessionId(token), userId, createdAt: 0, expiresAt: 0, revoked: true });
}
