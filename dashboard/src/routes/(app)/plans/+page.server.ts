import { getPlans } from '@yuqing/schemas';
import { COCKPIT_ROLES, departmentScope, requireRole } from '$lib/server/access.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/**
 * Monitoring plans (专题) the user may see: their department's and those below it, plans of a
 * department above shared with its sub-departments, and plans shared with all.
 */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals, ...COCKPIT_ROLES);
  const departments = await listDepartments();
  const parent = new Map(departments.map((d) => [d.id, d.parentId]));
  const ancestors: string[] = [];
  for (let id = parent.get(user.departmentId); id && !ancestors.includes(id); id = parent.get(id))
    ancestors.push(id);
  const plans = await getPlans(appContext().store, {
    departmentIds: [...departmentScope(departments, user)],
    includeSharedWithAll: true,
    ancestorIds: ancestors,
  });
  return { plans, departments };
};
