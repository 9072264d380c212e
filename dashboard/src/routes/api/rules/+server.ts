import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { createRule, listRules } from '$lib/server/rules.ts';
import { CreateRuleSchema } from '$lib/server/rules-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: every alert rule. */
export const GET: RequestHandler = apiHandler('rules.list', async ({ locals }) => {
  requireRole(locals, 'admin');
  return json({ items: await listRules() });
});

/** Admin: creates a rule `{ departmentId, name, enabled, definition }` (checked by the engine's schema). */
export const POST: RequestHandler = apiHandler('rules.create', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, CreateRuleSchema);
  if (!body.ok) return body.response;
  return json({ rule: await createRule(who, body.data) }, { status: 201 });
});
