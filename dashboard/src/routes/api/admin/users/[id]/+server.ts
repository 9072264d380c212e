import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { updateUser } from '$lib/server/admin.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { UpdateUserSchema } from '$lib/server/requests-admin.ts';
import type { RequestHandler } from './$types';

/** Admin: changes a user's name, roles, department, disabled flag or resets the password. */
export const PATCH: RequestHandler = apiHandler('admin.users.update', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, UpdateUserSchema);
  if (!body.ok) return body.response;
  return json({ user: await updateUser(who, event.params.id, body.data) });
});
