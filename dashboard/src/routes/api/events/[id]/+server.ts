import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { apiHandler } from '$lib/server/api.ts';
import { EVENT_ROLES, eventPage } from '$lib/server/events.ts';
import type { RequestHandler } from './$types';

/** One event with its index parts, timeline, spread, reprint chains, regions and people. */
export const GET: RequestHandler = apiHandler('events.get', async ({ locals, params }) => {
  const user = requireRole(locals, ...EVENT_ROLES);
  return json(await eventPage(user, params.id));
});
