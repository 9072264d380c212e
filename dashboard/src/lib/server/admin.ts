import { randomUUID } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { error } from '@sveltejs/kit';
import {
  type Department,
  getDepartments,
  getUserById,
  getUserByUsername,
  getUsers,
  hashPassword,
  ROOT_DEPARTMENT,
  saveDepartment,
  saveUser,
  type User,
  writeAudit,
} from '@yuqing/schemas';
import { departmentScope, wouldCreateCycle } from './access.ts';
import { appContext, logger } from './context.ts';
import type {
  ChangePassword,
  CreateDepartment,
  CreateUser,
  UpdateDepartment,
  UpdateUser,
} from './requests-admin.ts';

/** Who is acting and from where, for the audit log. */
export interface Actor {
  user: User;
  ip: string;
}

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

export async function listDepartments(): Promise<Department[]> {
  const departments = await getDepartments(appContext().store);
  // The root exists from the first start (ensureAdmin); an older data directory may lack its row.
  return departments.some((d) => d.id === ROOT_DEPARTMENT.id)
    ? departments
    : [ROOT_DEPARTMENT, ...departments];
}

/** Departments the user may see: their own subtree; an admin sees all. */
export async function visibleDepartments(user: User): Promise<Department[]> {
  const all = await listDepartments();
  const scope = departmentScope(all, user);
  return all.filter((d) => scope.has(d.id));
}

async function requireDepartment(id: string, field: string): Promise<Department[]> {
  const all = await listDepartments();
  if (!all.some((d) => d.id === id)) fail(400, 'bad_request', '部门不存在', field);
  return all;
}

export async function createDepartment(actor: Actor, input: CreateDepartment): Promise<Department> {
  await requireDepartment(input.parentId, 'parentId');
  const department = { id: randomUUID(), parentId: input.parentId, name: input.name };
  await saveDepartment(appContext().store, department);
  await audit(actor, 'department.create', department.id, department);
  return department;
}

export async function updateDepartment(
  actor: Actor,
  id: string,
  input: UpdateDepartment,
): Promise<Department> {
  const all = await listDepartments();
  const current = all.find((d) => d.id === id);
  if (!current) fail(404, 'not_found', '部门不存在');
  if (input.parentId !== undefined) {
    if (id === ROOT_DEPARTMENT.id) fail(400, 'bad_request', '根部门不能移动', 'parentId');
    if (!all.some((d) => d.id === input.parentId)) fail(400, 'bad_request', '上级部门不存在', 'parentId');
    if (wouldCreateCycle(all, id, input.parentId)) {
      fail(400, 'bad_request', '不能把部门移到它自己或它的下级部门之下', 'parentId');
    }
  }
  const next = { ...current, ...input };
  await saveDepartment(appContext().store, next);
  await audit(actor, 'department.update', id, { before: current, after: next });
  return next;
}

export async function deleteDepartment(actor: Actor, id: string): Promise<void> {
  const { store } = appContext();
  const all = await listDepartments();
  const current = all.find((d) => d.id === id);
  if (!current) fail(404, 'not_found', '部门不存在');
  if (id === ROOT_DEPARTMENT.id) fail(409, 'conflict', '根部门不能删除');
  if (all.some((d) => d.parentId === id)) fail(409, 'conflict', '请先删除或移走下级部门');
  if ((await getUsers(store, [id])).length > 0) fail(409, 'conflict', '请先把该部门的用户调到其他部门');
  await saveDepartment(store, { ...current, deleted: true });
  await audit(actor, 'department.delete', id, current);
}

export function listUsers(departmentIds?: readonly string[]): Promise<User[]> {
  return getUsers(appContext().store, departmentIds);
}

export async function createUser(actor: Actor, input: CreateUser): Promise<User> {
  const { store } = appContext();
  await requireDepartment(input.departmentId, 'departmentId');
  if (await getUserByUsername(store, input.username)) fail(409, 'conflict', '用户名已存在', 'username');
  const user: User = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    roles: input.roles,
    departmentId: input.departmentId,
    disabled: false,
  };
  await saveUser(store, user, await hashPassword(input.password));
  const { password: _omit, ...detail } = input;
  await audit(actor, 'user.create', user.id, detail);
  return user;
}

export async function updateUser(actor: Actor, id: string, input: UpdateUser): Promise<User> {
  const { store } = appContext();
  const current = await getUserById(store, id);
  if (!current) fail(404, 'not_found', '用户不存在');
  if (input.departmentId !== undefined) await requireDepartment(input.departmentId, 'departmentId');
  if (id === actor.user.id && (input.disabled || (input.roles && !input.roles.includes('admin')))) {
    fail(400, 'bad_request', '不能停用自己或去掉自己的管理员角色', input.disabled ? 'disabled' : 'roles');
  }
  const { passwordHash, ...before } = current;
  const { password, ...changes } = input;
  const next: User = { ...before, ...changes };
  await saveUser(store, next, password ? await hashPassword(password) : passwordHash);
  await audit(actor, input.disabled ? 'user.disable' : 'user.update', id, {
    before,
    after: next,
    passwordReset: Boolean(password),
  });
  return next;
}

/** A user's own password change: the old password is required, the rate limit of login does not apply. */
export async function changeOwnPassword(actor: Actor, input: ChangePassword): Promise<void> {
  const { store } = appContext();
  const current = await getUserById(store, actor.user.id);
  if (!current) fail(404, 'not_found', '用户不存在');
  const ok = await verify(current.passwordHash, input.oldPassword).catch(() => false);
  if (!ok) {
    await audit(actor, 'password.change_failed', actor.user.id, {});
    fail(400, 'bad_request', '原密码不正确', 'oldPassword');
  }
  const { passwordHash: _old, ...user } = current;
  await saveUser(store, user, await hashPassword(input.newPassword));
  await audit(actor, 'password.change', actor.user.id, {});
}
