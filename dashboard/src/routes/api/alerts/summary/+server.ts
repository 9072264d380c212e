import { json } from '@sveltejs/kit';
import { hasRole, requireUser } from '$lib/server/access.ts';
import { ALERT_READ_ROLES, alertSummary } from '$lib/server/alerts.ts';
import { apiHandler } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** Counts for the nav badge: unread (new) alerts by level and all by state. */
export const GET: RequestHandler = apiHandler('alerts.summary', async ({ locals }) => {
  const user = requireUser(locals);
  // Roles without alerts (an editor) get zeros rather than an error on every poll.
  if (!hasRole(user, ...ALERT_READ_ROLES)) {
    return json({ unread: 0, byState: {}, unreadByLevel: {} }, { headers: { 'cache-control': 'no-store' } });
  }
  return json(await alertSummary(user), { headers: { 'cache-control': 'no-store' } });
});
