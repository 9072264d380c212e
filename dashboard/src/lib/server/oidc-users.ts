import { getUserByUsername, type Store, type User } from '@yuqing/schemas';

/** Why an OIDC sign-in was refused; the code travels to the login page, never the details. */
export const OIDC_REFUSALS = ['state', 'idp', 'claim', 'unknown_user', 'disabled', 'unavailable'] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

const MESSAGES: Record<OidcRefusal, (name: string) => string> = {
  state: () => '登录请求无效或已过期，请重新点击登录。',
  idp: (name) => `${name}未完成登录，请重试。`,
  claim: (name) => `${name}未提供用户名，无法登录，请联系管理员。`,
  unknown_user: (name) => `该${name}账号未在本平台开通，请联系管理员开通后再登录。`,
  disabled: () => '该账号已停用，请联系管理员。',
  unavailable: (name) => `${name}服务暂时无法访问，请稍后重试或使用账号密码登录。`,
};

/** The login page's message for `?error=oidc_<code>`; null for anything else. */
export function oidcRefusalMessage(error: string | null | undefined, name: string): string | null {
  if (!error?.startsWith('oidc_')) return null;
  const code = error.slice(5) as OidcRefusal;
  return OIDC_REFUSALS.includes(code) ? MESSAGES[code](name) : null;
}

/**
 * The username the identity service vouches for: the configured claim, a non-empty string.
 * Anything else (missing, a number, an array) yields null rather than a guess.
 */
export function usernameFromClaims(
  claims: Record<string, unknown> | undefined,
  claim: string,
): string | null {
  const value = claims?.[claim];
  if (typeof value !== 'string') return null;
  const username = value.trim();
  return username.length > 0 && username.length <= 256 ? username : null;
}

export type OidcUserResult =
  | { ok: true; user: User }
  | { ok: false; reason: Extract<OidcRefusal, 'unknown_user' | 'disabled'> };

/**
 * Maps a vouched username to an existing local account. Authorisation stays local: roles and
 * department are the admin's record; nobody is created here, and a disabled account stays out.
 */
export async function resolveOidcUser(store: Store, username: string): Promise<OidcUserResult> {
  const found = await getUserByUsername(store, username);
  if (!found) return { ok: false, reason: 'unknown_user' };
  if (found.disabled) return { ok: false, reason: 'disabled' };
  const { passwordHash: _omit, ...user } = found;
  return { ok: true, user };
}
