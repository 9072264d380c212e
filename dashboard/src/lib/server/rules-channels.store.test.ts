/**
 * Alert rules and channels admin on a real embedded store.
 * Fixture story: departments 本级 (root) and 东区 (east); the admin `adm` creates a WeCom robot
 * channel and a DingTalk one with a 加签 secret for 东区, then a document rule that notifies the
 * robot. Secrets must never come back, bad rules and configs must be refused with the field named.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createLogger,
  getAlertChannels,
  getAlertRules,
  getAuditLog,
  loadConfig,
  migrate,
  openStore,
  type Store,
  saveDepartment,
  type User,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../../analyzer/src/notify/sign.ts';
import { tempDir } from '../../../../tests/support/temp-dir.ts';
import { createChannel, deleteChannel, listChannels, updateChannel } from './channels.ts';
import { testChannel } from './channels-test.ts';
import { CONTEXT_KEY } from './context.ts';
import { createRule, deleteRule, listRules, updateRule } from './rules.ts';

const logger = createLogger('silent');
const tmp = tempDir('dashboard-rules');
let store: Store;
const admin: User = {
  id: 'adm',
  username: 'adm',
  displayName: '管理员',
  roles: ['admin'],
  departmentId: 'root',
  disabled: false,
};
const who = { user: admin, ip: '127.0.0.1' };
const ROBOT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=robot-key-0001';
const DING_SECRET = 'SEC0123456789abcdef';

async function failure(work: Promise<unknown>): Promise<{ status: number; field?: string }> {
  try {
    await work;
    return { status: 200 };
  } catch (error) {
    const e = error as { status?: number; body?: { field?: string } };
    return { status: e.status ?? 500, field: e.body?.field };
  }
}

beforeAll(async () => {
  const config = loadConfig({ YUQING_DATA_DIR: tmp.dir });
  store = await openStore(config, logger);
  await migrate(store, logger);
  (globalThis as Record<symbol, unknown>)[CONTEXT_KEY] = { store, config, logger };
  await saveDepartment(store, { id: 'root', parentId: '', name: '本级' });
  await saveDepartment(store, { id: 'east', parentId: 'root', name: '东区' });
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('channels admin', () => {
  let robotId = '';
  let dingId = '';

  it('stores secrets but only ever returns them masked', async () => {
    const robot = await createChannel(who, {
      departmentId: 'east',
      name: '值班群',
      kind: 'wecom',
      enabled: true,
      config: { url: ROBOT },
    });
    robotId = robot.id;
    const ding = await createChannel(who, {
      departmentId: 'east',
      name: '钉钉群',
      kind: 'dingtalk',
      enabled: true,
      config: { url: 'https://oapi.dingtalk.com/robot/send?access_token=tok-1', secret: DING_SECRET },
    });
    dingId = ding.id;
    const shown = JSON.stringify([robot, ding, await listChannels()]);
    expect(shown).not.toContain('robot-key-0001');
    expect(shown).not.toContain(DING_SECRET);
    expect(shown).not.toContain('tok-1');
    expect(robot.config.url).toBe('https://qyapi.weixin.qq.com/******');
    const audit = JSON.stringify(
      await getAuditLog(store, { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', limit: 50 }),
    );
    expect(audit).toContain('channel.create');
    expect(audit).not.toContain(DING_SECRET);
    // The store keeps the real values for the notifier.
    const [stored] = await getAlertChannels(store, { ids: [robotId] });
    expect(stored?.config).toEqual({ url: ROBOT });
  });

  it('keeps a secret sent back masked and replaces one that was rewritten', async () => {
    const [shown] = (await listChannels()).filter((c) => c.id === dingId);
    await updateChannel(who, dingId, {
      name: '钉钉值班群',
      config: { ...shown?.config, atMobiles: ['13800000000'] },
    });
    let [stored] = await getAlertChannels(store, { ids: [dingId] });
    expect(stored?.config).toMatchObject({ secret: DING_SECRET, url: expect.stringContaining('tok-1') });
    await updateChannel(who, dingId, { config: { ...shown?.config, secret: 'SECnew' } });
    [stored] = await getAlertChannels(store, { ids: [dingId] });
    expect(stored?.config).toMatchObject({ secret: 'SECnew', url: expect.stringContaining('tok-1') });
  });

  it('refuses a config its kind does not accept, naming the field', async () => {
    const bad = await failure(
      createChannel(who, {
        departmentId: 'east',
        name: 'x',
        kind: 'webhook',
        enabled: true,
        config: { url: 'ftp://x' },
      }),
    );
    expect(bad).toEqual({ status: 400, field: 'config.url' });
    const noDept = await failure(
      createChannel(who, { departmentId: 'nowhere', name: 'x', kind: 'inapp', enabled: true, config: {} }),
    );
    expect(noDept).toEqual({ status: 400, field: 'departmentId' });
  });

  describe('rules admin', () => {
    it('saves what the engine accepts, with its defaults', async () => {
      const rule = await createRule(who, {
        departmentId: 'east',
        name: '化工厂事故',
        enabled: true,
        definition: {
          type: 'document',
          level: 'orange',
          when: [{ kind: 'keyword', expression: '化工厂 NEAR/20 (爆炸 | 泄漏)' }],
          notify: { channels: [robotId] },
        },
      });
      const [stored] = await getAlertRules(store, ['east']);
      expect(stored?.id).toBe(rule.id);
      expect(stored?.definition).toMatchObject({
        type: 'document',
        notify: { channels: [robotId], minIntervalMinutes: 30 },
        escalate: [],
      });
      expect(stored?.definition).not.toHaveProperty('id');
      // A channel a rule uses cannot be deleted.
      expect((await failure(deleteChannel(who, robotId))).status).toBe(409);
      await updateRule(who, rule.id, { enabled: false });
      expect((await listRules()).find((r) => r.id === rule.id)?.enabled).toBe(false);
      await deleteRule(who, rule.id);
      expect(await listRules()).toEqual([]);
      await deleteChannel(who, robotId);
      expect((await listChannels()).map((c) => c.id)).toEqual([dingId]);
    });

    it.each([
      [
        { type: 'document', when: [{ kind: 'keyword', expression: '(化工厂' }] },
        'definition.when.0.expression',
      ],
      [{ type: 'document', when: [] }, 'definition.when'],
      [{ type: 'earthquake' }, 'definition.type'],
      [
        { type: 'document', when: [{ kind: 'sensitivity', min: 60 }], notify: { channels: ['nope'] } },
        'definition.notify.channels',
      ],
    ])('refuses %j on %s', async (definition, field) => {
      const result = await failure(
        createRule(who, { departmentId: 'east', name: 'bad', enabled: true, definition }),
      );
      expect(result).toEqual({ status: 400, field });
      expect(await listRules()).toEqual([]);
    });
  });

  it('sends a signed test message through a webhook channel, and reports a failing one', async () => {
    const received: { body: string; signature?: string }[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-yuqing-signature'] as string | undefined });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-path`;
      const secret = 'webhook-secret-0123456789';
      const hook = await createChannel(who, {
        departmentId: 'east',
        name: '值班系统',
        kind: 'webhook',
        enabled: true,
        config: { url, secret },
      });
      expect(await testChannel(who, hook.id)).toEqual({
        ok: true,
        statusCode: 200,
        message: '测试消息已发送',
      });
      expect(received).toHaveLength(1);
      expect(verifyWebhookSignature(secret, received[0]?.body ?? '', received[0]?.signature)).toBe(true);
      expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
        alert: { title: expect.stringContaining('测试') },
      });

      status = 500;
      const failed = await testChannel(who, hook.id, 2_000);
      expect(failed).toMatchObject({ ok: false, statusCode: 500 });
      expect(failed.message).not.toContain('secret-path');
      const inapp = await createChannel(who, {
        departmentId: 'east',
        name: '站内',
        kind: 'inapp',
        enabled: true,
        config: {},
      });
      expect((await failure(testChannel(who, inapp.id))).status).toBe(400);
      expect((await failure(testChannel(who, 'nope'))).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
