import { error } from '@sveltejs/kit';
import {
  getPlanStats,
  getPlans,
  type PlanRecord,
  type PlanStats,
  type Role,
  type User,
  writeAudit,
} from '@yuqing/schemas';
import { COCKPIT_ROLES, canSeeItem, departmentScope, hasRole } from './access.ts';
import { type Actor, listDepartments } from './admin.ts';
import { appContext, logger } from './context.ts';
import { backfillPlan, deletePlan as deletePlanVersion, PlanError, savePlan } from './plans-engine.ts';
import type { CreatePlan, UpdatePlan } from './plans-requests.ts';

/**
 * Monitoring plans (专题). Leaders and analysts read the plans their department may see
 * (`canSeeItem`: own and sub-departments' plans, plans of a department above shared with its
 * sub-departments, plans shared with all). Analysts and admins create, change and delete the plans
 * of their own department and those below it; a plan they can see but not manage is a 403, one
 * they cannot see a 404. Saving goes through the analyzer's `savePlan` (validation, versions and
 * back-fill when the criteria change).
 */

export const PLAN_READERS: readonly Role[] = COCKPIT_ROLES;
export const PLAN_WRITERS: readonly Role[] = ['analyst'];

export function fail(status: number, code: string, message: string, field?: string): never {
  error(status, field === undefined ? { message, code } : { message, code, field });
}

export async function audit(actor: Actor, action: string, target: string, detail: unknown): Promise<void> {
  await writeAudit(appContext().store, {
    actorId: actor.user.id,
    action,
    target,
    detail: JSON.stringify(detail),
    ip: actor.ip,
  });
  logger().info({ actor: actor.user.id, action, target }, 'plan or watch list change');
}

export function requireReader(user: User): void {
  if (!hasRole(user, ...PLAN_READERS)) fail(403, 'forbidden', '没有权限访问此内容');
}

export function requireWriter(user: User, what: string): void {
  if (!hasRole(user, ...PLAN_WRITERS)) fail(403, 'forbidden', `只有分析员和管理员可以维护${what}`);
}

/**
 * The department a new item goes to: the one asked for (default the user's own), which must exist
 * (400) and lie in the user's own subtree (403).
 */
export async function writableDepartment(user: User, departmentId: string | undefined): Promise<string> {
  const id = departmentId ?? user.departmentId;
  const departments = await listDepartments();
  if (!departments.some((d) => d.id === id)) fail(400, 'bad_request', '部门不存在', 'departmentId');
  if (!departmentScope(departments, user).has(id)) {
    fail(403, 'forbidden', '只能为本部门及下级部门维护', 'departmentId');
  }
  return id;
}

const FIELD_NAMES: Record<string, string> = {
  expression: '关键词表达式',
  exclusions: '排除表达式',
  persons: '人物',
  regionCodes: '地区',
  name: '名称',
  sharing: '共享范围',
  departmentId: '部门',
};

/** A PlanError (`field: problem (at character n)`) as a 400 naming the field. */
function planInvalid(err: PlanError): never {
  const [head = err.field, index] = err.field.split('.');
  const label = `${FIELD_NAMES[head] ?? head}${index === undefined ? '' : `第 ${Number(index) + 1} 条`}`;
  const detail = err.message.startsWith(`${err.field}: `)
    ? err.message.slice(err.field.length + 2)
    : err.message;
  fail(400, 'bad_request', `${label}有误：${detail}`, err.field);
}

function ancestorsOf(departmentId: string, departments: { id: string; parentId: string }[]): string[] {
  const parent = new Map(departments.map((d) => [d.id, d.parentId]));
  const out: string[] = [];
  for (let id = parent.get(departmentId); id && !out.includes(id); id = parent.get(id)) out.push(id);
  return out;
}

