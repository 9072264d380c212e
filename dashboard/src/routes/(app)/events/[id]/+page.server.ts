import { requireRole } from '$lib/server/access.ts';
import { EVENT_ROLES, eventPage } from '$lib/server/events.ts';
import type { PageServerLoad } from './$types';

/** An event: its index, timeline of key reports and peaks, spread, reprint graph and people. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...EVENT_ROLES);
  return eventPage(user, params.id);
};
