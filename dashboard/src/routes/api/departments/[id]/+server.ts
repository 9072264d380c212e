import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access.ts';
import { listUsers, visibleDepartments } from '$lib/server/admin.ts';
import { apiError, apiHandler } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/**
 * One department and its members, if it is in the caller's scope. Out of scope answers 404, the
 * same as a department that does not exist, so ids cannot be probed.
 */
export const GET: RequestHandler = apiHandler('departments.get', async ({ locals, params }) => {
  const user = requireUser(locals);
  const department = (await visibleDepartments(user)).find((d) => d.id === params.id);
  if (!department) return apiError(404, 'not_found', '部门不存在或无权查看');
  const members = (await listUsers([department.id])).map(
    ({ id, username, displayName, roles, disabled }) => ({
      id,
      username,
      displayName,
      roles,
      disabled,
    }),
  );
  return json({ department, members });
});
