import type { Cookies, RequestEvent } from '@sveltejs/kit';
import {
  authenticate,
  createSession,
  revokeSession,
  sessionUser,
  type User,
  writeAudit,
} from '@yuqing/schemas';
import { appContext, logger } from './context.ts';
import { LoginRateLimiter } from './rate-limit.ts';

export const SESSION_COOKIE = 'yuqing_session';

/** 5 failed attempts per username and address within 15 minutes, then a pause. */
export const loginLimiter = new LoginRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000 });

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export function clientAddress(event: RequestEvent): string {
  try {
    return event.getClientAddress();
  } catch {
    return '';
  }
}

/** Checks the rate limit and the password, opens a session, sets the cookie and audits the attempt. */
export async function login(event: RequestEvent, username: string, password: string): Promise<LoginResult> {
  const { store } = appContext();
  const ip = clientAddress(event);
  const key = LoginRateLimiter.key(username, ip);
  const verdict = loginLimiter.check(key);
  if (verdict.blocked) {
    await writeAudit(store, {
      actorId: 'anonymous',
      action: 'login.failed',
      target: username,
      detail: 'rate-limited',
      ip,
    });
    logger().warn({ username, ip }, 'login rate-limited');
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const user = await authenticate(store, username, password);
  if (!user) {
    loginLimiter.recordFailure(key);
    await writeAudit(store, { actorId: 'anonymous', action: 'login.failed', target: username, ip });
    logger().info({ username, ip }, 'login failed');
    return { ok: false, reason: 'invalid' };
  }
  loginLimiter.reset(key);
  const { token, expiresAt } = await createSession(store, user.id);
  setSessionCookie(event, token, expiresAt);
  await writeAudit(store, { actorId: user.id, action: 'login', target: username, ip });
  logger().info({ userId: user.id, ip }, 'login');
  return { ok: true, user };
}

/** Revokes the current session (if any) and clears the cookie. */
export async function logout(event: RequestEvent): Promise<void> {
  const { store } = appContext();
  const token = event.locals.sessionToken;
  const user = event.locals.user;
  if (token && user) {
    await revokeSession(store, token, user.id);
    await writeAudit(store, {
      actorId: user.id,
      action: 'logout',
      target: user.username,
      ip: clientAddress(event),
    });
  }
  clearSessionCookie(event.cookies, event.url);
}

/** Resolves the session cookie into a user; an unknown, expired or revoked token yields null. */
export async function resolveSession(cookies: Cookies): Promise<{ user: User | null; token: string | null }> {
  const token = cookies.get(SESSION_COOKIE) ?? null;
  if (!token) return { user: null, token: null };
  const user = await sessionUser(appContext().store, token);
  return { user, token: user ? token : null };
}

/** The session cookie; `secure` also when a TLS proxy in front makes the public URL https. */
export function setSessionCookie(
  event: RequestEvent,
  token: string,
  expires: Date,
  secure = event.url.protocol === 'https:',
): void {
  event.cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

function clearSessionCookie(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  });
}

/** The Chinese message shown when logins are paused. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `登录失败次数过多，请 ${minutes} 分钟后再试。`;
}
