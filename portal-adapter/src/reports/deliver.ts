import { createHash } from 'node:crypto';
// The alert channels of the analyzer (same channel records, same webhook signature and HTTP
// error rules).
import { ChannelConfigSchemas, DeliveryError, webhookSignature } from '@yuqing/analyzer';
import type { ChannelRecord, Logger } from '@yuqing/schemas';
import nodemailer from 'nodemailer';
import type { ReportFile } from './generate.ts';

/**
 * Sends a generated report through the alert channels: e-mail (SMTP) with the files attached, and
 * the generic webhook with the files base64-encoded in a signed JSON body. Robots (企业微信, 钉钉,
 * 飞书) cannot carry files and are skipped with a log line. The delivery id is the receiver's
 * idempotency key: the same report period sent twice carries the same id.
 */
export interface ReportDelivery {
  deliveryId: string;
  title: string;
  kind: string;
  date: string;
  periodLabel: string;
  summary: string;
  files: readonly ReportFile[];
}

export interface DeliveryResult {
  channelId: string;
  ok: boolean;
  error?: string;
}

const TIMEOUT_MS = 30_000;

export async function deliverReport(
  channels: readonly ChannelRecord[],
  report: ReportDelivery,
  logger: Logger,
  now = new Date(),
): Promise<DeliveryResult[]> {
  const out: DeliveryResult[] = [];
  for (const channel of channels) {
    if (!channel.enabled) continue;
    try {
      if (channel.kind === 'smtp')
        await sendReportMail(ChannelConfigSchemas.smtp.parse(channel.config), report);
      else if (channel.kind === 'webhook')
        await postReportWebhook(ChannelConfigSchemas.webhook.parse(channel.config), report, now);
      else {
        logger.warn(
          { channel: channel.id, kind: channel.kind },
          'report delivery: channel cannot carry files; skipped',
        );
        continue;
      }
      out.push({ channelId: channel.id, ok: true });
    } catch (error) {
      const message = (error as Error).message;
      logger.error({ channel: channel.id, kind: channel.kind, err: message }, 'report delivery failed');
      out.push({ channelId: channel.id, ok: false, error: message });
    }
  }
  return out;
}

type Smtp = ReturnType<(typeof ChannelConfigSchemas.smtp)['parse']>;
type Webhook = ReturnType<(typeof ChannelConfigSchemas.webhook)['parse']>;

async function sendReportMail(config: Smtp, report: ReportDelivery): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    tls: config.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `${report.title}（${report.periodLabel}）`,
      text: `${report.summary}\n\n附件：${report.files.map((f) => f.name).join('、')}`,
      attachments: report.files.map((f) => ({
        filename: f.name,
        content: f.data,
        contentType: f.contentType,
      })),
      messageId: `<${report.deliveryId}@yuqing.reports>`,
      headers: { 'X-Yuqing-Delivery': report.deliveryId },
    });
  } catch (error) {
    const e = error as Error & { responseCode?: number; code?: string };
    const code = e.responseCode ?? 0;
    throw new DeliveryError(`smtp ${e.code ?? ''} ${code || ''}: ${e.message}`.trim(), code < 500, code);
  } finally {
    transport.close();
  }
}

/** `{ id, type: 'report', timestamp, report: { …, files: [{ name, contentType, size, sha256, base64 }] } }`. */
export function reportWebhookBody(report: ReportDelivery, now: Date): string {
  return JSON.stringify({
    id: report.deliveryId,
    type: 'report',
    timestamp: Math.floor(now.getTime() / 1000),
    report: {
      title: report.title,
      kind: report.kind,
      date: report.date,
      period: report.periodLabel,
      summary: report.summary,
      files: report.files.map((f) => ({
        name: f.name,
        contentType: f.contentType,
        size: f.data.length,
        sha256: createHash('sha256').update(f.data).digest('hex'),
        base64: f.data.toString('base64'),
      })),
    },
  });
}

async function postReportWebhook(config: Webhook, report: ReportDelivery, now: Date): Promise<void> {
  const body = reportWebhookBody(report, now);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'yuqing-reports/1',
    'x-yuqing-timestamp': String(Math.floor(now.getTime() / 1000)),
    'x-yuqing-delivery': report.deliveryId,
    'idempotency-key': report.deliveryId,
  };
  if (config.secret) headers['x-yuqing-signature'] = webhookSignature(config.secret, body);
  let response: Response;
  try {
    response = await fetch(config.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(`request failed: ${(error as Error).message}`, true);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new DeliveryError(`HTTP ${response.status}: ${text.slice(0, 200)}`, retryable, response.status);
  }
}
