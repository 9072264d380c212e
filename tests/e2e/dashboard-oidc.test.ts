/**
 * OIDC sign-in (统一身份认证) in a real browser against a real identity provider: `oidc-provider`
 * runs in this process on a free loopback port with its development login form (any password) and
 * one confidential client, the platform runs configured with it. The admin sets up, in 本级:
 *
 *   东区 (east): leader `lead-east`         – signs in at the identity service, comes back as leader
 *   西区 (west): analyst `ana-off`, disabled – refused
 *   `stranger` exists only at the identity service                     – refused, nobody created
 *
 * Then the callback is attacked directly: a forged state, a replayed flow, an error from the service.
 * Screenshots and the platform's log go to test-output/e2e/oidc/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
// @ts-expect-error oidc-provider ships no type declarations; the little used here is typed below.
import UntypedProvider from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiSession, browserLogin } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const CLIENT_ID = 'yuqing-e2e';
const CLIENT_SECRET = 'e2e-oidc-client-secret-never-logged';
const OIDC_NAME = '政务服务统一身份认证';
const LOCAL_PASSWORD = 'local-password-kept';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/oidc');

interface IdentityProvider {
  listen(port: number, host: string, ready: () => void): Server;
}
const Provider = UntypedProvider as new (
  issuer: string,
  configuration: {
    clients: Record<string, unknown>[];
    findAccount: (ctx: unknown, id: string) => Promise<{ accountId: string; claims: () => Promise<object> }>;
    claims: Record<string, string[]>;
    features: Record<string, { enabled: boolean }>;
    cookies: { keys: string[] };
  },
) => IdentityProvider;

/** The identity provider: any login name is an account whose preferred_username is that name. */
async function startIdentityProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: id, name: id }) };
    },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['e2e-oidc-cookie-key'] },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return { issuer, server };
}

/** Clicks 使用…登录 on the login page, signs in at the identity service as `login` and consents. */
async function signInAtIdentityService(page: Page, base: string, login: string): Promise<void> {
  const button = page.locator('[data-testid="oidc-login"]');
  expect(await button.textContent()).toContain(`使用${OIDC_NAME}登录`);
  await Promise.all([page.waitForURL((u) => !u.href.startsWith(base)), button.click()]);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password-the-dev-form-accepts');
  await page.locator('button[type="submit"]').click();
  // The consent step of the development interactions, then back to the platform.
  await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(base) && !u.pathname.startsWith('/auth/oidc/')),
    page.locator('button[type="submit"]').click(),
  ]);
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

function cookieValue(res: Response, name: string): string | undefined {
  const line = setCookies(res).find((c) => c.startsWith(`${name}=`));
  return line?.split(';')[0]?.slice(name.length + 1);
}

