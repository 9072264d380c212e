/**
 * Roles, departments and pages in a real browser. The platform starts on an empty data directory
 * with the demo site; the admin builds a small organisation through the admin API:
 *
 *   本级 (root) ─┬─ 东区 (east) ── 东区公安分局 (east-police)
 *                └─ 西区 (west)
 *
 * and one user per role: leader `lead-east` (东区), analyst `ana-east` (东区), analyst `ana-west`
 * (西区), editor `edit-west` (西区). Each signs in in Chromium; the test checks what each may and
 * may not see, that every chart of every page is drawn, and saves screenshots in test-output/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiSession, browserLogin } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'role-test-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/roles');

interface Health {
  documents: number;
  analyzed: number;
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in time; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A signed-in API client: the session cookie from POST /api/session. */
async function apiLogin(base: string, username: string, password: string) {
  const { cookie, call } = await apiSession(base, username, password);
  return { cookie, call, get: (url: string) => call('GET', url) };
}

async function paintedPixels(page: Page, testid: string): Promise<number> {
  const canvas = page.locator(`[data-testid="${testid}"] canvas`).first();
  await canvas.waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) count++;
    return count;
  });
}

// Browser steps wait on a platform that may be crawling and analysing beside other suites.
describe('dashboard roles and pages', { timeout: 90_000 }, () => {
  const tmp = tempDir('e2e-roles');
  let platform: PlatformProcess | undefined;
  let browser: Browser;
  let base = '';
  const dept: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    browser = await launchChromium();
    platform = await startPlatform({
      YUQING_DATA_DIR: tmp.dir,
      PORT: String(await freePort()),
      YUQING_DEMO_PORT: String(await freePort()),
      YUQING_ADMIN_PASSWORD: ADMIN_PASSWORD,
      YUQING_SOURCES: path.join(tmp.dir, 'no-sources.yaml'),
    });
    base = platform.url;
    await until(
      async () => (await fetch(`${base}/api/health`)).json() as Promise<Health>,
      (h) => h.documents >= 200 && h.analyzed === h.documents,
    );
  });

  afterAll(async () => {
    // The platform's log beside the screenshots, for when a step times out.
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    tmp.cleanup();
  });

  it('lets the admin build departments and users through the API, audited', async () => {
    const admin = await apiLogin(base, 'admin', ADMIN_PASSWORD);
    const mkDept = async (key: string, name: string, parentId: string) => {
      const res = await admin.call('POST', '/api/admin/departments', { name, parentId });
      expect(res.status).toBe(201);
      dept[key] = ((await res.json()) as { department: { id: string } }).department.id;
    };
    await mkDept('east', '东区', 'root');
    await mkDept('west', '西区', 'root');
    await mkDept('eastPolice', '东区公安分局', dept.east as string);

    const mkUser = async (username: string, roles: string[], departmentId: string) => {
      const res = await admin.call('POST', '/api/admin/users', {
        username,
        displayName: username,
        password: PASSWORD,
        roles,
        departmentId,
      });
      expect(res.status, username).toBe(201);
    };
    await mkUser('lead-east', ['leader'], dept.east as string);
    await mkUser('ana-east', ['analyst'], dept.east as string);
    await mkUser('ana-west', ['analyst'], dept.west as string);
    await mkUser('edit-west', ['editor'], dept.west as string);

    const dup = await admin.call('POST', '/api/admin/users', {
      username: 'ana-east',
      password: PASSWORD,
      roles: ['analyst'],
      departmentId: 'root',
    });
    expect(dup.status).toBe(409);
    const bad = await admin.call('POST', '/api/admin/users', {
      username: 'x',
      password: 'short',
      roles: [],
      departmentId: 'root',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('username');
    const cycle = await admin.call('PATCH', `/api/admin/departments/${dept.east}`, {
      parentId: dept.eastPolice,
    });
    expect(cycle.status).toBe(400);

    const audit = (await (await admin.get('/api/admin/audit?action=user.')).json()) as {
      items: { action: string }[];
    };
    expect(audit.items.filter((e) => e.action === 'user.create').length).toBeGreaterThanOrEqual(4);
  });

  it('checks roles on the server for every API', async () => {
    const expectStatus = async (user: string, url: string, status: number) => {
      const client = await apiLogin(base, user, PASSWORD);
      expect((await client.get(url)).status, `${user} GET ${url}`).toBe(status);
    };
    expect((await fetch(`${base}/api/cockpit/summary`)).status).toBe(401);
    await expectStatus('ana-east', '/api/admin/users', 403);
    await expectStatus('lead-east', '/api/admin/audit', 403);
    await expectStatus('ana-east', '/api/cockpit/summary?range=7d', 200);
    await expectStatus('lead-east', '/api/cockpit/breakdown?dimension=province', 200);
    await expectStatus('edit-west', '/api/cockpit/summary', 403);
    await expectStatus('edit-west', '/api/documents?q=北京', 200);
    await expectStatus('lead-east', '/api/documents/export?format=csv', 403);

    const analyst = await apiLogin(base, 'ana-east', PASSWORD);
    const bad = await analyst.get('/api/documents?mediaType=tv');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', field: 'mediaType' } });
    const badQuery = await analyst.get(`/api/documents?q=${encodeURIComponent('"open')}`);
    expect(((await badQuery.json()) as { error: { field: string } }).error.field).toBe('q');
  });

  it('scopes departments: own and below, never a sibling, even by URL', async () => {
    const east = await apiLogin(base, 'ana-east', PASSWORD);
    const west = await apiLogin(base, 'ana-west', PASSWORD);
    const ids = async (c: typeof east) =>
      ((await (await c.get('/api/departments')).json()) as { items: { id: string }[] }).items
        .map((d) => d.id)
        .sort();
    expect(await ids(east)).toEqual([dept.east, dept.eastPolice].sort());
    expect(await ids(west)).toEqual([dept.west]);
    expect((await east.get(`/api/departments/${dept.eastPolice}`)).status).toBe(200);
    expect((await west.get(`/api/departments/${dept.east}`)).status).toBe(404);
    expect((await west.get(`/api/departments/${dept.eastPolice}`)).status).toBe(404);
    const own = (await (await west.get(`/api/departments/${dept.west}`)).json()) as {
      members: { username: string }[];
    };
    expect(own.members.map((m) => m.username).sort()).toEqual(['ana-west', 'edit-west']);
  });

  it('exports every matching document as CSV with a BOM, and XLSX', async () => {
    const analyst = await apiLogin(base, 'ana-east', PASSWORD);
    const csv = await analyst.get('/api/documents/export?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const health = (await (await fetch(`${base}/api/health`)).json()) as Health;
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines.length - 1).toBeGreaterThanOrEqual(health.analyzed);
    const xlsx = await analyst.get('/api/documents/export?format=xlsx&sentiment=negative,neutral,positive');
    const zip = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(zip[0] as number, zip[1] as number)).toBe('PK');
  });

  it('stops the sessions of a disabled user', async () => {
    const admin = await apiLogin(base, 'admin', ADMIN_PASSWORD);
    const victim = await apiLogin(base, 'edit-west', PASSWORD);
    const users = (await (await admin.get('/api/admin/users')).json()) as {
      items: { id: string; username: string }[];
    };
    const id = users.items.find((u) => u.username === 'edit-west')?.id;
    expect((await admin.call('PATCH', `/api/admin/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await victim.get('/api/documents')).status).toBe(401);
    expect((await admin.call('PATCH', `/api/admin/users/${id}`, { disabled: false })).status).toBe(200);
  });

  it('changes a password only with the old one', async () => {
    const user = await apiLogin(base, 'ana-west', PASSWORD);
    const wrong = await user.call('POST', '/api/account/password', {
      oldPassword: 'not-my-password',
      newPassword: 'a-new-password',
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('oldPassword');
    const change = (from: string, to: string) =>
      user.call('POST', '/api/account/password', { oldPassword: from, newPassword: to });
    expect((await change(PASSWORD, 'a-new-password')).status).toBe(204);
    await apiLogin(base, 'ana-west', 'a-new-password');
    expect((await change('a-new-password', PASSWORD)).status).toBe(204);
  });

  it('shows the leader the cockpit with every chart drawn', async () => {
    const page = await browserLogin(browser, base, 'lead-east', PASSWORD);
    for (const chart of [
      'volume-chart',
      'sentiment-chart',
      'map-chart',
      'region-chart',
      'category-chart',
      'media-chart',
    ]) {
      expect(await paintedPixels(page, chart), chart).toBeGreaterThan(500);
    }
    expect(await page.locator('[data-testid="document-item"]').count()).toBeGreaterThanOrEqual(10);
    await expect(page.locator('a[href="/admin/users"]').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(OUTPUT, 'cockpit-leader.png'), fullPage: true });
    await page.click('[data-testid="range-30d"]');
    await page.waitForURL(/range=30d/);
    expect(await paintedPixels(page, 'volume-chart')).toBeGreaterThan(500);

    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUTPUT, 'cockpit-tablet.png'), fullPage: true });
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.waitForTimeout(500);
    expect(await paintedPixels(page, 'map-chart')).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(OUTPUT, 'cockpit-large-screen.png'), fullPage: true });
    await page.close();
  });

  it('refuses the admin pages to an analyst', async () => {
    const analyst = await browserLogin(browser, base, 'ana-east', PASSWORD);
    const res = await analyst.goto(`${base}/admin/users`);
    expect(res?.status()).toBe(403);
    expect(await analyst.textContent('body')).toContain('没有权限');
    await analyst.screenshot({ path: path.join(OUTPUT, 'admin-refused-analyst.png') });
    await analyst.close();
  });

  it('sends an editor to search and refuses the cockpit data and admin pages', async () => {
    const editor = await browserLogin(browser, base, 'edit-west', PASSWORD);
    await editor.waitForURL(/\/search/);
    expect((await editor.request.get(`${base}/api/cockpit/trend`)).status()).toBe(403);
    expect((await editor.goto(`${base}/admin/departments`))?.status()).toBe(403);
    await editor.close();
  });

  it('searches with highlighted matches and opens a document with its analysis', async () => {
    const page = await browserLogin(browser, base, 'ana-east', PASSWORD);
    const first = (await (await page.request.get(`${base}/api/documents?limit=1`)).json()) as {
      items: { id: string; keywords: string[]; title: string }[];
    };
    const word = first.items[0]?.keywords[0] ?? '';
    expect(word).not.toBe('');
    await page.goto(`${base}/search?q=${encodeURIComponent(word)}`);
    await page.locator('[data-testid="search-item"]').first().waitFor();
    expect(await page.locator('[data-testid="search-item"] mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(OUTPUT, 'search.png'), fullPage: true });

    await page.locator('[data-testid="search-item"] h3 a').first().click();
    await page.waitForURL(/\/documents\//);
    await page.locator('[data-testid="document-article"]').waitFor();
    expect(await page.textContent('[data-testid="sentiment"]')).toMatch(/负面|中性|正面/);
    await page.screenshot({ path: path.join(OUTPUT, 'document.png'), fullPage: true });
    await page.close();
  });

  it('shows the admin pages to the admin', async () => {
    const page = await browserLogin(browser, base, 'admin', ADMIN_PASSWORD);
    for (const [url, testid, name] of [
      ['/admin/users', 'user-row', 'admin-users'],
      ['/admin/departments', 'department-row', 'admin-departments'],
      ['/admin/audit', 'audit-row', 'admin-audit'],
    ] as const) {
      await page.goto(`${base}${url}`);
      expect(await page.locator(`[data-testid="${testid}"]`).count(), url).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: path.join(OUTPUT, `${name}.png`), fullPage: true });
    }
    await page.close();
  });
});
