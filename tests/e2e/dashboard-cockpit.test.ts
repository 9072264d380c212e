/**
 * The leader cockpit's index, alert, topic and event widgets, a topic page's word groups and an
 * event page's reprint graph in a real browser. Before the platform starts the test seeds, relative to now: departments `east`
 * and `west` under the root; topic `t-e2e-flood` (index 72, orange) with six analysed documents on
 * four sites (`d-e2e-1` the original, two near-duplicates, one reprint by link, two more), event
 * `ev-e2e-flood` over it (index 58, yellow); 王明 watched by `east` (`p-e2e-wang`); a red alert of
 * `east` and an orange one of `west`. No raw documents: the analyzer has nothing to redo.
 *
 * Users: `lead-east` (leader, east), `ana-west` (analyst, west), `ed-east` (editor, east).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createLogger,
  loadConfig,
  migrate,
  openStore,
  saveDepartment,
  writeAlerts,
  writeDocumentLinks,
  writeEvents,
  writeOpinionIndex,
  writeTopics,
  writeWatchedPerson,
} from '@yuqing/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { apiLogin, browserLogin, createUsers } from '../support/dashboard-session.ts';
import { freePort, type PlatformProcess, startPlatform } from '../support/platform-process.ts';
import { tempDir } from '../support/temp-dir.ts';

const ADMIN_PASSWORD = 'e2e-admin-password';
const PASSWORD = 'cockpit-test-password';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/e2e/cockpit');
const EVENT = 'ev-e2e-flood';
const TOPIC = 't-e2e-flood';
const H = 3_600_000;

const DOCS = [
  { id: 'd-e2e-1', h: 5, site: '广州日报', media: 'news', dup: '', persons: ['王明'], neg: true },
  { id: 'd-e2e-2', h: 4, site: '天涯社区', media: 'forum', dup: 'd-e2e-1', persons: [], neg: true },
  { id: 'd-e2e-3', h: 4, site: '微博', media: 'weibo', dup: '', persons: ['王明'], neg: false },
  { id: 'd-e2e-4', h: 3, site: '南方网', media: 'news', dup: 'd-e2e-2', persons: [], neg: false },
  { id: 'd-e2e-5', h: 2, site: '南方网', media: 'news', dup: 'd-e2e-1', persons: [], neg: true },
  { id: 'd-e2e-6', h: 1, site: '广州日报', media: 'news', dup: '', persons: [], neg: false },
];

function alert(id: string, departmentId: string, level: 'red' | 'orange', at: string) {
  return {
    id,
    departmentId,
    ruleId: 'rule-e2e',
    ruleIds: ['rule-e2e'],
    groupKey: id,
    keys: [id],
    keywords: ['暴雨'],
    level,
    title: `暴雨预警 ${id}`,
    evidence: {},
    documents: 1,
    firstTriggeredAt: at,
    lastTriggeredAt: at,
    firstReportAt: null,
    alertedAt: at,
    notifiedAt: null,
    notifiedDocuments: 0,
    notifiedLevel: '' as const,
    notifyPending: false,
  };
}

async function seed(dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: dataDir }), logger);
  try {
    await migrate(store, logger);
    const now = Date.now();
    const ago = (h: number) => now - h * H;
    await saveDepartment(store, { id: 'root', parentId: '', name: '本级' });
    await saveDepartment(store, { id: 'east', parentId: 'root', name: '东区' });
    await saveDepartment(store, { id: 'west', parentId: 'root', name: '西区' });
    await store.insert(
      'documents',
      DOCS.map((d) => ({
        id: d.id,
        url: `https://news.example.cn/${d.id}.html`,
        source: `src-${d.media}`,
        site: d.site,
        media_type: d.media,
        title: `广州暴雨致地铁停运 ${d.id}`,
        summary: '受强降雨影响，地铁二号线停运。',
        published_at: ago(d.h),
        fetched_at: ago(d.h),
        analyzed_at: ago(d.h),
        content_hash: d.id,
        tokens: ['暴雨', '地铁', '停运'],
        keywords: ['暴雨', '地铁', '停运'],
        persons: d.persons,
        duplicate_of: d.dup,
        region_codes: ['440100'],
        // The analyzer writes codes and names side by side; the event page joins them.
        region_names: ['广州市'],
        sentiment_label: d.neg ? 'negative' : 'neutral',
        sensitivity_score: d.neg ? 70 : 20,
        topic_id: TOPIC,
      })),
    );
    await writeDocumentLinks(store, [{ fromId: 'd-e2e-3', toId: 'd-e2e-1', kind: 'url', foundAt: ago(4) }]);
    await writeTopics(store, [
      {
        id: TOPIC,
        version: 1,
        label: '广州 暴雨 地铁',
        keywords: ['暴雨', '地铁'],
        representativeTitle: '广州暴雨致地铁停运',
        representativeDocId: 'd-e2e-1',
        firstSeen: ago(5),
        lastSeen: ago(1),
        volume: DOCS.length,
        velocity: 2,
        sources: 4,
        sourceNames: ['src-news', 'src-forum', 'src-weibo'],
        sentiment: { positive: 0, neutral: 3, negative: 3 },
        regionCodes: ['440100'],
        regionCounts: { '440100': DOCS.length },
        state: 'rising',
        mergedInto: '',
        centroid: { 暴雨: 1 },
        rates: { short: 1, long: 1, peak: 1, at: ago(1) },
        attention: 1,
        representativeScore: 1,
        updatedAt: ago(1),
      },
    ]);
    await writeEvents(store, [
      {
        id: EVENT,
        version: 1,
        topicIds: [TOPIC],
        title: '广州暴雨致地铁停运',
        keywords: ['暴雨', '地铁'],
        state: 'active',
        reasons: ['volume'],
        promotedBy: '',
        firstReport: {
          docId: 'd-e2e-1',
          time: ago(5),
          site: '广州日报',
          source: 'src-news',
          title: '广州暴雨致地铁停运 d-e2e-1',
          url: 'https://news.example.cn/d-e2e-1.html',
        },
        lastSeen: ago(1),
        volume: DOCS.length,
        sources: 4,
        negative: 3,
        maxSensitivity: 70,
        indexScore: 58,
        indexLevel: 'yellow',
        createdAt: ago(4),
        updatedAt: ago(1),
      },
    ]);
    await writeOpinionIndex(store, [
      { kind: 'topic', id: TOPIC, score: 72, level: 'orange', parts: { volume: 30 }, computedAt: ago(1) },
      { kind: 'event', id: EVENT, score: 58, level: 'yellow', parts: { volume: 25 }, computedAt: ago(1) },
    ]);
    await writeWatchedPerson(store, {
      id: 'p-e2e-wang',
      version: 1,
      departmentId: 'east',
      name: '王明',
      aliases: [],
      roles: ['局长'],
      note: '',
      enabled: true,
      deleted: false,
      updatedBy: 'admin',
      updatedAt: ago(10),
    });
    await writeAlerts(store, [
      alert('alert-e2e-east', 'east', 'red', new Date(ago(2)).toISOString()),
      alert('alert-e2e-west', 'west', 'orange', new Date(ago(2)).toISOString()),
    ]);
  } finally {
    await store.close();
  }
}

/** Pixels of a chart's canvas that are not transparent. */
async function paintedPixels(page: Page, testid: string): Promise<number> {
  const canvas = page.locator(`[data-testid="${testid}"] canvas`).first();
  await canvas.waitFor({ timeout: 20_000 });
  await page.waitForTimeout(400);
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) count++;
    return count;
  });
}

