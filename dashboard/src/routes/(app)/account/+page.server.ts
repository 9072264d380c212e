import { actor } from '$lib/server/actor.ts';
import { changeOwnPassword } from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { ChangePasswordSchema } from '$lib/server/requests-admin.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  password: async (event) => {
    const who = actor(event);
    const form = await event.request.formData();
    const parsed = parseForm(ChangePasswordSchema, {
      oldPassword: String(form.get('oldPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
    });
    if (!parsed.ok) return parsed.failure;
    if (parsed.data.newPassword !== form.get('confirm')) {
      return { ok: false, message: '两次输入的新密码不一致', field: 'confirm' };
    }
    return formAction(async () => {
      await changeOwnPassword(who, parsed.data);
      return { ok: true, message: '密码已修改' };
    });
  },
};
