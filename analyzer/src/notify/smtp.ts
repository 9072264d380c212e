import nodemailer from 'nodemailer';
import type { ChannelConfig } from './channels.ts';
import { DeliveryError, type SendResult } from './http.ts';
import { type AlertMessage, renderHtml, renderText } from './message.ts';
import type { SendContext } from './robots.ts';

/**
 * E-mail over SMTP with nodemailer. A 5xx reply (bad recipient, refused) is final; connection
 * problems and 4xx replies are retried. The password goes to nodemailer only.
 */
export async function sendMail(
  config: ChannelConfig<'smtp'>,
  message: AlertMessage,
  ctx: SendContext,
): Promise<SendResult> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    tls: config.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: ctx.timeoutMs,
    greetingTimeout: ctx.timeoutMs,
    socketTimeout: ctx.timeoutMs,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `【${message.levelName}】${message.title}`,
      text: renderText(message),
      html: renderHtml(message),
      messageId: `<${ctx.deliveryId}@yuqing.alerts>`,
      headers: { 'X-Yuqing-Delivery': ctx.deliveryId },
    });
    return { statusCode: 250 };
  } catch (error) {
    const e = error as Error & { responseCode?: number; code?: string };
    const code = e.responseCode ?? 0;
    throw new DeliveryError(`smtp ${e.code ?? ''} ${code || ''}: ${e.message}`.trim(), code < 500, code);
  } finally {
    transport.close();
  }
}
