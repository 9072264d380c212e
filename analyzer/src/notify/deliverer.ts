import {
  type ChannelRecord,
  type DeliveryRecord,
  getAlertChannels,
  getDueDeliveries,
  type Logger,
  type Store,
  writeDeliveries,
  writeDeliveryAttempts,
} from '@yuqing/schemas';
import { ChannelConfigSchemas, type ChannelKind, isChannelKind } from './channels.ts';
import { DeliveryError, type SendResult } from './http.ts';
import type { AlertMessage } from './message.ts';
import { type SendContext, sendDingtalk, sendFeishu, sendWebhook, sendWecom } from './robots.ts';
import { sendMail } from './smtp.ts';

export type Sender = (config: never, message: AlertMessage, ctx: SendContext) => Promise<SendResult>;

const SENDERS: Record<Exclude<ChannelKind, 'inapp'>, Sender> = {
  smtp: sendMail,
  webhook: sendWebhook,
  wecom: sendWecom,
  dingtalk: sendDingtalk,
  feishu: sendFeishu,
};

export interface DelivererOptions {
  /** Attempts before a delivery is given up (default 6: after about a minute and a half with defaults). */
  maxAttempts?: number;
  /** Backoff: base × 2^(attempt−1), capped, with ±20 % jitter (defaults 3 s, 10 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the queue is polled when nobody wakes the deliverer (default 5 s). */
  pollMs?: number;
  timeoutMs?: number;
  /** Public URL of the dashboard, for the link in messages (`<url>/alerts/<id>`). */
  dashboardUrl?: string;
  /** Replaces the senders by kind (tests, or a proxying sender). */
  senders?: Partial<Record<ChannelKind, Sender>>;
  random?: () => number;
}

export interface DeliveryRound {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the queued deliveries: one attempt each per round, every attempt written to the delivery
 * log, a failure retried with exponential backoff until `maxAttempts`. Each delivery id is the
 * receiver's idempotency key, so a crash between sending and recording at worst sends twice with the
 * same key.
 */
export class Deliverer {
  private readonly log: Logger;
  private readonly senders: Record<string, Sender>;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    logger: Logger,
    private readonly options: DelivererOptions = {},
  ) {
    this.log = logger.child({ component: 'deliverer' });
    this.senders = { ...SENDERS, ...options.senders };
  }

  /** Starts the next round now (the alert engine calls it after queueing). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Delivers until `signal` aborts; an error in a round is logged and the loop goes on. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.runOnce();
      } catch (error) {
        this.log.error({ err: error }, 'delivery round failed; retrying next round');
      }
      if (signal.aborted) break;
      await new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', finish);
          this.wakeUp = undefined;
          resolve();
        };
        const timer = setTimeout(finish, this.options.pollMs ?? 5000);
        this.wakeUp = finish;
        signal.addEventListener('abort', finish, { once: true });
      });
    }
  }

  async runOnce(now = new Date()): Promise<DeliveryRound> {
    const due = await getDueDeliveries(this.store, now.toISOString(), 100);
    const round: DeliveryRound = { sent: 0, retrying: 0, failed: 0 };
    if (due.length === 0) return round;
    const ids = [...new Set(due.map((d) => d.channelId))];
    const channels = new Map((await getAlertChannels(this.store, { ids })).map((c) => [c.id, c]));
    const results = await Promise.all(due.map((d) => this.attempt(d, channels.get(d.channelId), now)));
    await writeDeliveries(
      this.store,
      results.map((r) => r.delivery),
    );
    await writeDeliveryAttempts(
      this.store,
      results.map((r) => r.log),
    );
    for (const r of results) round[r.outcome] += 1;
    this.log.info(round, 'delivery round');
    return round;
  }

  private async attempt(delivery: DeliveryRecord, channel: ChannelRecord | undefined, now: Date) {
    const attempt = delivery.attempts + 1;
    const started = performance.now();
    let statusCode = 0;
    let error = '';
    let retryable = false;
    try {
      statusCode = (await this.send(delivery, channel, now)).statusCode;
    } catch (e) {
      const failure = e instanceof DeliveryError ? e : new DeliveryError((e as Error).message, true);
      ({ statusCode, retryable } = failure);
      error = failure.message.slice(0, 500);
    }
    const durationMs = performance.now() - started;
    const ok = error === '';
    const maxAttempts = this.options.maxAttempts ?? 6;
    const outcome: keyof DeliveryRound = ok
      ? 'sent'
      : retryable && attempt < maxAttempts
        ? 'retrying'
        : 'failed';
    const at = new Date(now.getTime() + durationMs).toISOString();
    if (!ok) {
      this.log.warn(
        {
          delivery: delivery.id,
          alert: delivery.alertId,
          channel: delivery.channelId,
          attempt,
          statusCode,
          error,
          outcome,
        },
        'delivery attempt failed',
      );
    }
    return {
      outcome,
      delivery: {
        ...delivery,
        status: outcome === 'retrying' ? 'pending' : outcome,
        attempts: attempt,
        nextAttemptAt:
          outcome === 'retrying' ? new Date(now.getTime() + this.backoff(attempt)).toISOString() : at,
        lastError: error,
        sentAt: ok ? at : null,
      } satisfies DeliveryRecord,
      log: {
        deliveryId: delivery.id,
        alertId: delivery.alertId,
        channelId: delivery.channelId,
        attempt,
        at,
        ok,
        statusCode,
        error,
        durationMs,
      },
    };
  }

  private async send(
    delivery: DeliveryRecord,
    channel: ChannelRecord | undefined,
    now: Date,
  ): Promise<SendResult> {
    if (!channel?.enabled) throw new DeliveryError('channel missing or disabled', false);
    if (!isChannelKind(channel.kind)) throw new DeliveryError(`unknown channel kind ${channel.kind}`, false);
    if (channel.kind === 'inapp') return { statusCode: 0 };
    const parsed = ChannelConfigSchemas[channel.kind].safeParse(channel.config);
    if (!parsed.success) {
      // Only the paths: values may be secrets.
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new DeliveryError(`channel ${channel.id} is misconfigured (${fields})`, false);
    }
    const message = { ...(delivery.payload as AlertMessage) };
    if (this.options.dashboardUrl) {
      message.link = `${this.options.dashboardUrl.replace(/\/$/, '')}/alerts/${encodeURIComponent(message.alertId)}`;
    }
    const sender = this.senders[channel.kind] as Sender;
    const ctx: SendContext = { deliveryId: delivery.id, now, timeoutMs: this.options.timeoutMs ?? 10_000 };
    return sender(parsed.data as never, message, ctx);
  }

  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 3000;
    const delay = Math.min(this.options.maxDelayMs ?? 600_000, base * 2 ** (attempt - 1));
    const jitter = 0.8 + 0.4 * (this.options.random ?? Math.random)();
    return Math.round(delay * jitter);
  }
}
