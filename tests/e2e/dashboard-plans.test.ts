/**
 * Monitoring plans (专题) in a real browser. Before the platform starts, the test seeds one raw
 * news article about a metro fault (`e2e-metro`; the platform analyses it). The admin creates
 * analyst `ana-plan` and leader `lead-plan` (both 本级). Once the article is analysed, the analyst
 * opens 专题监测, types an expression with an unclosed bracket (the form says where it is wrong
 * and will not submit), fixes it and creates the plan: its page shows the back-filled article in
 * its statistics and the plan is listed. Over the API the leader may read it but not create one
 * (403), and a bad expression is a 400 naming `expression` with the position.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, loadConfig, migrate, openStore, writeRawDocuments } from '@yuqing/schemas';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiLogin, browserLogin, createUsers } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'plans-test-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/plans');

async function seed(dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: dataDir }), logger);
  try {
    await migrate(store, logger);
    const now = new Date();
    await writeRawDocuments(store, [
      {
        id: 'e2e-metro',
        url: 'https://news.example.cn/2026/metro.html',
        canonicalUrl: 'https://news.example.cn/2026/metro.html',
        source: 'example-news',
        site: '示例新闻网',
        mediaType: 'news',
        title: '地铁二号线信号故障 早高峰延误',
        body: '今晨地铁二号线因信号故障延误约二十分钟，大量乘客滞留站台。\n运营公司称故障已排除。',
        author: '',
        publishedAt: new Date(now.getTime() - 3_600_000).toISOString(),
        fetchedAt: now.toISOString(),
        contentHash: 'e2e-metro-hash',
      },
    ]);
  } finally {
    await store.close();
  }
}

describe('monitoring plans in the browser', { timeout: 180_000 }, () => {
  const tmp = tempDir('e2e-plans');
  let platform: PlatformProcess | undefined;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await seed(tmp.dir);
    browser = await launchChromium();
    platform = await startPlatform({
      YUQING_DATA_DIR: tmp.dir,
      PORT: String(await freePort()),
      YUQING_DEMO: 'off',
      YUQING_ADMIN_PASSWORD: ADMIN_PASSWORD,
      YUQING_SOURCES: path.join(tmp.dir, 'no-sources.yaml'),
    });
    base = platform.url;
    const admin = await apiLogin(base, 'admin', ADMIN_PASSWORD);
    await createUsers(admin, PASSWORD, [
      ['ana-plan', ['analyst']],
      ['lead-plan', ['leader']],
    ]);
  });

  afterAll(async () => {
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    tmp.cleanup();
  });

  it('creates a plan in the UI, checking the expression live, and lists it', async () => {
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).then((r) => r.json())) as { analyzed: number }, {
        timeout: 90_000,
      })
      .toMatchObject({ analyzed: 1 });

    const page = await browserLogin(browser, base, 'ana-plan', PASSWORD);

    await page.goto(`${base}/plans`);
    await page.locator('[data-testid="plans-empty"]').waitFor();
    await page.click('[data-testid="new-plan"]');
    const form = page.locator('[data-testid="create-plan-form"]');
    await form.locator('input[name="name"]').fill('地铁运营专题');
    const expression = form.locator('[data-testid="plan-expression"]');
    await expression.fill('地铁 AND (延误 OR 故障');
    const check = form.locator('[data-testid="plan-expression-check"]');
    await expect.poll(() => check.textContent()).toMatch(/第 \d+ 个字符处/);
    expect(await form.locator('button[type="submit"]').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'plan-bad-expression.png'), fullPage: true });

    await expression.fill('地铁 AND (延误 OR 故障) NOT 演练');
    await expect.poll(() => check.textContent()).toContain('表达式有效');
    await form.locator('select[name="sharing"]').selectOption('subtree');
    await Promise.all([
      page.waitForURL(/\/plans\/plan-[\w-]+\?created=1$/),
      form.locator('button[type="submit"]').click(),
    ]);
    await page.locator('[data-testid="plan-created"]').waitFor();
    expect(await page.locator('[data-testid="plan-head"] h1').textContent()).toBe('地铁运营专题');
    // The article analysed before the plan existed was found by the back-fill.
    expect(await page.locator('[data-testid="plan-head"]').textContent()).toContain('近 30 天 1 条');
    await page.screenshot({ path: path.join(OUTPUT, 'plan-detail.png'), fullPage: true });

    await page.goto(`${base}/plans`);
    const rows = page.locator('[data-testid="plan-row"]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('地铁运营专题');
    expect(await rows.first().textContent()).toContain('含下级部门');
    await page.screenshot({ path: path.join(OUTPUT, 'plans-list.png'), fullPage: true });

    // The watch list: add a person with an alias; the list shows them.
    await page.goto(`${base}/people`);
    const person = page.locator('[data-testid="create-person-form"]');
    await person.locator('input[name="name"]').fill('张建华');
    await person.locator('input[name="aliases"]').fill('张局长、建华');
    await person.locator('input[name="roles"]').fill('交通局局长');
    await person.locator('button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[data-testid="form-message"]').textContent())
      .toContain('已将 张建华 加入关注名单');
    const people = page.locator('[data-testid="person-row"]');
    await expect.poll(() => people.count()).toBe(1);
    expect(await people.first().textContent()).toContain('张局长、建华');
    expect(await people.first().textContent()).toContain('跟踪中');
    // The form is cleared for the next person, still tracking by default.
    expect(await person.locator('input[name="name"]').inputValue()).toBe('');
    expect(await person.locator('input[name="enabled"]').isChecked()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'people.png'), fullPage: true });
    await page.close();
  });

  it('lets a leader read plans but not create them, and names a bad expression over the API', async () => {
    const leader = await apiLogin(base, 'lead-plan', PASSWORD);
    const list = (await (await leader('GET', '/api/plans')).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    expect(list.items.map((p) => p.name)).toEqual(['地铁运营专题']);
    const stats = await leader('GET', `/api/plans/${list.items[0]?.id}/stats`);
    expect(((await stats.json()) as { stats: { documents: number } }).stats.documents).toBe(1);
    const refused = await leader('POST', '/api/plans', { name: '领导方案', expression: '地铁' });
    expect(refused.status).toBe(403);

    const analyst = await apiLogin(base, 'ana-plan', PASSWORD);
    const bad = await analyst('POST', '/api/plans', { name: '坏方案', expression: '"地铁 AND 延误' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string; field: string } };
    expect(body.error).toMatchObject({ code: 'bad_request', field: 'expression' });
    expect(body.error.message).toMatch(/character 1\b/);
  });
});
