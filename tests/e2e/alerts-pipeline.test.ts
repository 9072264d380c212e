/**
 * Alerts through the live pipeline on a real embedded store: raw documents are stored as the
 * crawler stores them, `analyzeOnce` analyzes them in a worker thread, clusters them into topics,
 * and hands each stored batch to the alert engine; the deliverer sends to a real local SMTP server
 * (smtp-server) and to HTTP receivers that check signatures.
 *
 * Fixture story (analyzer/src/alerts/fixtures.ts, Beijing time 2026-03-10): from 10:00 a chemical
 * plant explodes in 滨江 (eight reports, two of them reprints), from 10:05 workers in 杭州 protest
 * unpaid wages (five reports), and noise (weather, a concert, a trade fair, a metro line) runs
 * all morning. At 11:00 an analyst marks the wage alert as not relevant; at 11:30 the platform
 * restarts, and more of both stories arrive.
 */
import type { AddressInfo } from 'node:net';
import {
  type AlertDocument,
  AlertEngine,
  analyzeOnce,
  Deliverer,
  type PipelineState,
  recordFeedback,
  restoreState,
  TextAnalyzer,
  verifyWebhookSignature,
} from '@yuqing/analyzer';
import {
  type AlertView,
  createLogger,
  getAlerts,
  getDeliveryLog,
  getLatestDocuments,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  type Store,
  saveAlertRule,
  saveChannel,
  writeRawDocuments,
} from '@yuqing/schemas';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BURSTS, T0 } from '../../analyzer/src/alerts/fixtures.ts';
import { startReceiver } from '../../analyzer/src/notify/test-receiver.ts';
import { tempDir } from '../support/temp-dir.ts';

const logger = createLogger('silent');
const SECRET = 'pipeline-webhook-secret-0123';
const MINUTE = 60_000;
const DEPARTMENT = 'd-city';

/** A fixture document as the crawler stores it: raw text, fetched 30 s after publication. */
function raw(doc: (typeof BURSTS)[number]): RawDocument {
  return {
    id: doc.id,
    url: doc.url,
    canonicalUrl: doc.url,
    source: doc.source,
    site: doc.site,
    mediaType: doc.mediaType,
    title: doc.title,
    body: doc.text.slice(doc.title.length + 1),
    author: '',
    publishedAt: doc.publishedAt,
    fetchedAt: doc.fetchedAt,
    contentHash: doc.id,
  };
}

/** The delivery id a mail carries (its idempotency key). */
const deliveryOf = (mail: { raw: string } | undefined) =>
  /^X-Yuqing-Delivery: (\S+)/m.exec(mail?.raw ?? '')?.[1] ?? '';

function later(id: string, title: string, body: string, minute: number): RawDocument {
  const published = new Date(T0 + minute * MINUTE).toISOString();
  return {
    id,
    url: `http://news.test/${id}.html`,
    canonicalUrl: `http://news.test/${id}.html`,
    source: 'news',
    site: 'news.test',
    mediaType: 'news',
    title,
    body,
    author: '',
    publishedAt: published,
    fetchedAt: new Date(T0 + minute * MINUTE + 30_000).toISOString(),
    contentHash: id,
  };
}