/** Every plan the user may see, by department and name. */
export async function listPlans(user: User): Promise<PlanRecord[]> {
  requireReader(user);
  const departments = await listDepartments();
  return getPlans(appContext().store, {
    departmentIds: [...departmentScope(departments, user)],
    includeSharedWithAll: true,
    ancestorIds: ancestorsOf(user.departmentId, departments),
  });
}

/** A plan the user may see, or a 404 (another department's private plan does not exist for them). */
export async function findPlan(user: User, id: string): Promise<PlanRecord> {
  requireReader(user);
  const [plan] = id.length <= 128 ? await getPlans(appContext().store, { ids: [id] }) : [];
  const departments = await listDepartments();
  if (
    !plan ||
    !canSeeItem(departments, user, { ownerDepartment: plan.departmentId, visibility: plan.sharing })
  ) {
    fail(404, 'not_found', '方案不存在');
  }
  return plan;
}

/** Whether the user may change this plan (it belongs to their department or one below it). */
export async function canManagePlan(user: User, plan: PlanRecord): Promise<boolean> {
  if (!hasRole(user, ...PLAN_WRITERS)) return false;
  return departmentScope(await listDepartments(), user).has(plan.departmentId);
}

async function managedPlan(user: User, id: string): Promise<PlanRecord> {
  requireWriter(user, '监测方案');
  const plan = await findPlan(user, id);
  if (!(await canManagePlan(user, plan))) fail(403, 'forbidden', '这是其他部门共享的方案，只能查看');
  return plan;
}

export async function planStats(user: User, id: string, days = 30): Promise<PlanStats> {
  const plan = await findPlan(user, id);
  return getPlanStats(appContext().store, plan.id, { since: Date.now() - days * 86_400_000 });
}

export interface SavedPlan {
  plan: PlanRecord;
  backfill?: { scanned: number; matched: number };
}

async function save(input: Record<string, unknown>, actorId: string): Promise<SavedPlan> {
  try {
    return await savePlan(appContext().store, input, actorId);
  } catch (err) {
    if (err instanceof PlanError) planInvalid(err);
    throw err;
  }
}

export async function createPlan(actor: Actor, input: CreatePlan): Promise<SavedPlan> {
  requireWriter(actor.user, '监测方案');
  const departmentId = await writableDepartment(actor.user, input.departmentId);
  const saved = await save({ ...input, departmentId }, actor.user.id);
  await audit(actor, 'plan.create', saved.plan.id, { plan: saved.plan, backfill: saved.backfill });
  return saved;
}

export async function updatePlan(actor: Actor, id: string, input: UpdatePlan): Promise<SavedPlan> {
  const current = await managedPlan(actor.user, id);
  const next = {
    id: current.id,
    departmentId: current.departmentId,
    name: input.name ?? current.name,
    expression: input.expression ?? current.expression,
    persons: input.persons ?? current.persons,
    regionCodes: input.regionCodes ?? current.regionCodes,
    exclusions: input.exclusions ?? current.exclusions,
    sharing: input.sharing ?? current.sharing,
    enabled: input.enabled ?? current.enabled,
  };
  const saved = await save(next, actor.user.id);
  await audit(actor, 'plan.update', id, { before: current, after: saved.plan, backfill: saved.backfill });
  return saved;
}

export async function deletePlan(actor: Actor, id: string): Promise<void> {
  const current = await managedPlan(actor.user, id);
  await deletePlanVersion(appContext().store, current.id, actor.user.id);
  await audit(actor, 'plan.delete', id, current);
}

/** Tags the plan's history again under its current criteria (e.g. after documents were re-analysed). */
export async function rerunPlan(actor: Actor, id: string): Promise<{ scanned: number; matched: number }> {
  const plan = await managedPlan(actor.user, id);
  if (!plan.enabled) fail(409, 'conflict', '方案已停用，启用后再回溯');
  const result = await backfillPlan(appContext().store, plan);
  await audit(actor, 'plan.backfill', id, result);
  return result;
}
