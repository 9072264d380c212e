import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { ALERT_READ_ROLES, changeState } from '$lib/server/alerts.ts';
import { AlertStateChangeSchema } from '$lib/server/alerts-requests.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** Analyst: `{ to: acknowledged | assigned | resolved, assignee?, note? }`; 409 when not allowed now. */
export const POST: RequestHandler = apiHandler('alerts.state', async (event) => {
  const who = actor(event, ...ALERT_READ_ROLES);
  const body = await readBody(event.request, AlertStateChangeSchema);
  if (!body.ok) return body.response;
  return json({ alert: await changeState(who, event.params.id, body.data) });
});
