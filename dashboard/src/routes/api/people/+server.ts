import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { createPerson, listPeople } from '$lib/server/people.ts';
import { CreatePersonSchema } from '$lib/server/people-requests.ts';
import { PLAN_READERS } from '$lib/server/plans.ts';
import type { RequestHandler } from './$types';

/** Leaders and analysts: the watch lists of their department and those below it. */
export const GET: RequestHandler = apiHandler('people.list', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  return json({ items: await listPeople(who.user) });
});

/** Analysts and admins: adds a person to a department's list and looks for them in the history. */
export const POST: RequestHandler = apiHandler('people.create', async (event) => {
  const who = actor(event, ...PLAN_READERS);
  const body = await readBody(event.request, CreatePersonSchema);
  if (!body.ok) return body.response;
  return json(await createPerson(who, body.data), { status: 201 });
});
