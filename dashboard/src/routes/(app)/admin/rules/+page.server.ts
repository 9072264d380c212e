import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { listChannels } from '$lib/server/channels.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { createRule, deleteRule, listRules, updateRule } from '$lib/server/rules.ts';
import { CreateRuleSchema, parseJsonField, UpdateRuleSchema } from '$lib/server/rules-requests.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, 'admin');
  const [rules, departments, channels] = await Promise.all([listRules(), listDepartments(), listChannels()]);
  return { rules, departments, channels: channels.map((c) => ({ id: c.id, name: c.name, kind: c.kind })) };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(CreateRuleSchema, {
      departmentId: text(form, 'departmentId'),
      name: text(form, 'name'),
      enabled: form.get('enabled') === 'on',
      definition: parseJsonField(text(form, 'definition')),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const rule = await createRule(who, parsed.data);
      return { ok: true, message: `已创建规则 ${rule.name}` };
    });
  },
  update: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(UpdateRuleSchema, {
      departmentId: text(form, 'departmentId'),
      name: text(form, 'name'),
      enabled: form.get('enabled') === 'on',
      definition: parseJsonField(text(form, 'definition')),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const rule = await updateRule(who, text(form, 'id') ?? '', parsed.data);
      return { ok: true, message: `已保存规则 ${rule.name}` };
    });
  },
  toggle: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const enabled = text(form, 'enabled') === 'true';
    return formAction(async () => {
      const rule = await updateRule(who, text(form, 'id') ?? '', { enabled });
      return { ok: true, message: `${enabled ? '已启用' : '已停用'}规则 ${rule.name}` };
    });
  },
  delete: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    return formAction(async () => {
      await deleteRule(who, text(form, 'id') ?? '');
      return { ok: true, message: '已删除规则' };
    });
  },
};
