import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { canManagePeople, peopleSuggestions } from '$lib/server/people.ts';
import { SuggestionsQuerySchema } from '$lib/server/people-requests.ts';
import { PLAN_READERS } from '$lib/server/plans.ts';
import type { RequestHandler } from './$types';

/** Persons named in at least 3 documents of the last `days` who are on no watch list. */
export const GET: RequestHandler = apiHandler('people.suggestions', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const query = SuggestionsQuerySchema.safeParse(queryParams(event.url));
  if (!query.success) return badRequest(query.error);
  return json({
    items: await peopleSuggestions(who.user, query.data.days, query.data.limit),
    canAdd: canManagePeople(who.user),
  });
});
