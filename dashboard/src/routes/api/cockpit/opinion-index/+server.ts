import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitIndex, cockpitRangeSchema } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** The period's opinion index (maximum over active topics and events), its level and mean. */
export const GET: RequestHandler = apiHandler('cockpit.index', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, ...(await cockpitIndex(parsed.data)) });
});
