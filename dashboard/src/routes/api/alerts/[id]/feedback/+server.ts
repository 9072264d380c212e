import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { ALERT_READ_ROLES, giveFeedback } from '$lib/server/alerts.ts';
import { AlertFeedbackSchema } from '$lib/server/alerts-requests.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import type { RequestHandler } from './$types';

/** Analyst: `{ feedback: not_relevant | handled, note? }` resolves the alert and silences it. */
export const POST: RequestHandler = apiHandler('alerts.feedback', async (event) => {
  const who = actor(event, ...ALERT_READ_ROLES);
  const body = await readBody(event.request, AlertFeedbackSchema);
  if (!body.ok) return body.response;
  return json({ alert: await giveFeedback(who, event.params.id, body.data) });
});
