import { hasRole, requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { visibleDepartments } from '$lib/server/admin.ts';
import { formAction, parseForm } from '$lib/server/forms.ts';
import {
  createPerson,
  deletePerson,
  listPeople,
  peopleSuggestions,
  updatePerson,
} from '$lib/server/people.ts';
import { CreatePersonSchema, personFields, UpdatePersonSchema } from '$lib/server/people-requests.ts';
import { PLAN_READERS, PLAN_WRITERS } from '$lib/server/plans.ts';
import type { Actions, PageServerLoad } from './$types';

/** Watch lists belong to departments: a user sees their own department's and those below it. */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals, ...PLAN_READERS);
  const [people, departments, suggestions] = await Promise.all([
    listPeople(user),
    visibleDepartments(user),
    peopleSuggestions(user, 7, 20),
  ]);
  const watched = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  return {
    people,
    departments,
    suggestions: suggestions.filter((s) => !watched.has(s.name)),
    canWrite: hasRole(user, ...PLAN_WRITERS),
    ownDepartment: user.departmentId,
  };
};

function text(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

export const actions: Actions = {
  create: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const form = await event.request.formData();
    const parsed = parseForm(CreatePersonSchema, {
      ...personFields(form),
      departmentId: text(form, 'departmentId') || undefined,
    });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const saved = await createPerson(who, parsed.data);
      const found = saved.backfill ? `，历史信息中找到 ${saved.backfill.mentions} 次提及` : '';
      return { ok: true, message: `已将 ${saved.person.name} 加入关注名单${found}` };
    });
  },
  /** A suggestion taken onto the user's own department's list, by name only. */
  suggest: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const form = await event.request.formData();
    const parsed = parseForm(CreatePersonSchema, { name: text(form, 'name') });
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const saved = await createPerson(who, parsed.data);
      return { ok: true, message: `已将 ${saved.person.name} 加入本部门关注名单` };
    });
  },
  update: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const form = await event.request.formData();
    const parsed = parseForm(UpdatePersonSchema, personFields(form));
    if (!parsed.ok) return parsed.failure;
    return formAction(async () => {
      const saved = await updatePerson(who, text(form, 'id'), parsed.data);
      const found = saved.backfill ? `，新名称在历史信息中找到 ${saved.backfill.mentions} 次提及` : '';
      return { ok: true, message: `已保存 ${saved.person.name}${found}` };
    });
  },
  delete: async (event) => {
    const who = actor(event, ...PLAN_READERS);
    const form = await event.request.formData();
    return formAction(async () => {
      await deletePerson(who, text(form, 'id'));
      return { ok: true, message: '已移出关注名单' };
    });
  },
};
