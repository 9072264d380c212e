import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { createUser, listUsers } from '$lib/server/admin.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { CreateUserSchema } from '$lib/server/requests-admin.ts';
import type { RequestHandler } from './$types';

/** Admin: every user (without password hashes). */
export const GET: RequestHandler = apiHandler('admin.users.list', async ({ locals }) => {
  requireRole(locals, 'admin');
  return json({ items: await listUsers() });
});

/** Admin: creates a user `{ username, displayName, password, roles, departmentId }`. */
export const POST: RequestHandler = apiHandler('admin.users.create', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, CreateUserSchema);
  if (!body.ok) return body.response;
  return json({ user: await createUser(who, body.data) }, { status: 201 });
});
