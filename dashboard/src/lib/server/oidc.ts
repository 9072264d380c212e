import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { type Config, createSession, type Secret, writeAudit } from '@yuqing/schemas';
import * as client from 'openid-client';
import { safeNext } from './access.ts';
import { appContext, logger } from './context.ts';
import { OidcFlowStore } from './oidc-flows.ts';
import { type OidcRefusal, resolveOidcUser, usernameFromClaims } from './oidc-users.ts';
import { clientAddress, setSessionCookie } from './session.ts';

/** OIDC sign-in as configured; null when YUQING_OIDC_ISSUER is unset (sign-in stays local only). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: Secret | undefined;
  redirectUri: URL;
  name: string;
  usernameClaim: string;
}

export function oidcSettings(config: Config): OidcSettings | null {
  if (!config.oidcIssuer || !config.oidcClientId || !config.publicUrl) return null;
  return {
    issuer: new URL(config.oidcIssuer),
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    redirectUri: new URL(
      'auth/oidc/callback',
      config.publicUrl.endsWith('/') ? config.publicUrl : `${config.publicUrl}/`,
    ),
    name: config.oidcName,
    usernameClaim: config.oidcUsernameClaim,
  };
}

const FLOW_COOKIE = 'yuqing_oidc';
const FLOW_COOKIE_PATH = '/auth/oidc';
const FLOW_TTL_SECONDS = 600;
const flows = new OidcFlowStore({ ttlMs: FLOW_TTL_SECONDS * 1000, maxPending: 10_000 });

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

/** Discovers the identity service once per process; a failed discovery is retried on the next sign-in. */
function clientConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  if (discovered?.key === key) return discovered.config;
  const secret = settings.clientSecret?.reveal();
  const config = client
    .discovery(
      settings.issuer,
      settings.clientId,
      secret === undefined ? undefined : { client_secret: secret },
      secret === undefined ? client.None() : client.ClientSecretBasic(secret),
      // Plain http passes the config check only on the loopback address (tests, a local IdP).
      settings.issuer.protocol === 'http:'
        ? { execute: [client.allowInsecureRequests], timeout: 10 }
        : { timeout: 10 },
    )
    .catch((err: unknown) => {
      if (discovered?.config === config) discovered = undefined;
      throw err;
    });
  discovered = { key, config };
  return config;
}

/**
 * Where to send the browser to sign in: the identity service, for a new flow whose secrets stay
 * here keyed by an HttpOnly cookie; or back to the login page when the service cannot be reached.
 */
export async function beginOidcSignIn(
  event: RequestEvent,
  settings: OidcSettings,
  next: string,
): Promise<string> {
  let config: client.Configuration;
  try {
    config = await clientConfiguration(settings);
  } catch (err) {
    logger().warn({ method: 'oidc', cause: errorSummary(err) }, 'oidc discovery failed');
    return refusalUrl('unavailable', safeNext(next));
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const id = flows.put({ state, nonce, codeVerifier, next: safeNext(next) });
  event.cookies.set(FLOW_COOKIE, id, {
    path: FLOW_COOKIE_PATH,
    httpOnly: true,
    // Lax: the identity service sends the browser back with a top-level GET, which carries it.
    sameSite: 'lax',
    secure: settings.redirectUri.protocol === 'https:',
    maxAge: FLOW_TTL_SECONDS,
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri.href,
    scope: settings.usernameClaim === 'email' ? 'openid profile email' : 'openid profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

export type OidcSignInResult = { ok: true; next: string } | { ok: false; reason: OidcRefusal; next: string };

/**
 * Finishes a sign-in at the callback: the flow (once), the code exchange with PKCE, state and nonce
 * checked by openid-client, then the vouched username mapped to a local account. Success opens the
 * same session as a password login. Every outcome is audited; logs carry no tokens or usernames.
 */
export async function finishOidcSignIn(
  event: RequestEvent,
  settings: OidcSettings,
): Promise<OidcSignInResult> {
  const { store } = appContext();
  const ip = clientAddress(event);
  const flow = flows.take(event.cookies.get(FLOW_COOKIE));
  clearFlowCookie(event.cookies, settings);
  const refuse = async (reason: OidcRefusal, next: string, target = '', err?: unknown) => {
    await writeAudit(store, {
      actorId: 'anonymous',
      action: 'login.failed',
      target,
      detail: `oidc: ${reason}`,
      ip,
    });
    logger().warn(
      { method: 'oidc', reason, ...(err ? { cause: errorSummary(err) } : {}) },
      'oidc sign-in refused',
    );
    return { ok: false as const, reason, next };
  };
  const returnedState = event.url.searchParams.get('state');
  if (!flow || returnedState !== flow.state) return refuse('state', '/');

  let username: string | null;
  try {
    const config = await clientConfiguration(settings);
    // The URL the identity service redirected to, as registered (the request may come through a proxy).
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = event.url.search;
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    username = usernameFromClaims(claims, settings.usernameClaim);
    if (username === null && claims && tokens.access_token) {
      // Many services put profile claims only in userinfo for the code flow.
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      username = usernameFromClaims(info, settings.usernameClaim);
    }
  } catch (err) {
    return refuse(isUnreachable(err) ? 'unavailable' : 'idp', flow.next, '', err);
  }
  if (username === null) return refuse('claim', flow.next);

  const mapped = await resolveOidcUser(store, username);
  if (!mapped.ok) return refuse(mapped.reason, flow.next, username);
  const { user } = mapped;
  const { token, expiresAt } = await createSession(store, user.id);
  setSessionCookie(
    event,
    token,
    expiresAt,
    event.url.protocol === 'https:' || settings.redirectUri.protocol === 'https:',
  );
  await writeAudit(store, { actorId: user.id, action: 'login', target: user.username, detail: 'oidc', ip });
  logger().info({ userId: user.id, method: 'oidc' }, 'login');
  return { ok: true, next: flow.next };
}

/** Where a refused sign-in lands: the login page with a message code (and the page the user wanted). */
export function refusalUrl(reason: OidcRefusal, next: string): string {
  const params = new URLSearchParams({ error: `oidc_${reason}` });
  if (next !== '/') params.set('next', next);
  return `/login?${params}`;
}

function clearFlowCookie(cookies: Cookies, settings: OidcSettings): void {
  cookies.delete(FLOW_COOKIE, {
    path: FLOW_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.redirectUri.protocol === 'https:',
  });
}

/** A network failure or timeout talking to the identity service, as opposed to a refusal by it. */
function isUnreachable(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { name?: string; code?: string } } | undefined;
  if (!e) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.cause?.name === 'TimeoutError') return true;
  if (e.name === 'TypeError' && /fetch failed/i.test(String((err as Error).message))) return true;
  return ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(
    e.cause?.code ?? e.code ?? '',
  );
}

/** Names and OAuth error codes only: never a token, a body or a description that may echo user data. */
function errorSummary(err: unknown): Record<string, string> {
  const e = err as { name?: unknown; code?: unknown; error?: unknown; cause?: { code?: unknown } };
  const out: Record<string, string> = {};
  if (typeof e?.name === 'string') out.name = e.name;
  if (typeof e?.code === 'string') out.code = e.code;
  if (typeof e?.error === 'string') out.error = e.error;
  if (typeof e?.cause?.code === 'string') out.causeCode = e.cause.code;
  return out;
}
