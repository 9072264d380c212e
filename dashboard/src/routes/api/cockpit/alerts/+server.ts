import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitAlerts, cockpitRangeSchema } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** Alerts raised in the period by level (all and still open), for the reader's departments only. */
export const GET: RequestHandler = apiHandler('cockpit.alerts', async ({ locals, url }) => {
  const user = requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, ...(await cockpitAlerts(parsed.data, user)) });
});
