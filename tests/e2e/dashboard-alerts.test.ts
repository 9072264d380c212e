/**
 * The alerts center in a real browser. Before the platform starts, the test opens the empty data
 * directory, migrates it and seeds one news article (`e2e-flood`, raw: the platform analyses it)
 * and one orange alert (`alert-e2e-flood`, department 本级) whose evidence names that article. The
 * store is closed again before `yuqing start`: chDB allows one owner per directory.
 *
 * The admin then creates analyst `ana-root` and leader `lead-root` (both 本级). The leader sees the
 * alert but no actions; the analyst sees the unread badge, opens the alert, follows the sample to
 * the document page, and walks it new → acknowledged → resolved; each change is in its history.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createLogger,
  loadConfig,
  migrate,
  openStore,
  writeAlerts,
  writeRawDocuments,
} from '@yuqing/schemas';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiLogin, browserLogin, createUsers } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'alerts-test-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/alerts');
const ALERT = 'alert-e2e-flood';
const DOC = 'e2e-flood';

async function seed(dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: dataDir }), logger);
  try {
    await migrate(store, logger);
    const now = new Date();
    const at = now.toISOString();
    const published = new Date(now.getTime() - 3_600_000).toISOString();
    await writeRawDocuments(store, [
      {
        id: DOC,
        url: 'https://news.example.cn/2026/flood.html',
        canonicalUrl: 'https://news.example.cn/2026/flood.html',
        source: 'example-news',
        site: '示例新闻网',
        mediaType: 'news',
        title: '暴雨致城区多处积水 地铁停运',
        body: '受强降雨影响，城区多处积水，地铁二号线停运三小时。\n市民反映排水不畅，部分小区停电。',
        author: '',
        publishedAt: published,
        fetchedAt: at,
        contentHash: 'e2e-flood-hash',
      },
    ]);
    const sample = {
      id: DOC,
      title: '暴雨致城区多处积水 地铁停运',
      url: 'https://news.example.cn/2026/flood.html',
      source: 'example-news',
      publishedAt: published,
      fetchedAt: at,
      sensitivity: 72,
      sentiment: 'negative',
    };
    await writeAlerts(store, [
      {
        id: ALERT,
        departmentId: 'root',
        ruleId: 'rule-flood',
        ruleIds: ['rule-flood'],
        groupKey: `dup:${DOC}`,
        keys: [`dup:${DOC}`],
        keywords: ['暴雨', '积水', '停运'],
        level: 'orange',
        title: '暴雨致城区多处积水 地铁停运',
        evidence: {
          rules: [
            {
              id: 'rule-flood',
              name: '城市内涝',
              type: 'document',
              level: 'orange',
              reasons: ['关键词：暴雨 AND 积水'],
            },
          ],
          scores: { maxSensitivity: 72, maxIndex: null, negative: 1, documents: 1 },
          volume: null,
          firstReport: sample,
          samples: [sample],
          terms: ['暴雨', '积水'],
          regions: [],
          persons: [],
          recentIds: [DOC],
          notifications: 0,
        },
        documents: 1,
        firstTriggeredAt: at,
        lastTriggeredAt: at,
        firstReportAt: published,
        alertedAt: at,
        notifiedAt: null,
        notifiedDocuments: 0,
        notifiedLevel: '',
        notifyPending: false,
      },
    ]);
  } finally {
    await store.close();
  }
}

describe('alerts center in the browser', { timeout: 120_000 }, () => {
  const tmp = tempDir('e2e-alerts');
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
      ['ana-root', ['analyst']],
      ['lead-root', ['leader']],
    ]);
  });

  afterAll(async () => {
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    tmp.cleanup();
  });

  it('lets a leader read the alert but not act on it', async () => {
    const leader = await apiLogin(base, 'lead-root', PASSWORD);
    expect((await leader('GET', `/api/alerts/${ALERT}`)).status).toBe(200);
    const refused = await leader('POST', `/api/alerts/${ALERT}/state`, { to: 'acknowledged' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const page = await browserLogin(browser, base, 'lead-root', PASSWORD);
    await page.goto(`${base}/alerts/${ALERT}`);
    await page.locator('[data-testid="alert-evidence"]').waitFor();
    expect(await page.locator('[data-testid="alert-actions"]').count()).toBe(0);
    await page.close();
  });

  it('walks an alert new → acknowledged → resolved in the UI', async () => {
    const page = await browserLogin(browser, base, 'ana-root', PASSWORD);
    // The unread badge polls /api/alerts/summary.
    await expect
      .poll(() => page.locator('[data-testid="alerts-badge"]').textContent(), { timeout: 20_000 })
      .toBe('1');

    await page.click('a[href="/alerts"]');
    await page.locator('[data-testid="alert-row"]').first().waitFor();
    expect(await page.locator('[data-testid="alert-row"]').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, 'alerts-list.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/\/alerts\/alert-e2e-flood$/),
      page.click('[data-testid="alert-link"]'),
    ]);

    const state = page.locator('[data-testid="alert-head"] [data-testid="alert-state"]');
    await expect.poll(() => state.textContent()).toBe('新预警');
    const evidence = await page.locator('[data-testid="alert-evidence"]').textContent();
    expect(evidence).toContain('城市内涝');
    expect(evidence).toContain('72');
    const sample = page.locator('[data-testid="alert-sample"] [data-testid="evidence-document-link"]');
    expect(await sample.getAttribute('href')).toBe(`/documents/${DOC}`);
    await page.screenshot({ path: path.join(OUTPUT, 'alert-new.png'), fullPage: true });

    await page.click('[data-testid="alert-to-acknowledged"]');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('已确认');
    await page.click('[data-testid="alert-to-resolved"]');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('已解决');
    const history = page.locator('[data-testid="alert-event"][data-action="state"]');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(0).textContent()).toContain('新预警 → 已确认');
    expect(await history.nth(1).textContent()).toContain('已确认 → 已解决');
    expect(await history.nth(1).textContent()).toContain('ana-root');
    await page.screenshot({ path: path.join(OUTPUT, 'alert-resolved.png'), fullPage: true });

    // The list filter agrees, and the badge clears.
    await page.goto(`${base}/alerts?state=resolved`);
    expect(await page.locator('[data-testid="alert-row"][data-state="resolved"]').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-testid="alerts-badge"]').count(), { timeout: 20_000 })
      .toBe(0);

    // The sample opens the document page once the platform has analysed the seeded article.
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).then((r) => r.json())) as { analyzed: number }, {
        timeout: 60_000,
      })
      .toMatchObject({ analyzed: 1 });
    await page.goto(`${base}/alerts/${ALERT}`);
    await Promise.all([page.waitForURL(/\/documents\/e2e-flood$/), sample.click()]);
    await page.locator('[data-testid="document-article"]').waitFor();
    expect(await page.locator('[data-testid="document-article"] h1').textContent()).toContain(
      '暴雨致城区多处积水',
    );
    await page.close();
  });

  it('renders the workspace and admin pages of this part', async () => {
    const analyst = await browserLogin(browser, base, 'ana-root', PASSWORD);
    for (const [url, testid] of [
      ['/topics', 'topics-empty'],
      ['/events', 'events-empty'],
      ['/people', 'people-empty'],
      ['/plans', 'plans-empty'],
    ] as const) {
      const res = await analyst.goto(`${base}${url}`);
      expect(res?.status(), url).toBe(200);
      await analyst.locator(`[data-testid="${testid}"]`).waitFor();
    }
    expect((await analyst.goto(`${base}/admin/rules`))?.status()).toBe(403);
    await analyst.close();

    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await admin.goto(`${base}/login`);
    await admin.locator('form[data-hydrated="true"]').waitFor();
    await admin.fill('input[name="username"]', 'admin');
    await admin.fill('input[name="password"]', ADMIN_PASSWORD);
    await Promise.all([
      admin.waitForURL((u) => !u.pathname.startsWith('/login')),
      admin.click('button[type="submit"]'),
    ]);
    for (const [url, testid] of [
      ['/admin/rules', 'create-rule-form'],
      ['/admin/channels', 'create-channel-form'],
      ['/admin/sources', 'create-source-form'],
    ] as const) {
      expect((await admin.goto(`${base}${url}`))?.status(), url).toBe(200);
      await admin.locator(`[data-testid="${testid}"]`).waitFor();
      await admin.screenshot({
        path: path.join(OUTPUT, `${url.slice(1).replace('/', '-')}.png`),
        fullPage: true,
      });
    }
    await admin.close();
  });
});
