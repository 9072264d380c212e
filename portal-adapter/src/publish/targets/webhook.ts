import type { Logger } from '@yuqing/schemas';
import { z } from 'zod';
import { signPublishWebhook, WEBHOOK_HEADERS } from '../sign.ts';
import { type PublishItem, type PublishTarget, type RemoteRef, TargetError } from '../types.ts';
import { DEFAULT_RETRY, fetchWithTimeout, isRetryableStatus, type RetryPolicy, withRetry } from './retry.ts';

export const WebhookConfigSchema = z.object({
  url: z.url().refine((u) => /^https?:\/\//.test(u), 'url 须为 http(s) 地址'),
  secret: z.string().min(16, '签名密钥至少 16 个字符'),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  attempts: z.number().int().min(1).max(10).default(DEFAULT_RETRY.attempts),
  baseDelayMs: z.number().int().min(0).max(60_000).default(DEFAULT_RETRY.baseDelayMs),
});
export type WebhookConfig = z.input<typeof WebhookConfigSchema>;

export type WebhookEvent = 'publish' | 'withdraw';

/**
 * A generic JSON webhook. Each delivery carries an Idempotency-Key unique to (item, event,
 * version) that stays the same across retries, and an HMAC-SHA256 signature over the timestamp,
 * that key and the raw body. 2xx is success; 408, 429, 5xx and network errors are retried with
 * backoff; any other status fails at once.
 */
export class WebhookTarget implements PublishTarget {
  readonly kind = 'webhook' as const;
  private readonly config: z.output<typeof WebhookConfigSchema>;
  private readonly retry: RetryPolicy;

  constructor(
    readonly id: string,
    config: WebhookConfig,
    private readonly logger?: Logger,
  ) {
    this.config = WebhookConfigSchema.parse(config);
    this.retry = { ...DEFAULT_RETRY, attempts: this.config.attempts, baseDelayMs: this.config.baseDelayMs };
  }

  async publish(item: PublishItem, idempotencyKey: string): Promise<RemoteRef> {
    const deliveryKey = `${idempotencyKey}.publish.v${item.version}`;
    const body = JSON.stringify({
      event: 'publish',
      id: idempotencyKey,
      draftId: item.draftId,
      version: item.version,
      column: item.column,
      title: item.title,
      summary: item.summary,
      html: item.html,
      source: item.source,
      publishedAt: item.publishedAt,
    });
    const reply = await this.deliver('publish', deliveryKey, body);
    let remoteId = '';
    let remoteUrl = '';
    try {
      const parsed = JSON.parse(reply) as { id?: unknown; url?: unknown };
      if (typeof parsed.id === 'string' || typeof parsed.id === 'number') remoteId = String(parsed.id);
      if (typeof parsed.url === 'string') remoteUrl = parsed.url;
    } catch {
      // A receiver may answer with anything on success; the key still names the item.
    }
    return { idempotencyKey, remoteId: remoteId || idempotencyKey, remoteUrl };
  }

  async withdraw(ref: RemoteRef): Promise<void> {
    const body = JSON.stringify({ event: 'withdraw', id: ref.idempotencyKey, remoteId: ref.remoteId });
    // One withdrawal per item: withdrawing again after a republication is a new delivery.
    await this.deliver('withdraw', `${ref.idempotencyKey}.withdraw.${Date.now()}`, body);
  }

  /** Sends one delivery with retries; the timestamp and signature are fresh on each attempt. */
  private deliver(event: WebhookEvent, deliveryKey: string, body: string): Promise<string> {
    return withRetry(
      this.retry,
      async () => {
        const timestamp = Math.floor(Date.now() / 1000);
        const response = await fetchWithTimeout(
          this.config.url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'user-agent': 'yuqing-publisher/1',
              [WEBHOOK_HEADERS.event]: event,
              [WEBHOOK_HEADERS.idempotencyKey]: deliveryKey,
              [WEBHOOK_HEADERS.timestamp]: String(timestamp),
              [WEBHOOK_HEADERS.signature]: signPublishWebhook(
                this.config.secret,
                timestamp,
                deliveryKey,
                body,
              ),
            },
            body,
          },
          this.config.timeoutMs,
        );
        const text = await response.text().catch(() => '');
        if (!response.ok) {
          throw new TargetError(
            `webhook HTTP ${response.status}: ${text.slice(0, 200)}`,
            isRetryableStatus(response.status),
            response.status,
          );
        }
        return text;
      },
      (error, n, delayMs) =>
        this.logger?.warn({ target: this.id, attempt: n, delayMs, err: error.message }, 'webhook retry'),
    );
  }
}