describe('alerts through the live pipeline', { timeout: 120_000 }, () => {
  const tmp = tempDir('alerts-pipeline');
  const analyzer = new TextAnalyzer(1);
  const mails: Array<{ to: string[]; raw: string }> = [];
  let smtp: SMTPServer;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let store: Store;
  let state: PipelineState;
  /** What the engine saw, to check the times every alerted document carries. */
  const seen: AlertDocument[] = [];

  const open = async () => {
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
    state = await restoreState(store, logger);
    const real = new AlertEngine(store, logger);
    return {
      onDocuments: (docs: readonly AlertDocument[], now?: Date) => {
        seen.push(...docs);
        return real.onDocuments(docs, now);
      },
    };
  };
  let alerts: Awaited<ReturnType<typeof open>>;

  /** Stores each document as fetched and runs the analyzer two seconds later, in fetch order. */
  const replay = async (docs: readonly RawDocument[]) => {
    let analyzed = 0;
    for (const doc of docs) {
      await writeRawDocuments(store, [doc]);
      const clock = () => new Date(Date.parse(doc.fetchedAt) + 2000);
      analyzed += (await analyzeOnce(store, { logger, analyzer, state, alerts, clock })).analyzed;
    }
    return analyzed;
  };
  const cityAlerts = async () =>
    (await getAlerts(store, { departmentIds: [DEPARTMENT] })).sort((a, b) =>
      a.firstTriggeredAt.localeCompare(b.firstTriggeredAt),
    );
  const topicOf = async (id: string) =>
    (
      await store.query<{ topic_id: string }>('topicOf', {
        query: 'SELECT topic_id FROM documents FINAL WHERE id = {id:String}',
        params: { id },
      })
    )[0]?.topic_id;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    hook = await startReceiver();
    alerts = await open();
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    await saveChannel(store, {
      id: 'ch-mail',
      departmentId: DEPARTMENT,
      name: '值班邮箱',
      kind: 'smtp',
      config: { host: '127.0.0.1', port: smtpPort, from: 'alerts@yuqing.test', to: ['duty@gov.test'] },
      enabled: true,
    });
    await saveChannel(store, {
      id: 'ch-hook',
      departmentId: DEPARTMENT,
      name: '值班系统',
      kind: 'webhook',
      config: { url: `${hook.url}/hook`, secret: SECRET },
      enabled: true,
    });
    await saveChannel(store, {
      id: 'ch-wecom',
      departmentId: DEPARTMENT,
      name: '企业微信群',
      kind: 'wecom',
      config: { url: `${hook.url}/wecom?key=k1` },
      enabled: true,
    });
    const notify = {
      channels: ['ch-mail', 'ch-hook', 'ch-wecom'],
      minIntervalMinutes: 30,
      regrowthFactor: 2,
    };
    await saveAlertRule(store, {
      id: 'r-blast',
      departmentId: DEPARTMENT,
      name: '危化品事故',
      definition: {
        type: 'document',
        level: 'orange',
        when: [{ kind: 'keyword', expression: '化工厂 NEAR/20 (爆炸 | 泄漏)' }],
        notify,
      },
      enabled: true,
    });
    await saveAlertRule(store, {
      id: 'r-wage',
      departmentId: DEPARTMENT,
      name: '欠薪讨薪',
      definition: {
        type: 'document',
        when: [{ kind: 'keyword', expression: '欠薪 | 讨薪 | 拖欠工资' }],
        notify,
      },
      enabled: true,
    });
  });
  afterAll(async () => {
    await analyzer.close();
    await store?.close();
    await hook?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    tmp.cleanup();
  });

  it('raises one alert per event from the replayed bursts, not one per document', async () => {
    expect(await replay(BURSTS.map(raw))).toBe(BURSTS.length);
    const all = await cityAlerts();
    expect(all.map((a) => [a.ruleId, a.documents, a.title])).toEqual([
      ['r-blast', 8, '滨江一化工厂发生爆炸'],
      ['r-wage', 5, '杭州一工地农民工讨薪'],
    ]);
    // The topics the analyzer found tie each event's documents together.
    const blastTopic = await topicOf('boom-1');
    expect(blastTopic).toMatch(/^t[0-9a-f]{15}$/);
    for (let n = 2; n <= 8; n++) expect(await topicOf(`boom-${n}`)).toBe(blastTopic);
    expect(await topicOf('wage-1')).not.toBe(blastTopic);
    expect(all[0]?.keys).toContain(`topic:${blastTopic}`);
    expect(all[1]?.keys).toContain(`topic:${await topicOf('wage-1')}`);
    // Every alerted document carries published, fetched, analyzed and alerted times, in order.
    for (const d of seen) {
      const times = [d.publishedAt, d.fetchedAt, d.analyzedAt].map((t) => Date.parse(t as string));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const { items } = await getLatestDocuments(store, { limit: 50 });
    expect(items).toHaveLength(BURSTS.length);
  });

  it('delivers each new alert by mail, signed webhook and WeCom robot', async () => {
    const deliverer = new Deliverer(store, logger, { dashboardUrl: 'http://yuqing.test' });
    // Each alert was notified when new and once more when it had doubled after 30 minutes: 2 × 2 × 3 channels.
    expect(await deliverer.runOnce()).toEqual({ sent: 12, retrying: 0, failed: 0 });
    const [blast, wage] = (await cityAlerts()) as [AlertView, AlertView];
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.to.join() === 'duty@gov.test')).toBe(true);
    const blastDeliveries = (await getDeliveryLog(store, blast.id)).deliveries.map((d) => d.id);
    expect(mails.filter((m) => blastDeliveries.includes(deliveryOf(m)))).toHaveLength(2);
    const hooks = hook.received.filter((r) => r.url === '/hook');
    expect(hooks).toHaveLength(4);
    for (const r of hooks) {
      expect(verifyWebhookSignature(SECRET, r.body, r.headers['x-yuqing-signature'] as string)).toBe(true);
      expect(
        verifyWebhookSignature(
          'another-secret-0123456789',
          r.body,
          r.headers['x-yuqing-signature'] as string,
        ),
      ).toBe(false);
    }
    const alertIds = new Set(
      hooks.map((r) => (JSON.parse(r.body) as { alert: { alertId: string } }).alert.alertId),
    );
    expect([...alertIds].sort()).toEqual([blast.id, wage.id].sort());
    const wecom = hook.received.filter((r) => r.url.startsWith('/wecom'));
    expect(wecom.length).toBe(mails.length);
    expect((JSON.parse(wecom[0]?.body as string) as { msgtype: string }).msgtype).toBe('markdown');
    const log = await getDeliveryLog(store, blast.id);
    expect(log.deliveries.map((d) => d.status)).toEqual(Array(6).fill('sent'));
    expect(log.attempts.filter((a) => a.ok)).toHaveLength(6);
    expect(await deliverer.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('survives a restart: same topics continue, the same alerts grow, feedback silences one', async () => {
    const before = await cityAlerts();
    const [blast, wage] = before as [AlertView, AlertView];
    const blastTopic = await topicOf('boom-1');
    await recordFeedback(store, wage.id, 'not_relevant', 'analyst-1', new Date(T0 + 60 * MINUTE));

    await store.close();
    alerts = await open();
    const boom = [
      '滨江区化工厂爆炸事故善后工作有序进行，消防撤离现场，伤亡人员家属得到安置。',
      '滨江化工厂爆炸原因初步查明，系违规操作引发，消防和应急部门通报处置情况。',
      '化工厂爆炸事故调查组进驻滨江，对涉事企业负责人采取措施，消防继续排查隐患。',
      '滨江化工厂爆炸后周边居民陆续返家，环保部门称空气和水质监测正常，消防留守现场。',
    ];
    const wages = [
      '杭州工地农民工讨薪一事仍有后续，劳动监察部门督促企业尽快支付拖欠工资。',
      '杭州工地欠薪的农民工讨薪有了结果，拖欠工资全部到位。',
      '杭州多部门联合约谈欠薪企业，农民工讨薪问题限期解决。',
      '杭州工地欠薪事件：总包单位承诺本周结清农民工工资。',
      '杭州工地农民工讨薪事件引发对欠薪治理的讨论。',
    ];
    const more = [
      ...boom.map((body, i) => later(`boom-${11 + i}`, '滨江化工厂爆炸后续', body, 90 + 2 * i)),
      ...wages.map((body, i) => later(`wage-${11 + i}`, '杭州工地欠薪追踪', body, 91 + 2 * i)),
    ].sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt));
    const sentBefore = hook.received.length;
    const wageDeliveries = (await getDeliveryLog(store, wage.id)).deliveries.length;
    expect(await replay(more)).toBe(9);
    for (let n = 11; n <= 14; n++) expect(await topicOf(`boom-${n}`)).toBe(blastTopic);
    expect(await topicOf('wage-11')).toBe(await topicOf('wage-1'));

    const after = await cityAlerts();
    expect(after.map((a) => a.id)).toEqual([blast.id, wage.id]);
    expect(after[0]?.documents).toBe(12);
    expect(after[1]).toMatchObject({ documents: 10, feedback: 'not_relevant', state: 'resolved' });

    // Both alerts doubled since their last notification (6 → 12, 5 → 10): the blast alert goes out
    // again on every channel, the wage alert the analyst marked not relevant stays silent.
    expect(await new Deliverer(store, logger).runOnce()).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(hook.received.length).toBe(sentBefore + 2);
    expect(mails).toHaveLength(5);
    const blastDeliveries = (await getDeliveryLog(store, blast.id)).deliveries.map((d) => d.id);
    expect(blastDeliveries).toContain(deliveryOf(mails[4]));
    expect((await getDeliveryLog(store, wage.id)).deliveries).toHaveLength(wageDeliveries);
  });
});
