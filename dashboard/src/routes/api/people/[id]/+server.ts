import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { canManagePeople, deletePerson, findPerson, updatePerson } from '$lib/server/people.ts';
import { UpdatePersonSchema } from '$lib/server/people-requests.ts';
import { PLAN_READERS } from '$lib/server/plans.ts';
import type { RequestHandler } from './$types';

/** One watched person on a list the user may see (else 404). */
export const GET: RequestHandler = apiHandler('people.get', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const person = await findPerson(who.user, event.params.id);
  return json({ person, canManage: canManagePeople(who.user) });
});

/** Analysts and admins: changes name, aliases, roles, note or enabled (new names are back-filled). */
export const PUT: RequestHandler = apiHandler('people.update', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const body = await readBody(event.request, UpdatePersonSchema);
  if (!body.ok) return body.response;
  return json(await updatePerson(who, event.params.id, body.data));
});

/** Analysts and admins: takes a person off the list (a deleted version; mentions stay). */
export const DELETE: RequestHandler = apiHandler('people.delete', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  await deletePerson(who, event.params.id);
  return new Response(null, { status: 204 });
});
