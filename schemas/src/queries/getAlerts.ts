import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { AlertFeedback, AlertLevel, AlertRecord, AlertState } from '../writes-alerts.ts';

/** An alert as people see it: what the engine wrote joined with the analysts' state. */
export interface AlertView extends AlertRecord {
  state: AlertState;
  assignee: string;
  feedback: AlertFeedback;
}

export interface AlertFilter {
  ids?: readonly string[];
  departmentIds?: readonly string[];
  states?: readonly AlertState[];
  /** Only alerts triggered at or after this time (ISO). */
  activeSince?: string;
  limit?: number;
}

export interface AlertRow {
  id: string;
  department_id: string;
  rule_id: string;
  rule_ids: string[];
  group_key: string;
  keys: string[];
  keywords: string[];
  level: string;
  title: string;
  evidence: string;
  documents: number | string;
  first_triggered_at: string;
  last_triggered_at: string;
  first_report_at: string | null;
  alerted_at: string;
  notified_at: string | null;
  notified_documents: number | string;
  notified_level: string;
  notify_pending: number;
  state: string;
  assignee: string;
  feedback: string;
}

/** Newest alerts first; every filter is optional and combines with AND. */
export function buildAlertsQuery(filter: AlertFilter): BuiltQuery {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit ?? 200 };
  if (filter.ids) {
    where.push('has({ids:Array(String)}, a.id)');
    params.ids = filter.ids;
  }
  if (filter.departmentIds) {
    where.push('has({departments:Array(String)}, a.department_id)');
    params.departments = filter.departmentIds;
  }
  if (filter.activeSince) {
    where.push("a.last_triggered_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')");
    params.since = Date.parse(filter.activeSince);
  }
  const state = "if(s.state = '', 'new', s.state)";
  if (filter.states) {
    where.push(`has({states:Array(String)}, ${state})`);
    params.states = filter.states;
  }
  return {
    query: `SELECT a.id AS id, a.department_id AS department_id, a.rule_id AS rule_id, a.rule_ids AS rule_ids,
        a.group_key AS group_key, a.keys AS keys, a.keywords AS keywords, a.level AS level, a.title AS title,
        a.evidence AS evidence, a.documents AS documents, a.first_triggered_at AS first_triggered_at,
        a.last_triggered_at AS last_triggered_at, a.first_report_at AS first_report_at, a.alerted_at AS alerted_at,
        a.notified_at AS notified_at, a.notified_documents AS notified_documents, a.notified_level AS notified_level,
        a.notify_pending AS notify_pending, ${state} AS state, s.assignee AS assignee, s.feedback AS feedback
      FROM (SELECT * FROM alerts FINAL) AS a
      LEFT JOIN (SELECT id, state, assignee, feedback FROM alert_status FINAL) AS s ON s.id = a.id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.last_triggered_at DESC, a.id
      LIMIT {limit:UInt32}`,
    params,
  };
}

export function alertFromRow(r: AlertRow): AlertView {
  return {
    id: r.id,
    departmentId: r.department_id,
    ruleId: r.rule_id,
    ruleIds: r.rule_ids,
    groupKey: r.group_key,
    keys: r.keys,
    keywords: r.keywords,
    level: r.level as AlertLevel,
    title: r.title,
    evidence: JSON.parse(r.evidence) as unknown,
    documents: Number(r.documents),
    firstTriggeredAt: fromClickHouseTime(r.first_triggered_at),
    lastTriggeredAt: fromClickHouseTime(r.last_triggered_at),
    firstReportAt: fromClickHouseTime(r.first_report_at),
    alertedAt: fromClickHouseTime(r.alerted_at),
    notifiedAt: fromClickHouseTime(r.notified_at),
    notifiedDocuments: Number(r.notified_documents),
    notifiedLevel: r.notified_level as AlertLevel | '',
    notifyPending: Number(r.notify_pending) === 1,
    state: r.state as AlertState,
    assignee: r.assignee ?? '',
    feedback: (r.feedback ?? '') as AlertFeedback,
  };
}

export async function getAlerts(store: Store, filter: AlertFilter = {}): Promise<AlertView[]> {
  const rows = await store.query<AlertRow>('getAlerts', buildAlertsQuery(filter));
  return rows.map(alertFromRow);
}
