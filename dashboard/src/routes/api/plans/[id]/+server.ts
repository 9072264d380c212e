import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { canManagePlan, deletePlan, findPlan, PLAN_READERS, updatePlan } from '$lib/server/plans.ts';
import { UpdatePlanSchema } from '$lib/server/plans-requests.ts';
import type { RequestHandler } from './$types';

/** One plan the user may see (else 404), with whether they may change it. */
export const GET: RequestHandler = apiHandler('plans.get', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const plan = await findPlan(who.user, event.params.id);
  return json({ plan, canManage: await canManagePlan(who.user, plan) });
});

/** Analysts and admins of the owning department (or one above it): changes a plan. */
export const PUT: RequestHandler = apiHandler('plans.update', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const body = await readBody(event.request, UpdatePlanSchema);
  if (!body.ok) return body.response;
  return json(await updatePlan(who, event.params.id, body.data));
});

/** Deletes a plan (a deleted version; its tagged documents stay for the record). */
export const DELETE: RequestHandler = apiHandler('plans.delete', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  await deletePlan(who, event.params.id);
  return new Response(null, { status: 204 });
});
