import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitRangeSchema, cockpitRisks } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** The latest negative or sensitive documents of the period. */
export const GET: RequestHandler = apiHandler('cockpit.risks', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, items: await cockpitRisks(parsed.data) });
});
