/**
 * The publishing and mailbox pages in a real browser. Before the platform starts, the test
 * migrates the empty data directory and seeds one raw news article (`e2e-portal-doc`, the
 * platform analyses it); its body contains the typo 再接再励, which the check must report. The
 * store is closed again before `yuqing start` (chDB allows one owner per directory).
 *
 * The admin creates editor `ed-root`, chief editor `chief-root` and leader `lead-root` (all 本级).
 * The editor submits two letters on one matter through the API as the portal would (`letter-e2e-1`
 * with a phone number, then `letter-e2e-2`), then in the browser pulls the article into a draft of
 * column `news`, edits its title, runs the check and submits it. The chief editor approves and
 * publishes it to the built-in feed; the public RSS of the column then carries the item. The editor
 * opens the letters list and the first letter (phone in clear, the later letter linked), assigns it
 * and imports a CSV with one bad row; the leader sees the phone masked, gives a 批示 and reads the
 * statistics.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, loadConfig, migrate, openStore, writeRawDocuments } from '@yuqing/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiLogin, browserLogin, createUsers } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'portal-test-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/portal');
const DOC = 'e2e-portal-doc';
const LETTER = 'letter-e2e-1';
const LETTER_AGAIN = 'letter-e2e-2';
const PHONE = '13812345678';
const NEW_TITLE = '市区积水点排查整治全面完成';

async function seed(dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: dataDir }), logger);
  try {
    await migrate(store, logger);
    const at = new Date().toISOString();
    await writeRawDocuments(store, [
      {
        id: DOC,
        url: 'https://news.example.cn/2026/drainage.html',
        canonicalUrl: 'https://news.example.cn/2026/drainage.html',
        source: 'example-news',
        site: '示例新闻网',
        mediaType: 'news',
        title: '城区积水点排查整治完成',
        body: '市住建局完成城区三十处积水点的排查整治。\n下一步将再接再励，汛前完成排水管网清淤。',
        author: '',
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
        fetchedAt: at,
        contentHash: 'e2e-portal-doc-hash',
      },
    ]);
  } finally {
    await store.close();
  }
}

/** Waits until the page's scripts have loaded, so enhanced forms submit without a full reload. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

describe('publishing and mailbox pages in the browser', { timeout: 180_000 }, () => {
  const tmp = tempDir('e2e-portal');
  let platform: PlatformProcess | undefined;
  let browser: Browser;
  let base = '';
  let draftUrl = '';

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
      ['ed-root', ['editor']],
      ['chief-root', ['chief_editor']],
      ['lead-root', ['leader']],
    ]);
    const editor = await apiLogin(base, 'ed-root', PASSWORD);
    const letter = await editor('POST', '/api/mailbox/letters', {
      id: LETTER,
      title: '学校周末强制补课',
      content: '我家孩子所在的第一中学周末强制学生补课并收取费用，多次反映至今未处理，请教育局调查。',
      author: '王女士',
      phone: PHONE,
    });
    expect(letter.status).toBe(201);
    // The same matter written again a little later: triage links it to the first letter.
    const again = await editor('POST', '/api/mailbox/letters', {
      id: LETTER_AGAIN,
      title: '学校周末强制补课',
      content: '我家孩子所在的第一中学周末强制学生补课并收取费用，多次反映至今未处理，请教育局尽快调查。',
    });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { letter: { similar: string[] } }).letter.similar).toContain(LETTER);
  });

  afterAll(async () => {
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    await browser?.close();
    if (platform && platform.child.exitCode === null) {
      // SIGTERM first; a platform still busy analysing after 30 s is killed so the suite ends.
      const { child } = platform;
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await platform.stop();
      clearTimeout(timer);
    }
    tmp.cleanup();
  });

  it('lets an editor pull a document into a draft, edit, check and submit it', async () => {
    // The document page needs the analysed article.
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).then((r) => r.json())) as { analyzed: number }, {
        timeout: 90_000,
      })
      .toMatchObject({ analyzed: 1 });
    const page = await browserLogin(browser, base, 'ed-root', PASSWORD);
    expect(await page.locator('nav.workspace a[href="/publish"]').count()).toBe(1);
    expect(await page.locator('nav.workspace a[href="/mailbox"]').count()).toBe(1);

    await page.goto(`${base}/documents/${DOC}`);
    await hydrated(page);
    await page.fill('[data-testid="draft-column"]', 'news');
    await Promise.all([
      page.waitForURL(/\/publish\/[0-9a-f-]{36}$/),
      page.click('[data-testid="pull-into-draft-button"]'),
    ]);
    draftUrl = page.url();
    await hydrated(page);
    const state = page.locator('[data-testid="draft-state"]');
    expect(await state.textContent()).toBe('草稿');
    expect(await page.locator('[data-testid="draft-version"]').textContent()).toBe('1');
    expect(await page.locator('[data-testid="draft-source"]').textContent()).toContain('示例新闻网');
    // The body is edited as plain text: the crawled text, not HTML.
    expect(await page.inputValue('[data-testid="draft-body"]')).toContain('再接再励');

    await page.fill('[data-testid="draft-title"]', NEW_TITLE);
    await page.click('[data-testid="draft-save"]');
    await expect
      .poll(() => page.locator('[data-testid="draft-version"]').textContent(), { timeout: 15_000 })
      .toBe('2');
    expect(await page.locator('[data-testid="draft-head"] h1').textContent()).toBe(NEW_TITLE);
    expect(await page.locator('[data-testid="draft-preview"] p').first().textContent()).toContain('市住建局');

    await page.click('[data-testid="draft-check"]');
    const finding = page.locator('[data-testid="check-finding"][data-kind="typo"]');
    await finding.first().waitFor({ timeout: 15_000 });
    const text = await finding.first().textContent();
    expect(text).toContain('再接再励');
    expect(text).toContain('再接再厉');
    // The typo is in the body and in the summary the analyser cut from it.
    expect(
      await page.locator('[data-testid="check-finding"][data-kind="typo"][data-field="body"]').count(),
    ).toBe(1);
    expect(await page.locator('[data-testid="check-summary"]').textContent()).toContain('0 处错误');
    await page.screenshot({ path: path.join(OUTPUT, 'draft-checked.png'), fullPage: true });

    // An editor cannot approve: the action is not offered.
    await page.click('[data-testid="draft-action-submit"]');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('待审');
    expect(await page.locator('[data-testid="draft-action-approve"]').count()).toBe(0);
    const events = page.locator('[data-testid="draft-event"]');
    const actions = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions[0]).toBe('submit');
    expect(actions).toEqual(expect.arrayContaining(['check', 'edit', 'create']));
    expect(actions.at(-1)).toBe('create');

    await page.goto(`${base}/publish?state=pending_review`);
    expect(await page.locator('[data-testid="draft-row"][data-state="pending_review"]').count()).toBe(1);
    expect(await page.locator('[data-testid="draft-count-pending_review"]').textContent()).toBe('1');
    await page.screenshot({ path: path.join(OUTPUT, 'drafts-pending.png'), fullPage: true });
    await page.close();
  });

  it('lets the chief editor approve and publish to the feed', async () => {
    expect(draftUrl).not.toBe('');
    const page = await browserLogin(browser, base, 'chief-root', PASSWORD);
    await page.goto(draftUrl);
    await hydrated(page);
    const state = page.locator('[data-testid="draft-state"]');
    await page.click('[data-testid="draft-action-approve"]');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('已批准');
    await page.click('[data-testid="draft-action-publish"]');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe('已发布');
    const feed = page.locator('[data-testid="publication"][data-target="feeds"]');
    expect(await feed.getAttribute('data-status')).toBe('published');
    expect(await page.locator('[data-testid="draft-action-withdraw"]').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, 'draft-published.png'), fullPage: true });
    await page.close();

    const rss = await fetch(`${base}/feeds/news/rss.xml`);
    expect(rss.status).toBe(200);
    const xml = await rss.text();
    expect(xml).toContain(NEW_TITLE);
    expect(xml).toContain('https://news.example.cn/2026/drainage.html');
  });

  it('lets an editor assign a letter and a leader read it masked and instruct', async () => {
    const page = await browserLogin(browser, base, 'ed-root', PASSWORD);
    await page.click('nav.workspace a[href="/mailbox"]');
    await page.locator('[data-testid="letter-row"]').first().waitFor();
    expect(await page.locator('[data-testid="letter-count-received"]').textContent()).toBe('2');
    await page.screenshot({ path: path.join(OUTPUT, 'letters.png'), fullPage: true });
    await Promise.all([
      page.waitForURL(/\/mailbox\/letter-e2e-1$/),
      page.click(`[data-testid="letter-link"][href="/mailbox/${LETTER}"]`),
    ]);
    await hydrated(page);
    const state = page.locator('[data-testid="letter-state"]');
    expect(await state.textContent()).toBe('已受理');
    expect(await page.locator('[data-testid="letter-phone"]').textContent()).toBe(PHONE);
    expect(await page.locator('[data-testid="letter-category"]').textContent()).toContain('教育文体');
    expect(await page.locator('[data-testid="letter-suggested"]').textContent()).toBe('教育局');
    expect(await page.locator('[data-testid="letter-search-link"]').getAttribute('href')).toMatch(
      /^\/search\?q=/,
    );

    // The later letter on the same matter links back to this one.
    const related = page.locator('[data-testid="letter-related"]');
    expect(await related.count()).toBe(1);
    expect(await related.locator('a').getAttribute('href')).toBe(`/mailbox/${LETTER_AGAIN}`);
    expect(await page.inputValue('[data-testid="letter-department-input"]')).toBe('教育局');
    await page.click('[data-testid="letter-to-assigned"]');
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('已交办');
    expect(await page.locator('[data-testid="letter-department"]').textContent()).toContain('教育局');
    // The forms are fresh after the change: re-assigning starts from the responsible department.
    expect(await page.inputValue('[data-testid="letter-department-input"]')).toBe('教育局');
    const assigned = page.locator('[data-testid="letter-event"][data-action="assigned"]');
    expect(await assigned.textContent()).toContain('已受理 → 已交办');
    await page.screenshot({ path: path.join(OUTPUT, 'letter-assigned.png'), fullPage: true });

    // Import: the good row is received and triaged, the row without text is reported by number.
    await page.goto(`${base}/mailbox`);
    await hydrated(page);
    await page.setInputFiles('[data-testid="letter-import-file"]', {
      name: 'letters.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '留言编号,留言主题,留言详情\nimp-1,小区商铺噪音扰民,楼下商铺夜间噪音扰民严重，油烟直排，请环保部门处理。\nimp-2,空信,\n',
      ),
    });
    await page.click('[data-testid="letter-import"]');
    await page.locator('[data-testid="letter-import-problems"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="form-message"]').textContent()).toContain('导入 1 件');
    expect(await page.locator('[data-testid="letter-import-problems"]').textContent()).toContain('第 3 行');
    await expect.poll(() => page.locator('[data-testid="letter-row"]').count()).toBe(3);
    await page.close();

    const leader = await browserLogin(browser, base, 'lead-root', PASSWORD);
    await leader.goto(`${base}/mailbox/${LETTER}`);
    await hydrated(leader);
    const masked = await leader.locator('[data-testid="letter-phone"]').textContent();
    expect(masked).not.toContain(PHONE.slice(0, 7));
    expect(masked).toMatch(/\*{4}5678$/);
    expect(await leader.locator('[data-testid="letter-actions"]').count()).toBe(0);
    await leader.fill('[data-testid="letter-instruction"]', '请教育局三日内核实并答复');
    await leader.click('[data-testid="letter-instruct"]');
    await leader
      .locator('[data-testid="letter-event"][data-action="instruction"]')
      .waitFor({ timeout: 15_000 });
    expect(await leader.locator('[data-testid="letter-state"]').textContent()).toBe('已交办');
    await leader.goto(`${base}/mailbox/stats`);
    await leader.locator('[data-testid="mailbox-stats-chart"] canvas').waitFor({ timeout: 15_000 });
    // Three letters in the period (two on the school, one imported), one row per responsible department.
    const rows = await leader.locator('[data-testid="mailbox-stats-row"]').allTextContents();
    expect(rows.some((r) => r.startsWith('教育局'))).toBe(true);
    expect(await leader.locator('[data-testid="mailbox-totals"]').textContent()).toContain('共收信 3 件');
    await leader.screenshot({ path: path.join(OUTPUT, 'mailbox-stats.png'), fullPage: true });
    await leader.close();
  });
});
