import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { createPlan, listPlans, PLAN_READERS } from '$lib/server/plans.ts';
import { CreatePlanSchema } from '$lib/server/plans-requests.ts';
import type { RequestHandler } from './$types';

/** Leaders and analysts: the plans they may see (own and sub-departments', shared with them). */
export const GET: RequestHandler = apiHandler('plans.list', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  return json({ items: await listPlans(who.user) });
});

/** Analysts and admins: creates a plan and back-fills its history; 400 names the bad field. */
export const POST: RequestHandler = apiHandler('plans.create', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const body = await readBody(event.request, CreatePlanSchema);
  if (!body.ok) return body.response;
  return json(await createPlan(who, body.data), { status: 201 });
});
