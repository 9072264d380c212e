import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { deleteDepartment, updateDepartment } from '$lib/server/admin.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { UpdateDepartmentSchema } from '$lib/server/requests-admin.ts';
import type { RequestHandler } from './$types';

/** Admin: renames or moves a department (never below itself). */
export const PATCH: RequestHandler = apiHandler('admin.departments.update', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, UpdateDepartmentSchema);
  if (!body.ok) return body.response;
  return json({ department: await updateDepartment(who, event.params.id, body.data) });
});

/** Admin: deletes an empty department (no sub-departments, no users). */
export const DELETE: RequestHandler = apiHandler('admin.departments.delete', async (event) => {
  await deleteDepartment(actor(event, 'admin'), event.params.id);
  return new Response(null, { status: 204 });
});
