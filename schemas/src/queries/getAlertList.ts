import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { AlertFeedback, AlertLevel, AlertState } from '../writes-alerts.ts';

/** One row of the alerts center: what a list shows, without the evidence. */
export interface AlertListItem {
  id: string;
  departmentId: string;
  ruleId: string;
  ruleIds: string[];
  level: AlertLevel;
  title: string;
  keywords: string[];
  documents: number;
  firstTriggeredAt: string;
  lastTriggeredAt: string;
  firstReportAt: string | null;
  state: AlertState;
  assignee: string;
  feedback: AlertFeedback;
}

export interface AlertListFilter {
  /** The departments the reader may see; always applied. */
  departmentIds: readonly string[];
  states?: readonly AlertState[];
  levels?: readonly AlertLevel[];
  /** Alerts any of whose rules is this one. */
  ruleId?: string;
  /** Only alerts last triggered before this time (ISO): the next page. */
  before?: string;
  limit: number;
}

const STATE = "if(s.state = '', 'new', s.state)";

/** Newest first; every filter combines with AND. */
export function buildAlertListQuery(filter: AlertListFilter): BuiltQuery {
  const where = ['has({departments:Array(String)}, a.department_id)'];
  const params: Record<string, unknown> = { departments: filter.departmentIds, limit: filter.limit };
  if (filter.states?.length) {
    where.push(`has({states:Array(String)}, ${STATE})`);
    params.states = filter.states;
  }
  if (filter.levels?.length) {
    where.push('has({levels:Array(String)}, a.level)');
    params.levels = filter.levels;
  }
  if (filter.ruleId) {
    where.push('(a.rule_id = {ruleId:String} OR has(a.rule_ids, {ruleId:String}))');
    params.ruleId = filter.ruleId;
  }
  if (filter.before) {
    where.push("a.last_triggered_at < fromUnixTimestamp64Milli({before:Int64}, 'UTC')");
    params.before = Date.parse(filter.before);
  }
  return {
    query: `SELECT a.id AS id, a.department_id AS department_id, a.rule_id AS rule_id, a.rule_ids AS rule_ids,
        a.level AS level, a.title AS title, a.keywords AS keywords, a.documents AS documents,
        a.first_triggered_at AS first_triggered_at, a.last_triggered_at AS last_triggered_at,
        a.first_report_at AS first_report_at, ${STATE} AS state, s.assignee AS assignee, s.feedback AS feedback
      FROM (SELECT id, department_id, rule_id, rule_ids, level, title, keywords, documents, first_triggered_at,
          last_triggered_at, first_report_at FROM alerts FINAL) AS a
      LEFT JOIN (SELECT id, state, assignee, feedback FROM alert_status FINAL) AS s ON s.id = a.id
      WHERE ${where.join(' AND ')}
      ORDER BY a.last_triggered_at DESC, a.id
      LIMIT {limit:UInt32}`,
    params,
  };
}

interface AlertListRow {
  id: string;
  department_id: string;
  rule_id: string;
  rule_ids: string[];
  level: string;
  title: string;
  keywords: string[];
  documents: number | string;
  first_triggered_at: string;
  last_triggered_at: string;
  first_report_at: string | null;
  state: string;
  assignee: string | null;
  feedback: string | null;
}

export async function getAlertList(store: Store, filter: AlertListFilter): Promise<AlertListItem[]> {
  const rows = await store.query<AlertListRow>('getAlertList', buildAlertListQuery(filter));
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    ruleId: r.rule_id,
    ruleIds: r.rule_ids,
    level: r.level as AlertLevel,
    title: r.title,
    keywords: r.keywords,
    documents: Number(r.documents),
    firstTriggeredAt: fromClickHouseTime(r.first_triggered_at),
    lastTriggeredAt: fromClickHouseTime(r.last_triggered_at),
    firstReportAt: fromClickHouseTime(r.first_report_at),
    state: r.state as AlertState,
    assignee: r.assignee ?? '',
    feedback: (r.feedback ?? '') as AlertFeedback,
  }));
}
