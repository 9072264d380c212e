import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { deleteSource, updateSource } from '$lib/server/sources.ts';
import { UpdateSourceSchema } from '$lib/server/sources-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: changes a dashboard source; a source of the sources file is read-only (409). */
export const PATCH: RequestHandler = apiHandler('sources.update', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, UpdateSourceSchema);
  if (!body.ok) return body.response;
  await updateSource(who, event.params.id, body.data);
  return json({ id: event.params.id });
});

/** Admin: deletes a dashboard source; a source of the sources file cannot be deleted here (409). */
export const DELETE: RequestHandler = apiHandler('sources.delete', async (event) => {
  const who = actor(event, 'admin');
  await deleteSource(who, event.params.id);
  return new Response(null, { status: 204 });
});
