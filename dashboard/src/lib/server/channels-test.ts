import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { getAlertChannels, writeAudit } from '@yuqing/schemas';
import type { Actor } from './admin.ts';
import {
  type AlertMessage,
  ChannelConfigSchemas,
  DeliveryError,
  isChannelKind,
  type SendContext,
  sendDingtalk,
  sendFeishu,
  sendMail,
  sendWebhook,
  sendWecom,
} from './alerts-engine.ts';
import { appContext, logger } from './context.ts';

/**
 * "Send test": one message through the channel's real sender (SMTP, signed webhook, WeCom,
 * DingTalk, Feishu robots), so an admin sees at once whether the settings work. The outcome
 * names the failure but never the URL or the secret.
 */

type Sender = (config: never, message: AlertMessage, ctx: SendContext) => Promise<{ statusCode: number }>;
const SENDERS: Record<string, Sender> = {
  smtp: sendMail as Sender,
  webhook: sendWebhook as Sender,
  wecom: sendWecom as Sender,
  dingtalk: sendDingtalk as Sender,
  feishu: sendFeishu as Sender,
};

export interface ChannelTestResult {
  ok: boolean;
  statusCode: number;
  message: string;
}

function testMessage(departmentId: string, now: Date): AlertMessage {
  return {
    alertId: 'test',
    departmentId,
    level: 'blue',
    levelName: '蓝色',
    title: '测试消息：通知渠道配置检查（非真实预警）',
    reason: 'new',
    reasonName: '测试',
    documents: 0,
    firstTriggeredAt: now.toISOString(),
    lastTriggeredAt: now.toISOString(),
    rules: [],
    reasons: ['系统管理员发送的测试消息'],
    volume: null,
    firstReport: null,
    samples: [],
    link: null,
  };
}

export async function testChannel(actor: Actor, id: string, timeoutMs = 10_000): Promise<ChannelTestResult> {
  const { store } = appContext();
  const [channel] = await getAlertChannels(store, { ids: [id] });
  if (!channel) error(404, { message: '通知渠道不存在', code: 'not_found' });
  if (!isChannelKind(channel.kind) || !SENDERS[channel.kind]) {
    error(400, { message: '站内渠道无需测试：预警会直接显示在预警中心', code: 'bad_request' });
  }
  const config = ChannelConfigSchemas[channel.kind].safeParse(channel.config);
  if (!config.success)
    error(400, { message: '渠道配置无效，请先修改保存', code: 'bad_request', field: 'config' });
  const now = new Date();
  const ctx: SendContext = { deliveryId: `test-${randomUUID()}`, now, timeoutMs };
  let result: ChannelTestResult;
  try {
    const sent = await (SENDERS[channel.kind] as Sender)(
      config.data as never,
      testMessage(channel.departmentId, now),
      ctx,
    );
    result = { ok: true, statusCode: sent.statusCode, message: '测试消息已发送' };
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    result = { ok: false, statusCode: err.statusCode, message: `发送失败：${err.message}` };
  }
  await writeAudit(store, {
    actorId: actor.user.id,
    action: 'channel.test',
    target: id,
    detail: JSON.stringify({ ok: result.ok, statusCode: result.statusCode }),
    ip: actor.ip,
  });
  logger().info(
    { actor: actor.user.id, channel: id, ok: result.ok, status: result.statusCode },
    'channel test',
  );
  return result;
}
