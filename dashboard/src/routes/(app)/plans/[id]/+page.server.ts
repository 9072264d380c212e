import { error } from '@sveltejs/kit';
import { getPlanStats, getPlans } from '@yuqing/schemas';
import { COCKPIT_ROLES, canSeeItem, requireRole } from '$lib/server/access.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** One plan and its own statistics over the last 30 days; a plan not shared with the user is a 404. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...COCKPIT_ROLES);
  const { store } = appContext();
  const [plan] = params.id.length <= 128 ? await getPlans(store, { ids: [params.id] }) : [];
  const departments = await listDepartments();
  if (
    !plan ||
    !canSeeItem(departments, user, { ownerDepartment: plan.departmentId, visibility: plan.sharing })
  ) {
    error(404, { message: '方案不存在', code: 'not_found' });
  }
  const stats = await getPlanStats(store, plan.id, { since: Date.now() - 30 * 86_400_000 });
  return { plan, stats, departmentName: departments.find((d) => d.id === plan.departmentId)?.name ?? '' };
};
