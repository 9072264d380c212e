import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { ALERT_READ_ROLES, alertDetail } from '$lib/server/alerts.ts';
import { apiHandler } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** One alert with its evidence, history and the actions open to the caller. */
export const GET: RequestHandler = apiHandler('alerts.get', async ({ locals, params }) => {
  const user = requireRole(locals, ...ALERT_READ_ROLES);
  return json(await alertDetail(user, params.id));
});
