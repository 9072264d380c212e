import { error } from '@sveltejs/kit';
import { getPeople, getPersonMentions, getPersonTopics, getPersonTrend } from '@yuqing/schemas';
import { COCKPIT_ROLES, departmentScope, requireRole } from '$lib/server/access.ts';
import { listDepartments } from '$lib/server/admin.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** A watched person: coverage and its sentiment over 30 days, topics, latest mentions. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireRole(locals, ...COCKPIT_ROLES);
  const { store } = appContext();
  const [person] = params.id.length <= 128 ? await getPeople(store, { ids: [params.id] }) : [];
  // Another department's watch list is private: answer as if it did not exist.
  if (!person || !departmentScope(await listDepartments(), user).has(person.departmentId)) {
    error(404, { message: '人物不存在', code: 'not_found' });
  }
  const since = Date.now() - 30 * 86_400_000;
  const [trend, topics, mentions] = await Promise.all([
    getPersonTrend(store, person.id, since),
    getPersonTopics(store, person.id, 20),
    getPersonMentions(store, person.id, { limit: 50, since }),
  ]);
  return { person, trend, topics, mentions };
};
