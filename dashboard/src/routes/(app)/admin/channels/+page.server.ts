import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { createChannel, deleteChannel, listChannels, updateChannel } from '$lib/server/channels.ts';
import { CreateChannelSchema, UpdateChannelSchema } from '$lib/server/channels-requests.ts';
import { testChannel } from '$lib/server/channels-test.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { parseJsonField } from '$lib/server/rules-requests.ts';
import type { Actions, PageServerLoad } from './$types';

/** Channels with their secrets masked: the page never receives a stored secret. */
export const load: PageServerLoad = async ({ locals }) => {
  requireRole(locals, 'admin');
  const [channels, departments] = await Promise.all([listChannels(), listDepartments()]);
  return { channels, departments };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(CreateChannelSchema, {
      departmentId: text(form, 'departmentId'),
      name: text(form, 'name'),
      kind: text(form, 'kind'),
      enabled: form.get('enabled') === 'on',
      config: parseJsonField(text(form, 'config') ?? '{}'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const channel = await createChannel(who, parsed.data);
      return { ok: true, message: `已创建通知渠道 ${channel.name}` };
    });
  },
  update: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    const parsed = parseForm(UpdateChannelSchema, {
      departmentId: text(form, 'departmentId'),
      name: text(form, 'name'),
      enabled: form.get('enabled') === 'on',
      config: parseJsonField(text(form, 'config')),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const channel = await updateChannel(who, text(form, 'id') ?? '', parsed.data);
      return { ok: true, message: `已保存通知渠道 ${channel.name}` };
    });
  },
  delete: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    return formAction(async () => {
      await deleteChannel(who, text(form, 'id') ?? '');
      return { ok: true, message: '已删除通知渠道' };
    });
  },
  test: async (event) => {
    const who = actor(event, 'admin');
    const form = await event.request.formData();
    return formAction(async () => {
      const result = await testChannel(who, text(form, 'id') ?? '');
      return { ok: result.ok, message: result.message };
    });
  },
};
