/**
 * Reports end to end on embedded chDB: a small named data set, then a 日报 in HTML, PDF and DOCX,
 * opened the way a reader would (the DOCX zip's document.xml and media, the PDF's text through
 * pdftotext, the HTML's inline SVG and links), and a 专报 restricted by its query.
 *
 * The data set, 2026-11-20 (Beijing) unless said otherwise:
 *   rain-1..6   暴雨 内涝 in 广州, negative, 4 of them sensitive (自然灾害), topic T-rain, person 张三
 *   metro-1..4  地铁 news from 深圳, neutral/positive, topic T-metro
 *   gov-1..2    government notices, positive, no region
 *   evil-1      a title with markup (<script>, <img onerror>) that must come out as text
 *   old-1..3    the day before (2026-11-19): the previous period, one negative rain document
 *   late-1      2026-11-21 00:30 Beijing: outside the day
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  collectReportData,
  compileReportQuery,
  generateReport,
  runScheduledReports,
  writeReportFiles,
} from '@yuqing/portal-adapter';
import {
  type AnalyzedDocument,
  createLogger,
  loadConfig,
  migrate,
  openStore,
  type Store,
  saveChannel,
  writeDocuments,
  writeEvents,
  writePlanDocuments,
  writeTopics,
} from '@yuqing/schemas';
import JSZip from 'jszip';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../analyzer/src/notify/sign.ts';
import { startReceiver } from '../analyzer/src/notify/test-receiver.ts';
import { ensureChromium } from './support/chromium.ts';
import { analyzedDocument } from './support/documents.ts';
import { tempDir } from './support/temp-dir.ts';

const logger = createLogger('silent');
const DASHBOARD = 'http://dash.test:3000';
/** 2026-11-20 10:00 Beijing plus `h` hours. */
const at = (h: number) => new Date(Date.parse('2026-11-20T02:00:00Z') + h * 3_600_000).toISOString();
const GZ = { code: '440100', name: '广州市', level: 'city' as const };
const SZ = { code: '440300', name: '深圳市', level: 'city' as const };

function dataset(): AnalyzedDocument[] {
  const docs: AnalyzedDocument[] = [];
  for (let i = 1; i <= 6; i++)
    docs.push(
      analyzedDocument({
        id: `rain-${i}`,
        title: `广州暴雨致多处内涝 第${i}报`,
        publishedAt: at(i),
        source: i % 2 ? 'gz-daily' : 'forum-gz',
        site: i % 2 ? 'gzdaily.test' : 'bbs.test',
        mediaType: i % 2 ? 'news' : 'forum',
        tokens: ['广州', '暴雨', '内涝'],
        keywords: ['暴雨', '内涝'],
        category: '灾害',
        sentiment: { label: 'negative', score: -0.8, evidence: [] },
        sensitivity:
          i <= 4
            ? { score: 75, categories: ['自然灾害'], evidence: [] }
            : { score: 0, categories: [], evidence: [] },
        regions: [GZ],
        persons: ['张三'],
        topicId: 'T-rain',
      }),
    );
  for (let i = 1; i <= 4; i++)
    docs.push(
      analyzedDocument({
        id: `metro-${i}`,
        title: `深圳地铁新线开通 第${i}篇`,
        publishedAt: at(i + 0.5),
        source: 'sz-news',
        site: 'sznews.test',
        tokens: ['深圳', '地铁', '开通'],
        keywords: ['地铁'],
        category: '交通',
        sentiment: { label: i % 2 ? 'positive' : 'neutral', score: 0.3, evidence: [] },
        regions: [SZ],
        orgs: ['深圳地铁集团'],
        topicId: 'T-metro',
      }),
    );
  for (let i = 1; i <= 2; i++)
    docs.push(
      analyzedDocument({
        id: `gov-${i}`,
        title: `政务公告 ${i}`,
        publishedAt: at(i + 2),
        source: 'gov-portal',
        mediaType: 'government',
        tokens: ['公告'],
        sentiment: { label: 'positive', score: 0.5, evidence: [] },
      }),
    );
  docs.push(
    analyzedDocument({
      id: 'evil-1',
      title: '<script>alert(1)</script><img src=x onerror=alert(2)>标题',
      url: 'javascript:alert(3)',
      publishedAt: at(5),
      source: 'forum-gz',
      mediaType: 'forum',
      sentiment: { label: 'negative', score: -0.9, evidence: [] },
      sensitivity: { score: 90, categories: ['<b>类别</b>'], evidence: [] },
    }),
  );
  for (let i = 1; i <= 3; i++)
    docs.push(
      analyzedDocument({
        id: `old-${i}`,
        title: `前一日信息 ${i}`,
        publishedAt: at(-24 + i),
        tokens: i === 1 ? ['暴雨'] : [],
        sentiment: { label: i === 1 ? 'negative' : 'neutral', score: 0, evidence: [] },
        topicId: i === 1 ? 'T-rain' : null,
      }),
    );
  docs.push(analyzedDocument({ id: 'late-1', title: '次日信息', publishedAt: '2026-11-20T16:30:00.000Z' }));
  return docs;
}

