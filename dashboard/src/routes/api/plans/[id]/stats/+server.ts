import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { PLAN_READERS, planStats } from '$lib/server/plans.ts';
import { PlanStatsQuerySchema } from '$lib/server/plans-requests.ts';
import type { RequestHandler } from './$types';

/** The plan's statistics over the last `days` (default 30): volume per day, sentiment, sources, regions. */
export const GET: RequestHandler = apiHandler('plans.stats', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const query = PlanStatsQuerySchema.safeParse(queryParams(event.url));
  if (!query.success) return badRequest(query.error);
  return json({ stats: await planStats(who.user, event.params.id, query.data.days) });
});
