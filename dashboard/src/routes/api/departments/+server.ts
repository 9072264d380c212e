import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/access.ts';
import { visibleDepartments } from '$lib/server/admin.ts';
import { apiHandler } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** The departments the caller may see: their own and those below it (an admin: all). */
export const GET: RequestHandler = apiHandler('departments.list', async ({ locals }) => {
  return json({ items: await visibleDepartments(requireUser(locals)) });
});
