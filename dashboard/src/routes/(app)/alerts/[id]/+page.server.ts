import { STATE_NAMES } from '$lib/components/alert-labels.ts';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { ALERT_READ_ROLES, alertDetail, changeState, giveFeedback } from '$lib/server/alerts.ts';
import { AlertFeedbackSchema, AlertStateChangeSchema } from '$lib/server/alerts-requests.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...ALERT_READ_ROLES);
  const [detail, departments] = await Promise.all([alertDetail(user, params.id), listDepartments()]);
  return {
    ...detail,
    departmentName:
      departments.find((d) => d.id === detail.alert.departmentId)?.name ?? detail.alert.departmentId,
  };
};

function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const actions: Actions = {
  state: async (event) => {
    const who = actor(event, ...ALERT_READ_ROLES);
    const form = await event.request.formData();
    const parsed = parseForm(AlertStateChangeSchema, {
      to: text(form, 'to'),
      assignee: text(form, 'assignee'),
      note: text(form, 'note'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const alert = await changeState(who, event.params.id, parsed.data);
      return { ok: true, message: `预警已变更为「${STATE_NAMES[alert.state] ?? alert.state}」` };
    });
  },
  feedback: async (event) => {
    const who = actor(event, ...ALERT_READ_ROLES);
    const form = await event.request.formData();
    const parsed = parseForm(AlertFeedbackSchema, {
      feedback: text(form, 'feedback'),
      note: text(form, 'note'),
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      await giveFeedback(who, event.params.id, parsed.data);
      return { ok: true, message: '已记录研判反馈，预警已解决，不再重复通知' };
    });
  },
};
