import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitRangeSchema, cockpitTrend } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** Documents per hour or day, split by sentiment (the volume and the sentiment trend). */
export const GET: RequestHandler = apiHandler('cockpit.trend', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, items: await cockpitTrend(parsed.data) });
});
