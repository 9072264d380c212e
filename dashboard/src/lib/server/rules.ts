import { randomUUID } from 'node:crypto';
import { error } from '@sveltejs/kit';
import {
  type AlertRuleRecord,
  getAlertChannels,
  getAlertRules,
  saveAlertRule,
  writeAudit,
} from '@yuqing/schemas';
import { type Actor, listDepartments } from './admin.ts';
import { AlertRuleError, parseAlertRule } from './alerts-engine.ts';
import { appContext, logger } from './context.ts';
import type { CreateRule, UpdateRule } from './rules-requests.ts';

/**
 * Alert rules admin. A rule is saved only when the alert engine's own schema accepts it (so what
 * is saved is what runs), its department exists and every channel it notifies exists.
 */

function fail(status: number, code: string, message: string, field?: string): never {
  error(status, field === undefined ? { message, code } : { message, code, field });
}

async function audit(actor: Actor, action: string, target: string, detail: unknown): Promise<void> {
  await writeAudit(appContext().store, {
    actorId: actor.user.id,
    action,
    target,
    detail: JSON.stringify(detail),
    ip: actor.ip,
  });
  logger().info({ actor: actor.user.id, action, target }, 'admin change');
}

export function listRules(): Promise<AlertRuleRecord[]> {
  return getAlertRules(appContext().store);
}

async function findRule(id: string): Promise<AlertRuleRecord> {
  const rule = (await listRules()).find((r) => r.id === id);
  if (!rule) fail(404, 'not_found', '规则不存在');
  return rule;
}

/** The definition as the engine will read it (defaults filled in), or a 400 naming the field. */
async function validated(record: AlertRuleRecord): Promise<AlertRuleRecord> {
  if (!(await listDepartments()).some((d) => d.id === record.departmentId)) {
    fail(400, 'bad_request', '部门不存在', 'departmentId');
  }
  let rule: ReturnType<typeof parseAlertRule>;
  try {
    rule = parseAlertRule(record);
  } catch (err) {
    if (!(err instanceof AlertRuleError)) throw err;
    const first = err.issues[0] ?? '';
    const path = first.split(':')[0] ?? '';
    fail(
      400,
      'bad_request',
      `规则定义无效：${err.issues.join('；')}`,
      `definition${path && path !== '(rule)' ? `.${path}` : ''}`,
    );
  }
  const channels = rule.notify.channels;
  if (channels.length > 0) {
    const found = new Set((await getAlertChannels(appContext().store, { ids: channels })).map((c) => c.id));
    const missing = channels.filter((c) => !found.has(c));
    if (missing.length > 0) {
      fail(400, 'bad_request', `通知渠道不存在：${missing.join('、')}`, 'definition.notify.channels');
    }
  }
  const { id: _id, departmentId: _d, name: _n, enabled: _e, ...definition } = rule;
  return { ...record, definition };
}

export async function createRule(actor: Actor, input: CreateRule): Promise<AlertRuleRecord> {
  const rule = await validated({ id: randomUUID(), ...input });
  await saveAlertRule(appContext().store, rule);
  await audit(actor, 'rule.create', rule.id, rule);
  return rule;
}

export async function updateRule(actor: Actor, id: string, input: UpdateRule): Promise<AlertRuleRecord> {
  const current = await findRule(id);
  const next = await validated({ ...current, ...input });
  await saveAlertRule(appContext().store, next);
  await audit(actor, 'rule.update', id, { before: current, after: next });
  return next;
}

export async function deleteRule(actor: Actor, id: string): Promise<void> {
  const current = await findRule(id);
  await saveAlertRule(appContext().store, { ...current, deleted: true });
  await audit(actor, 'rule.delete', id, current);
}