const topic = (id: string, label: string, keywords: string[], doc: string) => ({
  id,
  version: 1,
  label,
  keywords,
  representativeTitle: `${label}代表报道`,
  representativeDocId: doc,
  firstSeen: Date.parse(at(0)),
  lastSeen: Date.parse(at(6)),
  volume: 6,
  velocity: 1,
  sources: 2,
  sourceNames: [],
  sentiment: { positive: 0, neutral: 0, negative: 6 },
  regionCodes: ['440100'],
  regionCounts: {},
  state: 'rising' as const,
  mergedInto: '',
  centroid: {},
  rates: { short: 0, long: 0, peak: 0, at: 0 },
  attention: 0,
  representativeScore: 0,
  updatedAt: Date.parse(at(6)),
});

let store: Store;
const tmp = tempDir('report');

beforeAll(async () => {
  ensureChromium();
  store = await openStore(loadConfig({ YUQING_DATA_DIR: path.join(tmp.dir, 'data') }), logger);
  await migrate(store, logger);
  await writeDocuments(store, dataset());
  await writeEvents(store, [
    {
      id: 'E-rain',
      version: 1,
      topicIds: ['T-rain'],
      title: '广州暴雨内涝事件',
      keywords: ['暴雨', '内涝'],
      state: 'active',
      reasons: ['volume'],
      promotedBy: '',
      firstReport: {
        docId: 'rain-1',
        time: Date.parse(at(1)),
        site: 'gzdaily.test',
        source: 'gz-daily',
        title: '',
        url: '',
      },
      lastSeen: Date.parse(at(6)),
      volume: 6,
      sources: 2,
      negative: 6,
      maxSensitivity: 75,
      indexScore: 80,
      indexLevel: 'orange',
      createdAt: Date.parse(at(2)),
      updatedAt: Date.parse(at(6)),
    },
  ]);
  await writeTopics(store, [
    topic('T-rain', '广州暴雨内涝', ['暴雨', '内涝'], 'rain-1'),
    topic('T-metro', '深圳地铁新线', ['地铁'], 'metro-1'),
  ]);
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('report figures', () => {
  it('counts the day, its negative and sensitive documents, and the day before', async () => {
    const d = await collectReportData(store, { kind: 'daily', date: '2026-11-20' });
    expect(d.overview).toMatchObject({ documents: 13, negative: 7, sensitive: 5, sources: 4 });
    expect(d.overview.previous).toMatchObject({ documents: 3, negative: 1 });
    // Every hour of the day is on the trend axis, also the empty ones.
    expect(d.trend).toHaveLength(24);
    expect(d.trend.reduce((s, p) => s + p.documents, 0)).toBe(13);
    expect(d.provinces.map((p) => [p.name, p.documents])).toEqual([['广东省', 10]]);
    expect(d.cities.map((c) => c.name)).toEqual(['广州市', '深圳市']);
    expect(d.persons[0]).toMatchObject({ key: '张三', documents: 6, negative: 6 });
    const rain = d.topics.find((t) => t.id === 'T-rain');
    expect(rain).toMatchObject({ label: '广州暴雨内涝', documents: 6, negative: 6, previousNegative: 1 });
    expect(d.sensitiveDocuments.map((x) => x.id)).toContain('evil-1');
    // The mailbox migration is there but no letter came in: the section says so.
    expect(d.mailbox).toMatchObject({ available: true, received: 0 });
  });

  it('limits a special report to its query', async () => {
    const { segment } = await import('@yuqing/analyzer');
    const query = { text: '暴雨 内涝', compiled: compileReportQuery('暴雨 内涝', segment) };
    const d = await collectReportData(store, { kind: 'special', date: '2026-11-20', days: 1, query });
    expect(d.overview.documents).toBe(6);
    expect(d.overview.previous.documents).toBe(0);
  });

  it('limits a special report to the documents its monitoring plan tagged', async () => {
    await writePlanDocuments(
      store,
      ['rain-1', 'rain-2', 'metro-1', 'old-1'].map((id) => ({
        planId: 'plan-flood',
        documentId: id,
        matchVersion: 1,
        eventTime: 0,
        matchedTerms: [],
        matchedPersons: [],
        taggedAt: 1,
      })),
    );
    const plan = { id: 'plan-flood', name: '汛期舆情' };
    const d = await collectReportData(store, { kind: 'special', date: '2026-11-20', days: 1, plan });
    expect(d.overview).toMatchObject({ documents: 3, negative: 2, previous: { documents: 1 } });
    const { reportTitle } = await import('@yuqing/portal-adapter');
    expect(reportTitle(d)).toBe('关于“汛期舆情”的舆情专报');
  });
});

describe('report files', () => {
  let files: Record<string, Buffer>;
  let out: string;

  beforeAll(async () => {
    const report = await generateReport(
      store,
      { kind: 'daily', date: '2026-11-20', issuer: '某市' },
      {
        formats: ['html', 'pdf', 'docx'],
        dashboardUrl: DASHBOARD,
        logger,
        now: new Date('2026-11-21T00:00:00Z'),
      },
    );
    // REPORT_TEST_OUT=dir keeps the files for a look.
    out = process.env.REPORT_TEST_OUT ?? path.join(tmp.dir, 'out');
    const paths = await writeReportFiles(out, report.files);
    expect(paths.map((p) => path.basename(p))).toEqual([
      'yuqing-daily-2026-11-20.html',
      'yuqing-daily-2026-11-20.pdf',
      'yuqing-daily-2026-11-20.docx',
    ]);
    files = Object.fromEntries(report.files.map((f) => [f.format, f.data]));
  }, 120_000);

  it('writes self-contained HTML with inline SVG charts, links back and escaped text', () => {
    const html = files.html?.toString('utf8') ?? '';
    expect(html).toContain('某市舆情日报');
    expect(html.match(/<figure class="chart"[^>]*><svg /g)?.length).toBe(5);
    expect(html).not.toMatch(/<(script|img|link)\b/i);
    expect(html).not.toContain('<b>类别');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
    // Figures link to the search page with the matching filters.
    expect(html).toContain(
      `href="${DASHBOARD}/search?fromDate=2026-11-20&amp;toDate=2026-11-20&amp;sentiment=negative"`,
    );
    expect(html).toContain(`${DASHBOARD}/search?fromDate=2026-11-20&amp;toDate=2026-11-20&amp;region=440100`);
    expect(html).toContain('minSensitivity=60');
    expect(html).toContain(`href="${DASHBOARD}/documents/rain-1"`);
    expect(html).toContain(`href="${DASHBOARD}/events/E-rain"`);
    expect(html).toContain('橙色');
    expect(html).toContain('暂无信箱数据：本期未收到群众来信');
    expect(html).toContain('00时');
    expect(html).toContain('话题“广州暴雨内涝”负面信息快速上升');
  });

  it('writes a DOCX whose document.xml has the title and sections and whose media are PNG charts', async () => {
    const zip = await JSZip.loadAsync(files.docx as Buffer);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const s of [
      '某市舆情日报',
      '2026年11月20日',
      '一、总体态势',
      '（一）媒体类型',
      '三、热点话题',
      '八、研判建议',
      '广州暴雨内涝',
    ])
      expect(text).toContain(s);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    // Word falls back to SimSun and FangSong where the official fonts are not installed.
    const fonts = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBe(5);
    for (const f of media) {
      const png = await zip.file(f)?.async('nodebuffer');
      expect(png?.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png?.length).toBeGreaterThan(5000);
    }
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    expect(rels).toContain('TargetMode="External"');
    expect(rels).toContain(
      `${DASHBOARD}/search?fromDate=2026-11-20&amp;toDate=2026-11-20&amp;sentiment=negative`,
    );
  });

  it('prints a PDF whose text is the Chinese report', () => {
    expect(files.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync(
      'pdftotext',
      ['-enc', 'UTF-8', path.join(out, 'yuqing-daily-2026-11-20.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    );
    const flat = text.replace(/\s+/g, '');
    for (const s of ['某市舆情日报', '总体态势', '热点话题', '广州暴雨致多处内涝', '研判建议'])
      expect(flat).toContain(s);
    expect(readFileSync(path.join(out, 'yuqing-daily-2026-11-20.pdf')).length).toBeGreaterThan(20_000);
  });
});

describe('scheduled reports', () => {
  it('makes the daily report at 08:00, mails and posts it once, and not again after a restart', async () => {
    const hook = await startReceiver(() => ({ status: 200, body: '{}' }));
    const mails: string[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    const secret = 'report-webhook-secret-0123456789';
    try {
      await saveChannel(store, {
        id: 'ch-hook',
        departmentId: 'root',
        name: '报告推送',
        kind: 'webhook',
        config: { url: `${hook.url}/reports`, secret },
        enabled: true,
      });
      await saveChannel(store, {
        id: 'ch-mail',
        departmentId: 'root',
        name: '报告邮件',
        kind: 'smtp',
        config: { host: '127.0.0.1', port: smtpPort, from: 'yuqing@test', to: ['leader@test'] },
        enabled: true,
      });
      const schedules = [
        {
          id: 'daily-test',
          kind: 'daily' as const,
          at: '08:00',
          weekday: 1,
          monthDay: 1,
          formats: ['html' as const, 'docx' as const],
          channelIds: ['ch-hook', 'ch-mail'],
        },
      ];
      const options = { schedules, dashboardUrl: DASHBOARD, outDir: path.join(tmp.dir, 'scheduled'), logger };
      // 07:59 Beijing on the 21st, a fresh platform: the newest period due is the 19th (made by the
      // 20th's 08:00 trigger, caught up now); the 20th is not due before 08:00.
      const [first, ...more] = await runScheduledReports(store, {
        ...options,
        now: new Date('2026-11-20T23:59:00Z'),
      });
      expect(more).toEqual([]);
      expect(first).toMatchObject({ period_date: '2026-11-19', state: 'delivered', documents: 3 });
      hook.received.length = 0;
      mails.length = 0;
      const [run] = await runScheduledReports(store, { ...options, now: new Date('2026-11-21T00:00:30Z') });
      expect(run).toMatchObject({
        schedule_id: 'daily-test',
        period_date: '2026-11-20',
        state: 'delivered',
        documents: 13,
      });
      expect(run?.delivered.sort()).toEqual(['ch-hook', 'ch-mail']);
      expect(run?.files.map((f) => path.basename(f))).toEqual([
        'yuqing-daily-2026-11-20.html',
        'yuqing-daily-2026-11-20.docx',
      ]);

      expect(hook.received).toHaveLength(1);
      const req = hook.received[0] as (typeof hook.received)[number];
      expect(verifyWebhookSignature(secret, req.body, req.headers['x-yuqing-signature'] as string)).toBe(
        true,
      );
      expect(req.headers['idempotency-key']).toBe('report-daily-test-2026-11-20');
      const body = JSON.parse(req.body) as {
        type: string;
        report: { files: Array<{ name: string; base64: string }> };
      };
      expect(body.type).toBe('report');
      const docx = body.report.files.find((f) => f.name.endsWith('.docx'));
      const zip = await JSZip.loadAsync(Buffer.from(docx?.base64 ?? '', 'base64'));
      expect(await zip.file('word/document.xml')?.async('string')).toContain('舆情日报');

      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain('filename=yuqing-daily-2026-11-20.docx');
      expect(mails[0]).toContain('X-Yuqing-Delivery: report-daily-test-2026-11-20');

      // A minute later, or after a restart (the runs are in the store), nothing is due.
      expect(await runScheduledReports(store, { ...options, now: new Date('2026-11-21T00:01:30Z') })).toEqual(
        [],
      );
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }, 120_000);
});

describe('mailbox statistics', () => {
  const letter = (
    id: string,
    h: number,
    category: string,
    department: string,
    state: string,
    owner: string,
  ) => ({
    id,
    owner_department_id: owner,
    title: `来信 ${id}`,
    content: '反映情况',
    received_at: Date.parse(at(h)),
    category,
    department,
    state,
    deadline_at:
      Date.parse(at(h)) +
      (state === 'closed' ? 0 : -3_600_000 * 48 + 3_600_000 * 72 * Number(id.endsWith('ok'))),
    updated_at: Date.parse(at(h)),
    version: 1,
  });

  it('counts the letters of the period by category, department and state, with the overdue ones', async () => {
    await store.insert('letters', [
      letter('L1', 1, '城乡建设', '住建局', 'assigned', 'd-city'),
      letter('L2', 2, '城乡建设', '住建局', 'closed', 'd-city'),
      letter('L3', 3, '交通运输', '交通局', 'replying', 'd-east'),
      letter('L4-ok', 4, '交通运输', '交通局', 'received', 'd-east'),
      letter('L5', -20, '教育', '教育局', 'received', 'd-city'),
    ]);
    const now = new Date('2026-11-21T00:00:00Z');
    const d = await collectReportData(store, { kind: 'daily', date: '2026-11-20' }, now);
    expect(d.mailbox).toEqual({
      available: true,
      received: 4,
      overdue: 2,
      byCategory: [
        { key: '交通运输', letters: 2 },
        { key: '城乡建设', letters: 2 },
      ],
      byDepartment: [
        { key: '交通局', letters: 2 },
        { key: '住建局', letters: 2 },
      ],
      byState: [
        { key: 'assigned', letters: 1 },
        { key: 'closed', letters: 1 },
        { key: 'received', letters: 1 },
        { key: 'replying', letters: 1 },
      ],
    });
    const east = await collectReportData(
      store,
      { kind: 'daily', date: '2026-11-20', departments: ['d-east'] },
      now,
    );
    expect(east.mailbox).toMatchObject({ received: 2, overdue: 1 });
  });

  it('says there is no mailbox data when the letters table is absent', async () => {
    await store.command('DROP TABLE letters');
    const d = await collectReportData(store, { kind: 'daily', date: '2026-11-20' });
    expect(d.mailbox).toEqual({ available: false, reason: 'no-table' });
  });
});
