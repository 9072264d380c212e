import type { ChannelConfig } from './channels.ts';
import { checkRobotReply, postJson, type SendResult } from './http.ts';
import { type AlertMessage, messageLines, renderMarkdown } from './message.ts';
import { dingtalkSignature, feishuSignature, webhookSignature } from './sign.ts';

export interface SendContext {
  /** The delivery id: the receiver's idempotency key. */
  deliveryId: string;
  now: Date;
  timeoutMs: number;
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

/**
 * Generic webhook: `{ id, type, timestamp, alert }` signed with HMAC-SHA256 over the raw body. The
 * body carries the timestamp too, so the signature covers it; receivers reject stale timestamps and
 * repeated `X-Yuqing-Delivery` ids.
 */
export async function sendWebhook(
  config: ChannelConfig<'webhook'>,
  message: AlertMessage,
  ctx: SendContext,
): Promise<SendResult> {
  const timestamp = Math.floor(ctx.now.getTime() / 1000);
  const body = JSON.stringify({ id: ctx.deliveryId, type: 'alert', timestamp, alert: message });
  const headers: Record<string, string> = {
    'user-agent': 'yuqing-alerts/1',
    'x-yuqing-timestamp': String(timestamp),
    'x-yuqing-delivery': ctx.deliveryId,
    'idempotency-key': ctx.deliveryId,
  };
  if (config.secret) headers['x-yuqing-signature'] = webhookSignature(config.secret, body);
  const { statusCode } = await postJson(config.url, body, headers, ctx.timeoutMs);
  return { statusCode };
}

/** 企业微信 group robot: markdown, at most 4096 bytes. 45009 is its rate limit. */
export async function sendWecom(
  config: ChannelConfig<'wecom'>,
  message: AlertMessage,
  ctx: SendContext,
): Promise<SendResult> {
  const body = JSON.stringify({
    msgtype: 'markdown',
    markdown: { content: truncateBytes(renderMarkdown(message), 4096) },
  });
  const reply = await postJson(config.url, body, {}, ctx.timeoutMs);
  checkRobotReply(reply.text, reply.statusCode, [45009]);
  return { statusCode: reply.statusCode };
}

/** 钉钉 robot: markdown; with a secret, `timestamp` (ms) and `sign` go in the query string. */
export async function sendDingtalk(
  config: ChannelConfig<'dingtalk'>,
  message: AlertMessage,
  ctx: SendContext,
): Promise<SendResult> {
  const url = new URL(config.url);
  if (config.secret) {
    const timestamp = ctx.now.getTime();
    url.searchParams.set('timestamp', String(timestamp));
    url.searchParams.set('sign', dingtalkSignature(config.secret, timestamp));
  }
  const mentions = config.atMobiles.map((m) => `@${m}`).join(' ');
  const body = JSON.stringify({
    msgtype: 'markdown',
    markdown: {
      title: `【${message.levelName}】${message.title}`.slice(0, 64),
      text: `${renderMarkdown(message)}${mentions ? `\n\n${mentions}` : ''}`,
    },
    at: { atMobiles: config.atMobiles, isAtAll: false },
  });
  const reply = await postJson(url.toString(), body, {}, ctx.timeoutMs);
  checkRobotReply(reply.text, reply.statusCode, [130101]);
  return { statusCode: reply.statusCode };
}

/** 飞书 robot: a rich-text post; with a secret, `timestamp` (s) and `sign` go in the body. */
export async function sendFeishu(
  config: ChannelConfig<'feishu'>,
  message: AlertMessage,
  ctx: SendContext,
): Promise<SendResult> {
  const [title, ...lines] = messageLines({ ...message, link: null });
  const content = lines.map((text) => [{ tag: 'text', text }]);
  if (message.link)
    content.push([{ tag: 'a', text: '查看预警', href: message.link } as { tag: string; text: string }]);
  const payload: Record<string, unknown> = {
    msg_type: 'post',
    content: { post: { zh_cn: { title, content } } },
  };
  if (config.secret) {
    const timestamp = Math.floor(ctx.now.getTime() / 1000);
    payload.timestamp = String(timestamp);
    payload.sign = feishuSignature(config.secret, timestamp);
  }
  const reply = await postJson(config.url, JSON.stringify(payload), {}, ctx.timeoutMs);
  checkRobotReply(reply.text, reply.statusCode, [9499, 11232]);
  return { statusCode: reply.statusCode };
}
