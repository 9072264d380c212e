/**
 * The publishing webhook against a local receiver that verifies signatures and applies each
 * idempotency key once: a 500 before the work and a 500 after it (lost reply) are retried under
 * the same key and the portal ends up with one item; a 400 is not retried; a wrong secret is
 * refused by the receiver; the signature covers timestamp, key and body.
 */
import {
  type PublishItem,
  signPublishWebhook,
  verifyPublishWebhook,
  WEBHOOK_HEADERS,
  WebhookTarget,
} from '@yuqing/portal-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const SECRET = 'test-secret-0123456789abcdef';

const item: PublishItem = {
  draftId: 'd1',
  version: 2,
  column: 'notices',
  title: '关于做好冬季供暖工作的通知',
  summary: '各供热单位于 11 月 15 日前完成试运行。',
  html: '<p>各供热单位……</p>',
  source: {
    url: 'https://gov.example.test/n/1',
    site: 'gov.example.test',
    name: '示例政府网',
    publishedAt: null,
  },
  publishedAt: '2026-11-20T08:00:00.000Z',
};

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const target = (url: string, secret = SECRET) =>
  new WebhookTarget('hook', { url, secret, attempts: 4, baseDelayMs: 20 });

describe('webhook target', () => {
  it('delivers a signed publication the receiver verifies', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
    const ref = await target(receiver.url).publish(item, 'd1:hook');
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.signature).toBe('ok');
    expect(request?.event).toBe('publish');
    expect(request?.idempotencyKey).toBe('d1:hook.publish.v2');
    expect(receiver.payloads[0]).toMatchObject({
      event: 'publish',
      id: 'd1:hook',
      title: item.title,
      version: 2,
    });
    expect(ref).toEqual({
      idempotencyKey: 'd1:hook',
      remoteId: 'remote-d1:hook.publish.v2',
      remoteUrl: `http://portal.test/items/${encodeURIComponent('d1:hook.publish.v2')}`,
    });
  });

  it('retries after a 500 before the work under the same key: delivered once', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      failures: { 1: { status: 500, when: 'before' }, 2: { status: 503, when: 'before' } },
    });
    await target(receiver.url).publish(item, 'd1:hook');
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(new Set(receiver.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(receiver.requests.every((r) => r.signature === 'ok')).toBe(true);
    expect(receiver.accepted.get('d1:hook.publish.v2')).toBe(1);
    expect(receiver.payloads).toHaveLength(1);
  });

  it('retries after a lost reply with the same key, so the receiver applies it once', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      failures: { 1: { status: 500, when: 'after' } },
    });
    await target(receiver.url).publish(item, 'd1:hook');
    expect(receiver.requests.map((r) => r.status)).toEqual([500, 200]);
    // Two requests reached processing under one key; the portal shows one item.
    expect(receiver.accepted.get('d1:hook.publish.v2')).toBe(2);
    expect(receiver.payloads).toHaveLength(1);
  });

  it('does not retry a 400 and says what the receiver answered', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      failures: { 1: { status: 400, when: 'before' } },
    });
    await expect(target(receiver.url).publish(item, 'd1:hook')).rejects.toThrow(/webhook HTTP 400/);
    expect(receiver.requests).toHaveLength(1);
  });

  it('gives up after the configured attempts on a receiver that keeps failing', async () => {
    receiver = await startWebhookReceiver({
      secret: SECRET,
      failures: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, { status: 502, when: 'before' as const }])),
    });
    await expect(target(receiver.url).publish(item, 'd1:hook')).rejects.toThrow(/webhook HTTP 502/);
    expect(receiver.requests).toHaveLength(4);
    expect(receiver.payloads).toHaveLength(0);
  });

  it('is refused by a receiver with another secret (401, not retried)', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
    await expect(target(receiver.url, 'another-secret-0123456789').publish(item, 'd1:hook')).rejects.toThrow(
      /HTTP 401/,
    );
    expect(receiver.requests.map((r) => r.signature)).toEqual(['mismatch']);
    expect(receiver.payloads).toHaveLength(0);
  });

  it('sends a new delivery key for a new version and for a withdrawal', async () => {
    receiver = await startWebhookReceiver({ secret: SECRET });
    const hook = target(receiver.url);
    const ref = await hook.publish(item, 'd1:hook');
    await hook.publish({ ...item, version: 3, title: '更新后的标题' }, 'd1:hook');
    await hook.withdraw(ref);
    expect(receiver.requests.map((r) => r.event)).toEqual(['publish', 'publish', 'withdraw']);
    expect(new Set(receiver.requests.map((r) => r.idempotencyKey)).size).toBe(3);
    expect(receiver.payloads[2]).toMatchObject({ event: 'withdraw', id: 'd1:hook' });
  });

  it('rejects a config without a usable secret or URL', () => {
    expect(() => new WebhookTarget('x', { url: 'ftp://example.test/', secret: SECRET })).toThrow(/http/);
    expect(() => new WebhookTarget('x', { url: 'https://example.test/', secret: 'short' })).toThrow(/16/);
  });
});

describe('webhook signature', () => {
  const now = 1_800_000_000;
  const body = '{"event":"publish"}';
  const headers = (signature: string, timestamp = String(now), idempotencyKey = 'k') => ({
    signature,
    timestamp,
    idempotencyKey,
  });

  it('is v1= hex HMAC-SHA256 of "timestamp.key.body"', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET).update(`${now}.k.${body}`).digest('hex');
    expect(signPublishWebhook(SECRET, now, 'k', body)).toBe(`v1=${expected}`);
    expect(WEBHOOK_HEADERS).toEqual({
      signature: 'x-yuqing-signature',
      timestamp: 'x-yuqing-timestamp',
      event: 'x-yuqing-event',
      idempotencyKey: 'idempotency-key',
    });
  });

  it('fails on a changed body, key or timestamp, a stale timestamp, or a missing header', () => {
    const sig = signPublishWebhook(SECRET, now, 'k', body);
    expect(verifyPublishWebhook(SECRET, headers(sig), body, now)).toBe('ok');
    expect(verifyPublishWebhook(SECRET, headers(sig), `${body} `, now)).toBe('mismatch');
    expect(verifyPublishWebhook(SECRET, headers(sig, String(now), 'k2'), body, now)).toBe('mismatch');
    expect(verifyPublishWebhook(SECRET, headers(sig, String(now + 1)), body, now)).toBe('mismatch');
    expect(verifyPublishWebhook(SECRET, headers(sig), body, now + 301)).toBe('stale');
    expect(verifyPublishWebhook(SECRET, headers(sig, 'soon'), body, now)).toBe('bad_timestamp');
    expect(verifyPublishWebhook(SECRET, { timestamp: String(now), idempotencyKey: 'k' }, body, now)).toBe(
      'missing',
    );
  });
});
