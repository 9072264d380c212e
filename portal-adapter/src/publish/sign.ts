import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of the publishing webhook (PUBLISHING.md, “Webhook signature”). */
export const WEBHOOK_HEADERS = {
  signature: 'x-yuqing-signature',
  timestamp: 'x-yuqing-timestamp',
  event: 'x-yuqing-event',
  idempotencyKey: 'idempotency-key',
} as const;

/** How far a receiver should accept a timestamp from its own clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signed string: `<timestamp>.<idempotency key>.<raw body>`. */
export function signingString(timestamp: number, idempotencyKey: string, body: string): string {
  return `${timestamp}.${idempotencyKey}.${body}`;
}

/** `v1=` + hex HMAC-SHA256 of the signing string, keyed by the shared secret (UTF-8). */
export function signPublishWebhook(
  secret: string,
  timestamp: number,
  idempotencyKey: string,
  body: string,
): string {
  const mac = createHmac('sha256', secret).update(signingString(timestamp, idempotencyKey, body), 'utf8');
  return `v1=${mac.digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'bad_timestamp' | 'stale' | 'mismatch';

/** What a receiver runs: constant-time comparison, and a timestamp within the tolerance. */
export function verifyPublishWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string; idempotencyKey?: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!headers.signature || !headers.timestamp || !headers.idempotencyKey) return 'missing';
  if (!/^\d{1,12}$/.test(headers.timestamp)) return 'bad_timestamp';
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signPublishWebhook(secret, timestamp, headers.idempotencyKey, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}
