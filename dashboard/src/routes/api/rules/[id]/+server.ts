import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { deleteRule, updateRule } from '$lib/server/rules.ts';
import { UpdateRuleSchema } from '$lib/server/rules-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: changes a rule's name, department, enabled flag or definition. */
export const PATCH: RequestHandler = apiHandler('rules.update', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, UpdateRuleSchema);
  if (!body.ok) return body.response;
  return json({ rule: await updateRule(who, event.params.id, body.data) });
});

/** Admin: deletes a rule (a new version marked deleted; its alerts stay). */
export const DELETE: RequestHandler = apiHandler('rules.delete', async (event) => {
  const who = actor(event, 'admin');
  await deleteRule(who, event.params.id);
  return new Response(null, { status: 204 });
});
