import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitLimitSchema, cockpitTopics } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** Hot topics active in the period, ranked by opinion index: `?range=&from=&to=&limit=`. */
export const GET: RequestHandler = apiHandler('cockpit.topics', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitLimitSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  const { limit, ...range } = parsed.data;
  return json({ ...range, items: await cockpitTopics(range, limit) });
});