describe('cockpit widgets and event pages in the browser', { timeout: 180_000 }, () => {
  const tmp = tempDir('e2e-cockpit');
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
      ['lead-east', ['leader'], 'east'],
      ['ana-west', ['analyst'], 'west'],
      ['ed-east', ['editor'], 'east'],
    ]);
  });

  afterAll(async () => {
    if (platform) writeFileSync(path.join(OUTPUT, 'platform.log'), platform.lines.join('\n'));
    await browser?.close();
    if (platform && platform.child.exitCode === null) await platform.stop();
    tmp.cleanup();
  });

  it('answers the event and cockpit APIs by role and department', async () => {
    const lead = await apiLogin(base, 'lead-east', PASSWORD);
    const west = await apiLogin(base, 'ana-west', PASSWORD);
    const editor = await apiLogin(base, 'ed-east', PASSWORD);

    expect((await fetch(`${base}/api/events/${EVENT}`)).status).toBe(401);
    const list = (await (await lead('GET', '/api/events?order=index')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((e) => e.id)).toEqual([EVENT]);
    const bad = await lead('GET', '/api/events?level=purple');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('level');

    // Events are public content: both departments see the event, each with its own watch list.
    const east = (await (await lead('GET', `/api/events/${EVENT}`)).json()) as {
      event: { id: string };
      personLinks: Record<string, string>;
      reprints: { chains: unknown[] };
    };
    expect(east.event.id).toBe(EVENT);
    expect(east.personLinks).toEqual({ 王明: 'p-e2e-wang' });
    expect(east.reprints.chains.length).toBeGreaterThan(0);
    const westEvent = await west('GET', `/api/events/${EVENT}`);
    expect(westEvent.status).toBe(200);
    expect(((await westEvent.json()) as { personLinks: object }).personLinks).toEqual({});
    const missing = await lead('GET', '/api/events/no-such-event');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await editor('GET', `/api/events/${EVENT}`)).status).toBe(403);
    expect((await editor('GET', '/api/cockpit/opinion-index')).status).toBe(403);

    const index = (await (await lead('GET', '/api/cockpit/opinion-index?range=7d')).json()) as {
      score: number;
      level: string;
    };
    expect(index).toMatchObject({ level: 'orange' });
    expect(index.score).toBeGreaterThanOrEqual(72);
    // Alerts are private: each department counts only its own.
    const eastAlerts = (await (await lead('GET', '/api/cockpit/alerts?range=7d')).json()) as {
      byLevel: Record<string, number>;
    };
    expect(eastAlerts.byLevel).toEqual({ blue: 0, yellow: 0, orange: 0, red: 1 });
    const westAlerts = (await (await west('GET', '/api/cockpit/alerts?range=7d')).json()) as {
      byLevel: Record<string, number>;
    };
    expect(westAlerts.byLevel).toEqual({ blue: 0, yellow: 0, orange: 1, red: 0 });
    const topics = (await (await lead('GET', '/api/cockpit/topics?range=7d&limit=5')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(topics.items.map((t) => t.id)).toContain(TOPIC);
    expect((await lead('GET', '/api/cockpit/topics?limit=0')).status).toBe(400);
    const events = (await (await lead('GET', '/api/cockpit/events?range=7d')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(events.items.map((e) => e.id)).toContain(EVENT);

    // A topic's word groups count its three stories; the three reprints repeat their words.
    const topic = (await (await lead('GET', `/api/topics/${TOPIC}`)).json()) as {
      wordGroups: { nodes: Array<{ word: string; documents: number }>; links: unknown[] };
    };
    expect(topic.wordGroups.nodes).toEqual([
      { word: '停运', documents: 3, group: 0 },
      { word: '地铁', documents: 3, group: 0 },
      { word: '暴雨', documents: 3, group: 0 },
    ]);
    expect(topic.wordGroups.links).toHaveLength(3);
    expect((await editor('GET', `/api/topics/${TOPIC}`)).status).toBe(403);
  });

  it('draws the cockpit’s index, alerts and hot topics on a desktop, a tablet and a wall screen', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1366, height: 900 }],
      ['tablet', { width: 820, height: 1180 }],
      ['wall', { width: 2560, height: 1440 }],
    ] as const) {
      const page = await browserLogin(browser, base, 'lead-east', PASSWORD, viewport);
      await page.goto(`${base}/?range=7d`);
      await page.locator('[data-testid="index-gauge"] canvas').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-testid="warning-level"]').textContent()).toContain('橙色');
      for (const chart of ['index-gauge', 'alert-levels-chart', 'topic-index-chart', 'volume-chart']) {
        expect(await paintedPixels(page, chart), `${name} ${chart}`).toBeGreaterThan(500);
      }
      expect(await page.locator('[data-testid="top-events"] li').count()).toBe(1);
      expect(await page.locator(`[data-testid="hot-topics"] a[href="/topics/${TOPIC}"]`).count()).toBe(1);
      expect(await page.locator('[data-testid="alert-total"]').textContent()).toBe('1');
      // No panel overflows the page sideways on any screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(OUTPUT, `cockpit-${name}.png`), fullPage: true });
      await page.close();
    }
  });

  it('draws a topic’s word groups', async () => {
    const page = await browserLogin(browser, base, 'lead-east', PASSWORD);
    await page.goto(`${base}/topics/${TOPIC}`);
    expect(await paintedPixels(page, 'topic-word-groups')).toBeGreaterThan(1500);
    await page.screenshot({ path: path.join(OUTPUT, 'topic-word-groups.png'), fullPage: true });
    await page.close();
  });

  it('draws an event’s reprint graph and spread, and links watched people', async () => {
    const page = await browserLogin(browser, base, 'lead-east', PASSWORD);
    await page.goto(`${base}/events/${EVENT}`);
    const graph = await paintedPixels(page, 'event-reprint-graph');
    expect(graph).toBeGreaterThan(1500);
    for (const chart of ['event-spread', 'event-media', 'event-sites']) {
      expect(await paintedPixels(page, chart), chart).toBeGreaterThan(500);
    }
    expect(await page.locator('[data-testid="event-chain"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="event-persons"] a[href="/people/p-e2e-wang"]').count()).toBe(1);
    await page.screenshot({ path: path.join(OUTPUT, 'event-site-graph.png'), fullPage: true });
    await page.click('button:has-text("按文章")');
    await page.waitForTimeout(600);
    expect(await paintedPixels(page, 'event-reprint-graph')).toBeGreaterThan(1500);
    await page.screenshot({ path: path.join(OUTPUT, 'event-document-graph.png'), fullPage: true });
    await page.close();

    // Another department sees the event, but 王明 is not on its watch list: the name searches.
    const other = await browserLogin(browser, base, 'ana-west', PASSWORD);
    expect((await other.goto(`${base}/events/${EVENT}`))?.status()).toBe(200);
    expect(await other.locator('[data-testid="event-persons"] a[href^="/search"]').count()).toBe(1);
    expect((await other.goto(`${base}/events/no-such-event`))?.status()).toBe(404);
    await other.close();
  });
});
