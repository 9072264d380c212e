/**
 * OIDC sign-in on a real embedded store: who the identity service's username maps to, who is
 * refused, how a started flow is kept, and that a callback without its flow is refused and audited.
 * Fixture story: 本级 with 东区 and 西区; 东区's leader `lead-east` is active, 西区's analyst
 * `ana-west` has been disabled by the admin, and `stranger` exists only at the identity service.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { getAuditLog, loadConfig, type Store, writeUser } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishOidcSignIn, oidcSettings, refusalUrl } from './oidc.ts';
import { OidcFlowStore } from './oidc-flows.ts';
import { oidcRefusalMessage, resolveOidcUser, usernameFromClaims } from './oidc-users.ts';
import { openDistrictStore, user } from './test-fixtures.ts';

let store: Store;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await openDistrictStore('dashboard-oidc'));
  await writeUser(store, user('lead-east', ['leader'], 'east'), 'not-a-hash');
  await writeUser(store, { ...user('ana-west', ['analyst'], 'west'), disabled: true }, 'not-a-hash');
});

afterAll(async () => {
  await close();
});

const settings = oidcSettings(
  loadConfig({
    YUQING_OIDC_ISSUER: 'https://sso.example.gov.cn/realms/main',
    YUQING_OIDC_CLIENT_ID: 'yuqing',
    YUQING_PUBLIC_URL: 'https://yq.example.gov.cn/yuqing',
  }),
);

describe('OIDC settings', () => {
  it('are off without an issuer and register the callback under the public URL', () => {
    expect(oidcSettings(loadConfig({}))).toBeNull();
    expect(settings?.redirectUri.href).toBe('https://yq.example.gov.cn/yuqing/auth/oidc/callback');
    expect(settings?.name).toBe('统一身份认证');
    expect(settings?.usernameClaim).toBe('preferred_username');
  });
});

describe('mapping the vouched username to a local account', () => {
  it('maps an active user with the roles and department of the local record', async () => {
    const result = await resolveOidcUser(store, 'lead-east');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ username: 'lead-east', roles: ['leader'], departmentId: 'east' });
    expect(result.user).not.toHaveProperty('passwordHash');
  });

  it('refuses an unknown user and a disabled one, creating nobody', async () => {
    expect(await resolveOidcUser(store, 'stranger')).toEqual({ ok: false, reason: 'unknown_user' });
    expect(await resolveOidcUser(store, 'ana-west')).toEqual({ ok: false, reason: 'disabled' });
    expect(await resolveOidcUser(store, 'stranger')).toEqual({ ok: false, reason: 'unknown_user' });
  });

  it('reads only a non-empty string claim', () => {
    expect(usernameFromClaims({ preferred_username: ' lead-east ' }, 'preferred_username')).toBe('lead-east');
    expect(usernameFromClaims({ preferred_username: '' }, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ preferred_username: ['a'] }, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ sub: 'x' }, 'preferred_username')).toBeNull();
    expect(usernameFromClaims(undefined, 'preferred_username')).toBeNull();
    expect(usernameFromClaims({ employee_no: 'E1001' }, 'employee_no')).toBe('E1001');
  });

  it('turns refusal codes into Chinese messages and ignores anything else', () => {
    expect(oidcRefusalMessage('oidc_unknown_user', '政务统一身份认证')).toContain('未在本平台开通');
    expect(oidcRefusalMessage('oidc_state', '统一身份认证')).toContain('重新');
    expect(oidcRefusalMessage('oidc_<script>', '统一身份认证')).toBeNull();
    expect(oidcRefusalMessage(null, '统一身份认证')).toBeNull();
    expect(refusalUrl('disabled', '/search?q=a')).toBe('/login?error=oidc_disabled&next=%2Fsearch%3Fq%3Da');
    expect(refusalUrl('state', '/')).toBe('/login?error=oidc_state');
  });
});

describe('pending sign-ins', () => {
  const flow = { state: 's', nonce: 'n', codeVerifier: 'v', next: '/' };

  it('hands a flow out once, so a replayed callback finds nothing', () => {
    const flows = new OidcFlowStore({ ttlMs: 60_000, maxPending: 10 });
    const id = flows.put(flow);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(flows.take(id)).toEqual(flow);
    expect(flows.take(id)).toBeNull();
    expect(flows.take('forged')).toBeNull();
    expect(flows.take(undefined)).toBeNull();
  });

  it('forgets expired flows and keeps at most maxPending', () => {
    let now = 0;
    const flows = new OidcFlowStore({ ttlMs: 1000, maxPending: 3, now: () => now });
    const old = flows.put(flow);
    now = 1001;
    expect(flows.take(old)).toBeNull();
    const ids = [1, 2, 3, 4].map((i) => flows.put({ ...flow, state: `s${i}` }));
    expect(flows.size).toBe(3);
    expect(flows.take(ids[0])).toBeNull();
    expect(flows.take(ids[3])?.state).toBe('s4');
  });
});

describe('the callback', () => {
  it('refuses a callback without its flow (forged state) and audits it without the code', async () => {
    const set: string[] = [];
    const cookies = {
      get: () => undefined,
      set: (name: string) => set.push(name),
      delete: () => undefined,
    } as unknown as Cookies;
    const event = {
      url: new URL('https://yq.example.gov.cn/yuqing/auth/oidc/callback?code=stolen-code&state=forged'),
      cookies,
      getClientAddress: () => '10.0.0.8',
    } as unknown as RequestEvent;
    const result = await finishOidcSignIn(event, settings as NonNullable<typeof settings>);
    expect(result).toEqual({ ok: false, reason: 'state', next: '/' });
    expect(set).not.toContain('yuqing_session');
    const audit = await getAuditLog(store, {
      from: new Date(Date.now() - 60_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      action: 'login.failed',
      limit: 10,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'anonymous', detail: 'oidc: state', ip: '10.0.0.8' });
    expect(JSON.stringify(audit)).not.toContain('stolen-code');
  });
});
