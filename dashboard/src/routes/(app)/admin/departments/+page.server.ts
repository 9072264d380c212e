import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  listUsers,
  updateDepartment,
} from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { CreateDepartmentSchema, UpdateDepartmentSchema } from '$lib/server/requests-admin.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, 'admin');
  const [departments, users] = await Promise.all([listDepartments(), listUsers()]);
  const members: Record<string, number> = {};
  for (const u of users) members[u.departmentId] = (members[u.departmentId] ?? 0) + 1;
  return { departments, members };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(CreateDepartmentSchema, {
      name: text(form, 'name'),
      parentId: text(form, 'parentId'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const d = await createDepartment(who, parsed.data);
      return { ok: true, message: `已创建部门 ${d.name}` };
    });
  },
  update: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    const parsed = parseForm(UpdateDepartmentSchema, {
      name: text(form, 'name'),
      parentId: text(form, 'parentId'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const d = await updateDepartment(who, id, parsed.data);
      return { ok: true, message: `已保存部门 ${d.name}` };
    });
  },
  delete: async (event) => {
    const who = actor(event, 'admin');
    const id = text(await event.request.formData(), 'id') ?? '';
    return formAction(async () => {
      await deleteDepartment(who, id);
      return { ok: true, message: '已删除部门' };
    });
  },
};
