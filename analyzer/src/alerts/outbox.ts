import { createHash } from 'node:crypto';
import type { AlertEventRecord, ChannelRecord, DeliveryRecord } from '@yuqing/schemas';
import { toAlertMessage } from '../notify/message.ts';
import { type AlertRule, levelRank, type NotifyPolicy, NotifySchema } from './rules.ts';
import { decideNotification } from './suppression.ts';
import type { WorkingAlert } from './working.ts';

export interface Outbox {
  deliveries: DeliveryRecord[];
  events: AlertEventRecord[];
}

const DEFAULT_POLICY: NotifyPolicy = NotifySchema.parse({});

/**
 * How an alert notifies: the policy of its most serious rule (the first one among equals), the
 * channels of all its rules.
 */
export function policyOf(
  w: WorkingAlert,
  rules: ReadonlyMap<string, AlertRule>,
): {
  policy: NotifyPolicy;
  channels: string[];
} {
  const mine = w.alert.ruleIds.map((id) => rules.get(id)).filter((r): r is AlertRule => r !== undefined);
  const lead = mine.reduce<AlertRule | undefined>(
    (best, r) => (!best || levelRank(r.level) > levelRank(best.level) ? r : best),
    undefined,
  );
  return {
    policy: lead?.notify ?? DEFAULT_POLICY,
    channels: [...new Set(mine.flatMap((r) => r.notify.channels))],
  };
}

/** The idempotency key of one notification of an alert on one channel. */
export function deliveryId(alertId: string, notification: number, channelId: string): string {
  return createHash('sha256').update(`${alertId}\n${notification}\n${channelId}`).digest('hex').slice(0, 32);
}

/**
 * Decides for each changed alert whether it notifies now, later or never, updates its notify
 * bookkeeping, and returns the deliveries to queue and the events to record.
 */
export function planNotifications(
  changed: readonly WorkingAlert[],
  rules: ReadonlyMap<string, AlertRule>,
  channels: ReadonlyMap<string, ChannelRecord>,
  now: Date,
): Outbox {
  const at = now.toISOString();
  const out: Outbox = { deliveries: [], events: [] };
  for (const w of changed) {
    const a = w.alert;
    if (w.created) {
      out.events.push({
        alertId: a.id,
        at,
        actor: 'system',
        action: 'created',
        toState: 'new',
        detail: a.title,
      });
    } else if (levelRank(a.level) > levelRank(w.levelBefore)) {
      out.events.push({
        alertId: a.id,
        at,
        actor: 'system',
        action: 'escalated',
        detail: `${w.levelBefore} → ${a.level}`,
      });
    }
    const { policy, channels: wanted } = policyOf(w, rules);
    const decision = decideNotification(a, policy, now);
    if (!decision.notify) {
      if (decision.defer && !a.notifyPending) {
        out.events.push({ alertId: a.id, at, actor: 'system', action: 'deferred', detail: decision.reason });
      }
      a.notifyPending = decision.defer;
      continue;
    }
    w.evidence.notifications += 1;
    a.notifiedAt = at;
    a.notifiedDocuments = a.documents;
    a.notifiedLevel = a.level;
    a.notifyPending = false;
    const message = toAlertMessage(a, w.evidence, decision.reason);
    const targets = wanted.map((id) => channels.get(id)).filter((c) => c?.enabled) as ChannelRecord[];
    for (const channel of targets) {
      out.deliveries.push({
        id: deliveryId(a.id, w.evidence.notifications, channel.id),
        alertId: a.id,
        channelId: channel.id,
        kind: channel.kind,
        payload: message,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: at,
        lastError: '',
        createdAt: at,
        sentAt: null,
      });
    }
    out.events.push({
      alertId: a.id,
      at,
      actor: 'system',
      action: 'notified',
      detail: `${decision.reason}: ${targets.map((c) => c.name).join(', ') || 'in-app'}`,
    });
  }
  return out;
}
