/**
 * The alert engine and the deliverer on a real embedded store, replaying the fixture bursts
 * (fixtures.ts): one alert per event, updated as it grows; suppression; a restart; window rules;
 * delivery with a retry and the delivery log; fetch → alert latency.
 */
import {
  type AlertView,
  createLogger,
  getAlertEvents,
  getAlertLatency,
  getAlerts,
  getDeliveryLog,
  loadConfig,
  migrate,
  openStore,
  type Store,
  saveAlertRule,
  saveChannel,
  writeDocuments,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { Deliverer } from '../notify/deliverer.ts';
import { verifyWebhookSignature } from '../notify/sign.ts';
import { startReceiver } from '../notify/test-receiver.ts';
import { AlertActionError, changeAlertState, recordFeedback } from './actions.ts';
import { AlertEngine } from './engine.ts';
import { BURSTS, fixtureDoc, T0 } from './fixtures.ts';

const logger = createLogger('silent');
const SECRET = 'test-secret-0123456789abcdef';
const MINUTE = 60_000;
const at = (ms: number) => new Date(ms);

describe('AlertEngine on the embedded store', () => {
  let store: Store;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const tmp = tempDir('alerts');
  const deliveries = async (alertId: string) => (await getDeliveryLog(store, alertId)).deliveries;
  const alertsOf = async (department: string) =>
    (await getAlerts(store, { departmentIds: [department] })).sort((a, b) =>
      a.firstTriggeredAt.localeCompare(b.firstTriggeredAt),
    );

  beforeAll(async () => {
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
    // The first request fails with a 500; every later one succeeds.
    receiver = await startReceiver((n) =>
      n === 0 ? { status: 500, body: 'busy' } : { status: 200, body: '{}' },
    );
    await saveChannel(store, {
      id: 'ch-hook',
      departmentId: 'd-city',
      name: '值班系统',
      kind: 'webhook',
      config: { url: `${receiver.url}/hook`, secret: SECRET },
      enabled: true,
    });
    const notify = { channels: ['ch-hook'], minIntervalMinutes: 30, regrowthFactor: 2 };
    const rule = (id: string, department: string, name: string, definition: object) =>
      saveAlertRule(store, { id, departmentId: department, name, definition, enabled: true });
    await rule('r-blast', 'd-city', '危化品事故', {
      type: 'document',
      level: 'orange',
      escalate: [{ documents: 6, level: 'red' }],
      when: [{ kind: 'keyword', expression: '化工厂 NEAR/20 (爆炸 | 泄漏)' }],
      notify,
    });
    await rule('r-wage', 'd-city', '欠薪讨薪', {
      type: 'document',
      when: [
        { kind: 'keyword', expression: '欠薪 | 讨薪 | 拖欠工资' },
        { kind: 'region', codes: ['330100'] },
      ],
      notify,
    });
    await rule('r-broken', 'd-city', '坏规则', {
      type: 'document',
      when: [{ kind: 'keyword', expression: '(a' }],
    });
    await rule('r-fire', 'd-night', '火灾', {
      type: 'document',
      when: [{ kind: 'keyword', expression: '火灾' }],
      notify: { ...notify, quietHours: { start: '22:00', end: '07:00' } },
    });
    await rule('r-water', 'd-city', '停水声量', {
      type: 'volume_spike',
      scope: { terms: ['停水'] },
      window: 'hour',
      minDocuments: 5,
    });
    await rule('r-surge', 'd-city', '话题负面激增', { type: 'negative_surge', minNegative: 4 });
  });
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
    tmp.cleanup();
  });

  it('raises one alert per event from the replayed bursts and updates it as it grows', async () => {
    const engine = new AlertEngine(store, logger);
    for (const doc of BURSTS) await engine.onDocuments([doc], at(Date.parse(doc.analyzedAt) + 1000));
    const [blast, wage, ...rest] = await alertsOf('d-city');
    expect(rest).toEqual([]);
    expect(blast?.title).toBe('滨江一化工厂发生爆炸');
    expect(blast).toMatchObject({ ruleId: 'r-blast', documents: 8, level: 'red', state: 'new' });
    expect(wage).toMatchObject({ ruleId: 'r-wage', documents: 5, level: 'yellow' });
    const evidence = blast?.evidence as {
      firstReport: { id: string };
      samples: unknown[];
      scores: { maxSensitivity: number };
    };
    expect(evidence.firstReport.id).toBe('boom-1');
    expect(evidence.samples).toHaveLength(5);
    expect(evidence.scores.maxSensitivity).toBe(78);
    // Blast: the first report, then the escalation to red (which skips the 30-minute interval).
    expect(
      (await deliveries(blast?.id as string)).map((d) => (d.payload as { reason: string }).reason),
    ).toEqual(['new', 'escalated']);
    // Wages: the first report, then the grown alert once 30 minutes had passed.
    expect(await deliveries(wage?.id as string)).toHaveLength(2);
    const history = (await getAlertEvents(store, blast?.id as string)).map((e) => e.action);
    expect(history).toEqual(expect.arrayContaining(['created', 'deferred', 'escalated', 'notified']));
  });

  it('after a restart, a new engine updates the same alerts; feedback silences an alert', async () => {
    const [blast, wage] = (await alertsOf('d-city')) as [AlertView, AlertView];
    await recordFeedback(store, wage.id, 'not_relevant', 'analyst-1', at(T0 + 60 * MINUTE));
    const restarted = new AlertEngine(store, logger);
    // Fetched two seconds before this batch is analysed, like a live pipeline.
    const batchBase = T0 + 90 * MINUTE - 32_000;
    const more = [];
    for (let n = 9; n <= 16; n++) {
      more.push(
        fixtureDoc(
          `boom-${n}`,
          {
            title: `化工厂爆炸后续报道${n}`,
            body: '滨江化工厂爆炸事故善后工作有序进行，消防撤离现场。',
            minute: 0,
            keywords: ['化工厂', '爆炸', '滨江', '消防'],
          },
          batchBase,
        ),
        fixtureDoc(
          `wage-${n}`,
          {
            title: `工地欠薪追踪${n}`,
            body: '农民工讨薪一事仍有后续。',
            minute: 0,
            keywords: ['欠薪', '农民工', '工地', '讨薪'],
            regions: [{ code: '330100', name: '杭州市', level: 'city' }],
          },
          batchBase,
        ),
      );
    }
    await restarted.onDocuments(more, at(T0 + 90 * MINUTE));
    const after = await alertsOf('d-city');
    expect(after.map((a) => a.id)).toEqual([blast.id, wage.id]);
    expect(after[0]).toMatchObject({ documents: 16 });
    expect(after[1]).toMatchObject({ documents: 13, state: 'resolved', feedback: 'not_relevant' });
    expect(await deliveries(blast.id)).toHaveLength(3); // grown to twice what was last notified
    expect(await deliveries(wage.id)).toHaveLength(2); // silenced by the feedback
  });

  it('holds notifications back in quiet hours and sends them when they end', async () => {
    const engine = new AlertEngine(store, logger);
    const night = Date.parse('2026-03-10T15:30:00.000Z'); // 23:30 Beijing
    const fire = fixtureDoc(
      'fire-1',
      { title: '某小区发生火灾', body: '一小区发生火灾，无人员伤亡。', minute: 0, keywords: ['火灾'] },
      night,
    );
    const [alert] = await engine.onDocuments([fire], at(night + 33_000));
    expect(alert).toMatchObject({ departmentId: 'd-night', notifyPending: true, notifiedAt: null });
    expect(await deliveries(alert?.id as string)).toHaveLength(0);
    await engine.tick(at(Date.parse('2026-03-10T22:00:00.000Z'))); // 06:00 Beijing, still quiet
    expect(await deliveries(alert?.id as string)).toHaveLength(0);
    await engine.tick(at(Date.parse('2026-03-10T23:01:00.000Z'))); // 07:01 Beijing
    expect(await deliveries(alert?.id as string)).toHaveLength(1);
    expect((await getAlerts(store, { ids: [alert?.id as string] }))[0]?.notifyPending).toBe(false);
  });

  it('raises one alert for a volume spike against its baseline and keeps updating it', async () => {
    const now = Date.parse('2026-03-12T02:00:00.000Z');
    const water = (id: string, minutesAgo: number) =>
      fixtureDoc(
        id,
        { title: '小区停水', body: '多个小区停水。', minute: -minutesAgo, keywords: ['停水'] },
        now,
      );
    const baseline = [1, 4, 7, 10].map((h) => water(`water-base-${h}`, h * 60 + 10));
    const burst = [5, 10, 15, 20, 25, 30, 40, 50].map((m) => water(`water-${m}`, m));
    await writeDocuments(store, [...baseline, ...burst]);
    const engine = new AlertEngine(store, logger);
    const [spike] = await engine.tick(at(now));
    expect(spike).toMatchObject({ ruleId: 'r-water', groupKey: 'spike:r-water:hour', documents: 8 });
    const volume = (
      (spike as AlertView).evidence as { volume: { count: number; baselineMean: number; z: number } }
    ).volume;
    expect(volume.count).toBe(8);
    expect(volume.baselineMean).toBeCloseTo(4 / 12, 2);
    expect(volume.z).toBeGreaterThan(3);
    await writeDocuments(store, [water('water-late-1', -5), water('water-late-2', -6)]);
    const [again] = await engine.tick(at(now + 10 * MINUTE));
    expect(again?.id).toBe(spike?.id);
    expect(again?.documents).toBe(10);
  });

  it('raises a negative-surge alert on a topic', async () => {
    const now = Date.parse('2026-03-14T02:00:00.000Z');
    const docs = [10, 20, 30, 40, 50].map((m) =>
      fixtureDoc(
        `flood-${m}`,
        {
          title: '积水严重',
          body: '道路积水。',
          minute: -m,
          keywords: ['积水'],
          negative: true,
          topicId: 'topic-flood',
        },
        now,
      ),
    );
    docs.push(
      fixtureDoc(
        'flood-ok',
        { title: '积水已排', body: '积水已排。', minute: -5, keywords: ['积水'], topicId: 'topic-flood' },
        now,
      ),
    );
    await writeDocuments(store, docs);
    const surges = await new AlertEngine(store, logger).tick(at(now));
    const surge = surges.find((a) => a.ruleId === 'r-surge');
    expect(surge).toMatchObject({ groupKey: 'topic:topic-flood', documents: 6 });
    expect(
      ((surge as AlertView).evidence as { volume: { count: number; negativeShare: number } }).volume,
    ).toMatchObject({
      count: 5,
      negativeShare: 0.83,
    });
  });

  it('delivers with signed webhooks, retries the 500, and logs every attempt', async () => {
    const deliverer = new Deliverer(store, logger, { baseDelayMs: 1000, random: () => 0.5 });
    const now = Date.parse('2026-03-14T03:00:00.000Z');
    const first = await deliverer.runOnce(at(now));
    expect(first).toMatchObject({ retrying: 1, failed: 0 });
    expect(first.sent).toBeGreaterThanOrEqual(5);
    const second = await deliverer.runOnce(at(now + 5000));
    expect(second).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverer.runOnce(at(now + 60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (const r of receiver.received) {
      expect(verifyWebhookSignature(SECRET, r.body, r.headers['x-yuqing-signature'] as string)).toBe(true);
      expect(JSON.parse(r.body).id).toBe(r.headers['x-yuqing-delivery']);
    }
    const retried = JSON.parse(receiver.received[0]?.body as string) as {
      id: string;
      alert: { alertId: string };
    };
    const log = await getDeliveryLog(store, retried.alert.alertId);
    const attempts = log.attempts.filter((a) => a.deliveryId === retried.id);
    expect(attempts.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    expect(log.deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  it('measures fetch → alert latency per source', async () => {
    const latency = await getAlertLatency(store, new Date(T0 - 3600_000).toISOString());
    const overall = latency.find((l) => l.source === '');
    expect(overall?.documents).toBeGreaterThan(20);
    expect(overall?.p95).toBeLessThanOrEqual(5);
  });

  it('records state changes new → acknowledged → assigned → resolved and survives a store restart', async () => {
    const [blast] = (await alertsOf('d-city')) as [AlertView];
    await changeAlertState(
      store,
      blast.id,
      { to: 'acknowledged', actor: 'analyst-1' },
      at(T0 + 100 * MINUTE),
    );
    await expect(changeAlertState(store, blast.id, { to: 'assigned', actor: 'analyst-1' })).rejects.toThrow(
      AlertActionError,
    );
    await changeAlertState(
      store,
      blast.id,
      { to: 'assigned', actor: 'leader-1', assignee: 'analyst-2' },
      at(T0 + 101 * MINUTE),
    );
    await expect(changeAlertState(store, blast.id, { to: 'new', actor: 'x' })).rejects.toThrow(
      /cannot become new/,
    );
    await recordFeedback(store, blast.id, 'handled', 'analyst-2', at(T0 + 102 * MINUTE));

    await store.close();
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    const [reopened] = await getAlerts(store, { ids: [blast.id] });
    expect(reopened).toMatchObject({
      state: 'resolved',
      assignee: 'analyst-2',
      feedback: 'handled',
      documents: 16,
    });
    const states = (await getAlertEvents(store, blast.id)).filter((e) => e.toState).map((e) => e.toState);
    expect(states).toEqual(['new', 'acknowledged', 'assigned', 'resolved']);
    // The event goes on after the restart: the same alert grows, silently (handled).
    const late = fixtureDoc(
      'boom-99',
      {
        title: '化工厂爆炸一周后',
        body: '化工厂爆炸一周后复产。',
        minute: 0,
        keywords: ['化工厂', '爆炸', '滨江', '消防'],
      },
      T0 + 110 * MINUTE,
    );
    const [grown] = await new AlertEngine(store, logger).onDocuments([late], at(T0 + 111 * MINUTE));
    expect(grown?.id).toBe(blast.id);
    expect(grown?.documents).toBe(17);
    expect(await deliveries(blast.id)).toHaveLength(3);
  });
});
