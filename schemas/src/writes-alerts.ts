import { toClickHouseTime } from './records.ts';
import type { Store } from './store/engine.ts';
import { nextVersion } from './writes-admin.ts';

/**
 * Alert rules, alerts, their state history, channels and the delivery queue and log. Versioned
 * tables get a new row per change; `alert_events` and `delivery_attempts` are append-only logs.
 */

/** The national four-colour warning scale, least to most serious (蓝 / 黄 / 橙 / 红). */
export const ALERT_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_STATES = ['new', 'acknowledged', 'assigned', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export type AlertFeedback = '' | 'not_relevant' | 'handled';

export interface AlertRuleRecord {
  id: string;
  departmentId: string;
  name: string;
  /** The rule itself, validated by the analyzer's AlertRuleSchema. */
  definition: unknown;
  enabled: boolean;
  deleted?: boolean;
}

/** What the engine knows about an alert; `evidence` is JSON the analyzer defines. */
export interface AlertRecord {
  id: string;
  departmentId: string;
  ruleId: string;
  ruleIds: string[];
  groupKey: string;
  /** Every grouping key seen (topic:…, dup:…, spike:…), so later documents find the alert. */
  keys: string[];
  keywords: string[];
  level: AlertLevel;
  title: string;
  evidence: unknown;
  documents: number;
  firstTriggeredAt: string;
  lastTriggeredAt: string;
  firstReportAt: string | null;
  alertedAt: string;
  notifiedAt: string | null;
  notifiedDocuments: number;
  notifiedLevel: AlertLevel | '';
  /** A notification waits (quiet hours) and goes out on the next tick that may send it. */
  notifyPending: boolean;
}

export interface AlertStatusRecord {
  alertId: string;
  state: AlertState;
  assignee: string;
  feedback: AlertFeedback;
  updatedBy: string;
}

export interface AlertEventRecord {
  alertId: string;
  at: string;
  actor: string;
  action: string;
  fromState?: string;
  toState?: string;
  detail?: string;
}

export interface AlertDocumentRecord {
  alertId: string;
  documentId: string;
  source: string;
  publishedAt: string | null;
  fetchedAt: string;
  analyzedAt: string;
  alertedAt: string;
}

export interface ChannelRecord {
  id: string;
  departmentId: string;
  name: string;
  kind: string;
  /** Channel settings, secrets included; never logged. */
  config: unknown;
  enabled: boolean;
  deleted?: boolean;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface DeliveryRecord {
  id: string;
  alertId: string;
  channelId: string;
  kind: string;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliveryAttemptRecord {
  deliveryId: string;
  alertId: string;
  channelId: string;
  attempt: number;
  at: string;
  ok: boolean;
  statusCode: number;
  error: string;
  durationMs: number;
}

export function saveAlertRule(store: Store, rule: AlertRuleRecord): Promise<void> {
  return store.insert('alert_rules', [
    {
      id: rule.id,
      department_id: rule.departmentId,
      name: rule.name,
      definition: JSON.stringify(rule.definition),
      enabled: rule.enabled ? 1 : 0,
      deleted: rule.deleted ? 1 : 0,
      version: nextVersion(),
    },
  ]);
}

export function writeAlerts(store: Store, alerts: readonly AlertRecord[]): Promise<void> {
  return store.insert(
    'alerts',
    alerts.map((a) => ({
      id: a.id,
      department_id: a.departmentId,
      rule_id: a.ruleId,
      rule_ids: a.ruleIds,
      group_key: a.groupKey,
      keys: a.keys,
      keywords: a.keywords,
      level: a.level,
      title: a.title,
      evidence: JSON.stringify(a.evidence),
      documents: a.documents,
      first_triggered_at: toClickHouseTime(a.firstTriggeredAt),
      last_triggered_at: toClickHouseTime(a.lastTriggeredAt),
      first_report_at: toClickHouseTime(a.firstReportAt),
      alerted_at: toClickHouseTime(a.alertedAt),
      notified_at: toClickHouseTime(a.notifiedAt),
      notified_documents: a.notifiedDocuments,
      notified_level: a.notifiedLevel,
      notify_pending: a.notifyPending ? 1 : 0,
      version: nextVersion(),
    })),
  );
}

export function writeAlertStatus(store: Store, status: AlertStatusRecord): Promise<void> {
  return store.insert('alert_status', [
    {
      id: status.alertId,
      state: status.state,
      assignee: status.assignee,
      feedback: status.feedback,
      updated_by: status.updatedBy,
      version: nextVersion(),
    },
  ]);
}

export function writeAlertEvents(store: Store, events: readonly AlertEventRecord[]): Promise<void> {
  return store.insert(
    'alert_events',
    events.map((e) => ({
      alert_id: e.alertId,
      at: toClickHouseTime(e.at),
      actor: e.actor,
      action: e.action,
      from_state: e.fromState ?? '',
      to_state: e.toState ?? '',
      detail: e.detail ?? '',
    })),
  );
}

export function writeAlertDocuments(store: Store, rows: readonly AlertDocumentRecord[]): Promise<void> {
  return store.insert(
    'alert_documents',
    rows.map((r) => ({
      alert_id: r.alertId,
      document_id: r.documentId,
      source: r.source,
      published_at: toClickHouseTime(r.publishedAt),
      fetched_at: toClickHouseTime(r.fetchedAt),
      analyzed_at: toClickHouseTime(r.analyzedAt),
      alerted_at: toClickHouseTime(r.alertedAt),
    })),
  );
}

export function saveChannel(store: Store, channel: ChannelRecord): Promise<void> {
  return store.insert('channels', [
    {
      id: channel.id,
      department_id: channel.departmentId,
      name: channel.name,
      kind: channel.kind,
      config: JSON.stringify(channel.config),
      enabled: channel.enabled ? 1 : 0,
      deleted: channel.deleted ? 1 : 0,
      version: nextVersion(),
    },
  ]);
}

export function writeDeliveries(store: Store, rows: readonly DeliveryRecord[]): Promise<void> {
  return store.insert(
    'deliveries',
    rows.map((d) => ({
      id: d.id,
      alert_id: d.alertId,
      channel_id: d.channelId,
      kind: d.kind,
      payload: JSON.stringify(d.payload),
      status: d.status,
      attempts: d.attempts,
      next_attempt_at: toClickHouseTime(d.nextAttemptAt),
      last_error: d.lastError,
      created_at: toClickHouseTime(d.createdAt),
      sent_at: toClickHouseTime(d.sentAt),
      version: nextVersion(),
    })),
  );
}

export function writeDeliveryAttempts(store: Store, rows: readonly DeliveryAttemptRecord[]): Promise<void> {
  return store.insert(
    'delivery_attempts',
    rows.map((a) => ({
      delivery_id: a.deliveryId,
      alert_id: a.alertId,
      channel_id: a.channelId,
      attempt: a.attempt,
      at: toClickHouseTime(a.at),
      ok: a.ok ? 1 : 0,
      status_code: a.statusCode,
      error: a.error,
      duration_ms: Math.round(a.durationMs),
    })),
  );
}
