import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { createDepartment, listDepartments } from '$lib/server/admin.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { CreateDepartmentSchema } from '$lib/server/requests-admin.ts';
import type { RequestHandler } from './$types';

/** Admin: the whole department tree as a flat list (`parentId` links). */
export const GET: RequestHandler = apiHandler('admin.departments.list', async ({ locals }) => {
  requireRole(locals, 'admin');
  return json({ items: await listDepartments() });
});

/** Admin: creates a department `{ name, parentId }`. */
export const POST: RequestHandler = apiHandler('admin.departments.create', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, CreateDepartmentSchema);
  if (!body.ok) return body.response;
  return json({ department: await createDepartment(who, body.data) }, { status: 201 });
});
