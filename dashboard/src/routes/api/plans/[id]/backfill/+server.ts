import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler } from '$lib/server/api.ts';
import { PLAN_READERS, rerunPlan } from '$lib/server/plans.ts';
import type { RequestHandler } from './$types';

/** Analysts and admins: tags the plan's whole history again under its current criteria. */
export const POST: RequestHandler = apiHandler('plans.backfill', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  return json({ backfill: await rerunPlan(who, event.params.id) });
});