describe('OIDC sign-in', { timeout: 120_000 }, () => {
  const tmp = tempDir('e2e-oidc');
  let platform: PlatformProcess | undefined;
  let idp: { issuer: string; server: Server } | undefined;
  let browser: Browser;
  let base = '';
  const contexts: BrowserContext[] = [];

  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider(`${base}/auth/oidc/callback`);
    platform = await startPlatform({
      YUQING_DATA_DIR: tmp.dir,
      PORT: String(port),
      YUQING_PUBLIC_URL: base,
      YUQING_DEMO: 'off',
      YUQING_DEMO_PORT: String(await freePort()),
      YUQING_ADMIN_PASSWORD: ADMIN_PASSWORD,
      YUQING_SOURCES: path.join(tmp.dir, 'no-sources.yaml'),
      YUQING_OIDC_ISSUER: idp.issuer,
      YUQING_OIDC_CLIENT_ID: CLIENT_ID,
      YUQING_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      YUQING_OIDC_NAME: OIDC_NAME,
    });
    expect(platform.url).toBe(base);

    const { call } = await apiSession(base, 'admin', ADMIN_PASSWORD);
    const mkDept = async (name: string) => {
      const res = await call('POST', '/api/admin/departments', { name, parentId: 'root' });
      expect(res.status).toBe(201);
      return ((await res.json()) as { department: { id: string } }).department.id;
    };
    const east = await mkDept('东区');
    const west = await mkDept('西区');
    const mkUser = async (username: string, roles: string[], departmentId: string) => {
      const res = await call('POST', '/api/admin/users', {
        username,
        displayName: username,
        password: LOCAL_PASSWORD,
        roles,
        departmentId,
      });
      expect(res.status, username).toBe(201);
      return ((await res.json()) as { user: { id: string } }).user.id;
    };
    await mkUser('lead-east', ['leader'], east);
    const off = await mkUser('ana-off', ['analyst'], west);
    expect((await call('PATCH', `/api/admin/users/${off}`, { disabled: true })).status).toBe(200);
  });

  afterAll(async () => {
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    await new Promise((resolve) => (idp ? idp.server.close(resolve) : resolve(undefined)));
    tmp.cleanup();
  });

  it('signs a local leader in through the identity service, back on the page they wanted', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/events`);
    await page.waitForURL(/\/login\?next=%2Fevents/);
    // Password sign-in stays beside the button.
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, 'login-with-oidc.png'), fullPage: true });

    await signInAtIdentityService(page, base, 'lead-east');
    expect(new URL(page.url()).pathname).toBe('/events');

    const session = (await (await page.request.get(`${base}/api/session`)).json()) as {
      user: { username: string; roles: string[] };
    };
    expect(session.user).toMatchObject({ username: 'lead-east', roles: ['leader'] });
    const cookie = (await context.cookies(base)).find((c) => c.name === 'yuqing_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await context.cookies(base)).some((c) => c.name === 'yuqing_oidc')).toBe(false);

    // What a leader may see, and what not: the cockpit, not the admin pages.
    expect((await page.request.get(`${base}/api/cockpit/summary`)).status()).toBe(200);
    expect((await page.request.get(`${base}/api/admin/users`)).status()).toBe(403);
    await page.goto(`${base}/`);
    await page.locator('[data-testid="volume-chart"]').waitFor();
    expect(await page.locator('a[href="/admin/users"]').count()).toBe(0);
    await page.screenshot({ path: path.join(OUTPUT, 'leader-signed-in.png'), fullPage: true });
    expect((await page.goto(`${base}/admin/users`))?.status()).toBe(403);
  });

  it('keeps the password form working beside the button', async () => {
    const page = await browserLogin(browser, base, 'lead-east', LOCAL_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('refuses a user the platform does not know, and a disabled one, on the login page', async () => {
    for (const [login, message, shot] of [
      ['stranger', '未在本平台开通', 'refused-unknown.png'],
      ['ana-off', '已停用', 'refused-disabled.png'],
    ] as const) {
      const { context, page } = await newPage();
      await page.goto(`${base}/login`);
      await signInAtIdentityService(page, base, login);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.locator('[data-testid="oidc-error"]').textContent()).toContain(message);
      expect((await context.cookies(base)).some((c) => c.name === 'yuqing_session')).toBe(false);
      expect((await page.request.get(`${base}/api/session`)).status()).toBe(401);
      await page.screenshot({ path: path.join(OUTPUT, shot), fullPage: true });
    }
    const { call } = await apiSession(base, 'admin', ADMIN_PASSWORD);
    const users = (await (await call('GET', '/api/admin/users')).json()) as { items: { username: string }[] };
    expect(users.items.map((u) => u.username)).not.toContain('stranger');
  });

  it('refuses a forged state, a replayed flow and an error from the identity service', async () => {
    const start = async () => {
      const res = await fetch(`${base}/auth/oidc/login?next=${encodeURIComponent('//evil.example/x')}`, {
        redirect: 'manual',
      });
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.origin).toBe(idp?.issuer);
      expect(location.searchParams.get('code_challenge_method')).toBe('S256');
      expect(location.searchParams.get('redirect_uri')).toBe(`${base}/auth/oidc/callback`);
      const flow = cookieValue(res, 'yuqing_oidc');
      expect(flow).toBeTruthy();
      expect(setCookies(res).find((c) => c.startsWith('yuqing_oidc='))).toMatch(/HttpOnly/i);
      return { cookie: `yuqing_oidc=${flow}`, state: location.searchParams.get('state') as string };
    };
    const callback = (query: Record<string, string>, cookie?: string) =>
      fetch(`${base}/auth/oidc/callback?${new URLSearchParams(query)}`, {
        redirect: 'manual',
        headers: cookie ? { cookie } : {},
      });
    const expectRefused = async (res: Response, reason: string) => {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(new RegExp(`^/login\\?error=oidc_${reason}`));
      expect(cookieValue(res, 'yuqing_session')).toBeUndefined();
    };

    const flow = await start();
    await expectRefused(await callback({ code: 'forged-code', state: 'forged-state' }, flow.cookie), 'state');
    // The flow was spent by that attempt: its real state no longer opens anything.
    await expectRefused(await callback({ code: 'forged-code', state: flow.state }, flow.cookie), 'state');
    await expectRefused(await callback({ code: 'forged-code', state: flow.state }), 'state');

    const denied = await start();
    const res = await callback(
      { error: 'access_denied', state: denied.state, iss: idp?.issuer as string },
      denied.cookie,
    );
    await expectRefused(res, 'idp');
    // Only same-origin paths come back as `next`, never another site.
    expect(res.headers.get('location')).toBe('/login?error=oidc_idp');

    const { call } = await apiSession(base, 'admin', ADMIN_PASSWORD);
    const audit = (await (await call('GET', '/api/admin/audit?action=login')).json()) as {
      items: { action: string; target: string; detail: string }[];
    };
    expect(audit.items).toContainEqual(expect.objectContaining({ target: 'lead-east', detail: 'oidc' }));
    const failed = (await (await call('GET', '/api/admin/audit?action=login.failed')).json()) as {
      items: { target: string; detail: string }[];
    };
    const details = failed.items.map((e) => e.detail);
    expect(details).toEqual(
      expect.arrayContaining(['oidc: unknown_user', 'oidc: disabled', 'oidc: state', 'oidc: idp']),
    );
    expect(details.filter((d) => d === 'oidc: state')).toHaveLength(3);

    // Logs name reasons, never the secret, a code or a refused username.
    const log = platform?.lines.join('\n') ?? '';
    expect(log).toContain('oidc sign-in refused');
    for (const secret of [CLIENT_SECRET, 'forged-code', 'stranger']) expect(log).not.toContain(secret);
  });
});
