import { redirect } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { listDepartments, visibleDepartments } from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import { createPlan, listPlans, PLAN_READERS, PLAN_WRITERS } from '$lib/server/plans.ts';
import { CreatePlanSchema, planFields } from '$lib/server/plans-requests.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * Monitoring plans (专题) the user may see: their department's and those below it, plans of a
 * department above shared with its sub-departments, and plans shared with all. Analysts and
 * admins create plans here for their own department or one below it.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals, ...PLAN_READERS);
  const [plans, departments, writable] = await Promise.all([
    listPlans(user),
    listDepartments(),
    visibleDepartments(user),
  ]);
  return { plans, departments, writable, canWrite: hasRole(user, ...PLAN_WRITERS) };
};

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const form = await event.request.formData();
    const departmentId = form.get('departmentId');
    const parsed = parseForm(CreatePlanSchema, {
      ...planFields(form),
      departmentId: typeof departmentId === 'string' && departmentId !== '' ? departmentId : undefined,
    });
    if (!parsed.ok) return parsed.failure;
    const result = await formAction(() => createPlan(who, parsed.data));
    if ('plan' in result) redirect(303, `/plans/${encodeURIComponent(result.plan.id)}?created=1`);
    return result;
  },
};
