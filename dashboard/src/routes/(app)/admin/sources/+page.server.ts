import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { parseJsonField } from '$lib/server/rules-requests.ts';
import { createSource, deleteSource, listSources, runSourceNow, updateSource } from '$lib/server/sources.ts';
import { SaveSourceSchema, UpdateSourceSchema } from '$lib/server/sources-requests.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, 'admin');
  return listSources();
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(SaveSourceSchema, {
      id: text(form, 'id'),
      enabled: form.get('enabled') === 'on',
      definition: parseJsonField(text(form, 'definition')),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      await createSource(who, parsed.data);
      return { ok: true, message: `已添加信息源 ${parsed.data.id}` };
    });
  },
  update: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    const parsed = parseForm(UpdateSourceSchema, {
      enabled: form.get('enabled') === 'on',
      definition: parseJsonField(text(form, 'definition')),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      await updateSource(who, id, parsed.data);
      return { ok: true, message: `已保存信息源 ${id}` };
    });
  },
  toggle: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    const enabled = text(form, 'enabled') === 'true';
    return formAction(async () => {
      await updateSource(who, id, { enabled });
      return { ok: true, message: `${enabled ? '已启用' : '已停用'}信息源 ${id}` };
    });
  },
  delete: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    return formAction(async () => {
      await deleteSource(who, id);
      return { ok: true, message: `已删除信息源 ${id}` };
    });
  },
  run: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const id = text(form, 'id') ?? '';
    return formAction(async () => {
      await runSourceNow(who, id);
      return { ok: true, message: `已请求立即采集 ${id}，采集器将在下次唤醒时运行` };
    });
  },
};
