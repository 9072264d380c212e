import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { EVENT_ROLES, EventsQuerySchema, listEvents } from '$lib/server/events.ts';
import type { RequestHandler } from './$types';

/** Events: `?state=active|closed&level=blue|yellow|orange|red&order=last_seen|index|volume&range=7d|30d|all&limit=`. */
export const GET: RequestHandler = apiHandler('events.list', async ({ locals, url }) => {
  requireRole(locals, ...EVENT_ROLES);
  const parsed = EventsQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await listEvents(parsed.data));
});
