import { getPeople, getPeopleSuggestions } from '@yuqing/schemas';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { visibleDepartments } from '$lib/server/admin.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** Watch lists belong to departments: a user sees their own department's and those below it. */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals, ...COCKPIT_ROLES);
  const { store } = appContext();
  const departments = await visibleDepartments(user);
  const [people, suggestions] = await Promise.all([
    getPeople(store, { departmentIds: departments.map((d) => d.id) }),
    getPeopleSuggestions(store, { since: Date.now() - 7 * 86_400_000, limit: 20 }),
  ]);
  const watched = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  return {
    people,
    departments,
    suggestions: suggestions.filter((s) => !watched.has(s.name)),
  };
};
