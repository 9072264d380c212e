import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitRangeSchema, cockpitSummary } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** Volume of the period and its change against the period before, negative share, sensitive documents. */
export const GET: RequestHandler = apiHandler('cockpit.summary', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, ...(await cockpitSummary(parsed.data)) });
});
