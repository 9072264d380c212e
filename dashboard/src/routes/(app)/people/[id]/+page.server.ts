import { getPersonMentions, getPersonTopics, getPersonTrend } from '@yuqing/schemas';
import { requireRole } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { canManagePeople, findPerson } from '$lib/server/people.ts';
import { PLAN_READERS } from '$lib/server/plans.ts';
import type { PageServerLoad } from './$types';

/** A watched person: coverage and its sentiment over 30 days, topics, latest mentions. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...PLAN_READERS);
  // Another department's watch list is private: findPerson answers as if it did not exist (404).
  const person = await findPerson(user, params.id);
  const { store } = appContext();
  const since = Date.now() - 30 * 86_400_000;
  const [trend, topics, mentions] = await Promise.all([
    getPersonTrend(store, person.id, since),
    getPersonTopics(store, person.id, 20),
    getPersonMentions(store, person.id, { limit: 50, since }),
  ]);
  return { person, trend, topics, mentions, canManage: canManagePeople(user) };
};
