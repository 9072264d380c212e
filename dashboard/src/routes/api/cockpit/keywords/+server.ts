import { json } from '@sveltejs/kit';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { cockpitKeywords, cockpitRangeSchema } from '$lib/server/cockpit.ts';
import type { RequestHandler } from './$types';

/** The most frequent keywords of the period (the word cloud). */
export const GET: RequestHandler = apiHandler('cockpit.keywords', async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = cockpitRangeSchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, items: await cockpitKeywords(parsed.data) });
});
