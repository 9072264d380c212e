/**
 * The walking skeleton end to end, as a new user meets it: `yuqing start` on an empty data
 * directory crawls the bundled demo site, analyzes what it crawled, and serves a dashboard that a
 * real Chromium logs into. Then SIGTERM stops it cleanly, and a second start on the same data
 * directory finds nothing new and stores no duplicate.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const PASSWORD = 'e2e-admin-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e');

interface Health {
  status: string;
  engine: string;
  documents: number;
  analyzed: number;
}

async function health(url: string): Promise<Health> {
  return (await fetch(`${url}/api/health`)).json() as Promise<Health>;
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in time; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function crawlRounds(
  p: PlatformProcess,
): Array<{ runs: Array<{ found: number; new: number; changed: number }> }> {
  return p.lines.filter((l) => l.includes('"crawl round finished"')).map((l) => JSON.parse(l));
}

// Each step waits on a real crawl and analysis; on a loaded 2-core machine that takes a while.
describe('platform end to end', { timeout: 180_000 }, () => {
  const tmp = tempDir('e2e');
  let env: Record<string, string>;
  let platform: PlatformProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    env = {
      YUQING_DATA_DIR: tmp.dir,
      PORT: String(await freePort()),
      YUQING_DEMO_PORT: String(await freePort()),
      YUQING_ADMIN_PASSWORD: PASSWORD,
      YUQING_SOURCES: path.join(tmp.dir, 'no-sources.yaml'),
    };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    tmp.cleanup();
  });

  it('starts, crawls and analyzes the demo site, and reports it in /api/health', async () => {
    platform = await startPlatform(env);
    expect(platform.url).toBe(`http://127.0.0.1:${env.PORT}`);
    await platform.waitForLine((l) => l.includes('"crawl round finished"'));
    const found = crawlRounds(platform)[0]?.runs[0]?.found ?? 0;
    expect(found).toBeGreaterThanOrEqual(200);
    const h = await until(
      () => health(platform?.url as string),
      (v) => v.documents >= 200 && v.analyzed === v.documents,
    );
    expect(h).toMatchObject({ status: 'ok', engine: 'embedded' });
  });

  it('refuses the API without a session', async () => {
    const res = await fetch(`${platform?.url}/api/documents`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('shows the latest documents and a drawn volume chart after login in Chromium', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(platform?.url as string);
    await page.waitForURL(/\/login/);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/login')),
      page.click('button[type="submit"]'),
    ]);

    const items = page.locator('[data-testid="document-item"]');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(10);
    expect(await items.first().textContent()).toMatch(/[\u4e00-\u9fff]/);

    const canvas = page.locator('[data-testid="volume-chart"] canvas').first();
    await canvas.waitFor();
    await page.waitForTimeout(1500); // let the chart's entry animation finish
    const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) count++;
      return count;
    });
    expect(painted).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(OUTPUT, 'dashboard.png'), fullPage: true });
    await page.close();
  });

  it('stops cleanly on SIGTERM and restarts on the same data without duplicates', async () => {
    const before = await health(platform?.url as string);
    expect(await platform?.stop()).toBe(0);

    platform = await startPlatform(env);
    // The demo source ran minutes ago, so it is not due again: ask for a run as an admin would.
    const login = await fetch(`${platform.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const run = await fetch(`${platform.url}/api/sources/demo/run`, { method: 'POST', headers: { cookie } });
    expect(run.status).toBe(202);
    await platform.waitForLine((l) => l.includes('"crawl round finished"'));
    const [round] = crawlRounds(platform);
    expect(round?.runs[0]).toMatchObject({ new: 0, changed: 0 });
    const after = await until(
      () => health(platform?.url as string),
      (v) => v.analyzed === v.documents,
    );
    expect(after.documents).toBe(before.documents);
    expect(await platform.stop()).toBe(0);
  });
});
