import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import {
  canManagePlan,
  deletePlan,
  findPlan,
  PLAN_READERS,
  planStats,
  rerunPlan,
  updatePlan,
} from '$lib/server/plans.ts';
import { planFields, UpdatePlanSchema } from '$lib/server/plans-requests.ts';
import type { Actions, PageServerLoad } from './$types';

/** One plan and its own statistics over the last 30 days; a plan not shared with the user is a 404. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...PLAN_READERS);
  const plan = await findPlan(user, params.id);
  const [stats, departments, canManage] = await Promise.all([
    planStats(user, plan.id, 30),
    listDepartments(),
    canManagePlan(user, plan),
  ]);
  return {
    plan,
    stats,
    canManage,
    departmentName: departments.find((d) => d.id === plan.departmentId)?.name ?? '',
  };
};

export const actions: Actions = {
  update: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const parsed = parseForm(UpdatePlanSchema, planFields(await event.request.formData()));
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const saved = await updatePlan(who, event.params.id, parsed.data);
      const refilled = saved.backfill
        ? `，已按新条件回溯 ${saved.backfill.scanned} 条，命中 ${saved.backfill.matched} 条`
        : '';
      return { ok: true, message: `已保存方案 ${saved.plan.name}${refilled}` };
    });
  },
  backfill: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    return formAction(async () => {
      const result = await rerunPlan(who, event.params.id);
      return { ok: true, message: `已回溯 ${result.scanned} 条，命中 ${result.matched} 条` };
    });
  },
  delete: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const result = await formAction(() => deletePlan(who, event.params.id));
    if (result === undefined) redirect(303, '/plans');
    return result;
  },
};
