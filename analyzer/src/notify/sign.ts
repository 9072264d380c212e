import { createHmac, timingSafeEqual } from 'node:crypto';

/** Generic webhook: `sha256=` + hex HMAC-SHA256 of the raw body with the shared secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of a webhook signature, for receivers (and tests). */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(webhookSignature(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** DingTalk 加签: base64 HMAC-SHA256 of `timestamp\nsecret` keyed by the secret; timestamp in ms. */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Feishu 签名校验: base64 HMAC-SHA256 keyed by `timestamp\nsecret` over nothing; timestamp in s. */
export function feishuSignature(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
