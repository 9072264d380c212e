import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { createUser, listDepartments, listUsers, updateUser } from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { CreateUserSchema, UpdateUserSchema } from '$lib/server/requests-admin.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, 'admin');
  const [users, departments] = await Promise.all([listUsers(), listDepartments()]);
  return { users, departments, selfId: locals.user?.id ?? '' };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(CreateUserSchema, {
      username: text(form, 'username'),
      displayName: text(form, 'displayName'),
      password: text(form, 'password'),
      roles: form.getAll('roles'),
      departmentId: text(form, 'departmentId'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const user = await createUser(who, parsed.data);
      return { ok: true, message: `已创建用户 ${user.username}` };
    });
  },
  update: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    const parsed = parseForm(UpdateUserSchema, {
      displayName: form.get('displayName') ?? undefined,
      roles: form.getAll('roles'),
      departmentId: text(form, 'departmentId'),
      password: text(form, 'password'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const user = await updateUser(who, id, parsed.data);
      return { ok: true, message: `已保存用户 ${user.username}` };
    });
  },
  toggle: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    const disabled = text(form, 'disabled') === 'true';
    return formAction(async () => {
      const user = await updateUser(who, id, { disabled });
      return { ok: true, message: `${disabled ? '已停用' : '已启用'}用户 ${user.username}` };
    });
  },
};
