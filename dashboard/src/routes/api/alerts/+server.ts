import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { ALERT_READ_ROLES, listAlerts } from '$lib/server/alerts.ts';
import { AlertListQuerySchema } from '$lib/server/alerts-requests.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** Alerts of the user's departments, newest first: `?state=&level=&rule=&department=&before=&limit=`. */
export const GET: RequestHandler = apiHandler('alerts.list', async ({ locals, url }) => {
  const user = requireRole(locals, ...ALERT_READ_ROLES);
  const parsed = AlertListQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await listAlerts(user, parsed.data));
});
