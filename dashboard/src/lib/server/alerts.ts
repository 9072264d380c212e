import { error } from '@sveltejs/kit';
import {
  type AlertEventRecord,
  type AlertListItem,
  type AlertState,
  type AlertSummary,
  type AlertView,
  getAlertEvents,
  getAlertList,
  getAlertRules,
  getAlertSummary,
  getAlerts,
  getUsers,
  type Role,
  type User,
} from '@yuqing/schemas';
import { departmentScope, descendants, hasRole } from './access.ts';
import { type Actor, listDepartments } from './admin.ts';
import type { AlertEvidence } from './alerts-engine.ts';
import { ALERT_TRANSITIONS, AlertActionError, changeAlertState, recordFeedback } from './alerts-engine.ts';
import { evidenceOf } from './alerts-evidence.ts';
import type { AlertFeedbackInput, AlertListQuery, AlertStateChange } from './alerts-requests.ts';
import { appContext, logger } from './context.ts';

/**
 * The alerts center. An alert belongs to a department and is private to it: its users and the
 * users of the departments above it (supervision) see it; an admin sees all. Leaders read alerts,
 * analysts also act on them. Every check is here, on the server.
 */
export const ALERT_READ_ROLES: readonly Role[] = ['leader', 'analyst'];
export const ALERT_ACT_ROLES: readonly Role[] = ['analyst'];

function fail(status: number, code: string, message: string, field?: string): never {
  error(status, field === undefined ? { message, code } : { message, code, field });
}

/** The department ids whose alerts `user` may see. */
export async function alertScope(user: User): Promise<Set<string>> {
  return departmentScope(await listDepartments(), user);
}

export interface AlertListPage {
  items: AlertListItem[];
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: string | null;
}

export async function listAlerts(user: User, q: AlertListQuery): Promise<AlertListPage> {
  const departments = await listDepartments();
  const scope = departmentScope(departments, user);
  let ids = [...scope];
  if (q.department) {
    if (!scope.has(q.department)) fail(400, 'bad_request', '部门不存在或不在可见范围内', 'department');
    const below = descendants(departments, q.department);
    ids = ids.filter((id) => below.has(id));
  }
  const items = await getAlertList(appContext().store, {
    departmentIds: ids,
    states: q.state,
    levels: q.level,
    ruleId: q.rule,
    before: q.before,
    limit: q.limit,
  });
  const last = items.at(-1);
  return { items, nextBefore: items.length === q.limit && last ? last.lastTriggeredAt : null };
}

export function alertSummary(user: User): Promise<AlertSummary> {
  return alertScope(user).then((scope) => getAlertSummary(appContext().store, [...scope]));
}

/** The alert if `user` may see it; otherwise a 404 that does not tell whether it exists. */
export async function visibleAlert(user: User, id: string): Promise<AlertView> {
  if (id.length > 128) fail(400, 'bad_request', '预警 id 过长', 'id');
  const [alert] = await getAlerts(appContext().store, { ids: [id], limit: 1 });
  if (!alert || !(await alertScope(user)).has(alert.departmentId)) fail(404, 'not_found', '预警不存在');
  return alert;
}

/** Users who may take an alert of `departmentId`: active analysts (or admins) who can see it. */
async function assignableUsers(departmentId: string): Promise<User[]> {
  const departments = await listDepartments();
  const users = await getUsers(appContext().store);
  return users.filter(
    (u) => !u.disabled && hasRole(u, ...ALERT_ACT_ROLES) && departmentScope(departments, u).has(departmentId),
  );
}

export interface AlertDetail {
  alert: Omit<AlertView, 'evidence'> & { evidence: AlertEvidence };
  events: AlertEventRecord[];
  ruleNames: Record<string, string>;
  /** Display names of the users named in the alert (assignee, actors). */
  userNames: Record<string, string>;
  /** The states the alert may move to now; empty for a reader who may not act. */
  transitions: AlertState[];
  assignees: { id: string; name: string }[];
  canAct: boolean;
}

export async function alertDetail(user: User, id: string): Promise<AlertDetail> {
  const { store } = appContext();
  const alert = await visibleAlert(user, id);
  const canAct = hasRole(user, ...ALERT_ACT_ROLES);
  const [events, rules, users, assignees] = await Promise.all([
    getAlertEvents(store, id),
    getAlertRules(store, [alert.departmentId]),
    getUsers(store),
    canAct ? assignableUsers(alert.departmentId) : Promise.resolve([]),
  ]);
  const name = (u: User) => u.displayName || u.username;
  const userNames = Object.fromEntries(users.map((u) => [u.id, name(u)]));
  return {
    alert: { ...alert, evidence: evidenceOf(alert.evidence) },
    events,
    ruleNames: Object.fromEntries(rules.map((r) => [r.id, r.name])),
    userNames,
    transitions: canAct ? [...ALERT_TRANSITIONS[alert.state]] : [],
    assignees: assignees.map((u) => ({ id: u.id, name: name(u) })),
    canAct,
  };
}

function mapActionError(err: unknown): never {
  if (err instanceof AlertActionError) {
    if (err.code === 'not_found') fail(404, 'not_found', '预警不存在');
    if (err.code === 'assignee_required') fail(400, 'bad_request', '指派时须选择处理人', 'assignee');
    fail(409, 'invalid_transition', '预警当前状态不允许此操作，请刷新后重试', 'to');
  }
  throw err;
}

/** new → acknowledged → assigned → resolved (and reopen), recorded in the alert's history. */
export async function changeState(actor: Actor, id: string, input: AlertStateChange): Promise<AlertView> {
  const alert = await visibleAlert(actor.user, id);
  if (!hasRole(actor.user, ...ALERT_ACT_ROLES)) fail(403, 'forbidden', '只有分析员可以处理预警');
  if (input.to === 'assigned') {
    const allowed = await assignableUsers(alert.departmentId);
    if (!allowed.some((u) => u.id === input.assignee)) {
      fail(400, 'bad_request', '处理人须为能看到此预警的在职分析员', 'assignee');
    }
  }
  const next = await changeAlertState(appContext().store, id, {
    to: input.to,
    actor: actor.user.id,
    assignee: input.assignee,
    note: input.note,
  }).catch(mapActionError);
  logger().info({ actor: actor.user.id, alert: id, from: alert.state, to: input.to }, 'alert state changed');
  return next;
}

/** An analyst's verdict (误报 / 已处置): resolves the alert and silences its notifications. */
export async function giveFeedback(actor: Actor, id: string, input: AlertFeedbackInput): Promise<AlertView> {
  await visibleAlert(actor.user, id);
  if (!hasRole(actor.user, ...ALERT_ACT_ROLES)) fail(403, 'forbidden', '只有分析员可以处理预警');
  const next = await recordFeedback(
    appContext().store,
    id,
    input.feedback,
    actor.user.id,
    new Date(),
    input.note,
  ).catch(mapActionError);
  logger().info({ actor: actor.user.id, alert: id, feedback: input.feedback }, 'alert feedback');
  return next;
}
