import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { createSource, listSources } from '$lib/server/sources.ts';
import { SaveSourceSchema } from '$lib/server/sources-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: every source (file, dashboard, seen in runs) with its health and pending run request. */
export const GET: RequestHandler = apiHandler('sources.list', async ({ locals }) => {
  requireRole(locals, 'admin');
  return json(await listSources());
});

/** Admin: adds a source `{ id, enabled, definition }` (one sources.yaml entry). */
export const POST: RequestHandler = apiHandler('sources.create', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, SaveSourceSchema);
  if (!body.ok) return body.response;
  await createSource(who, body.data);
  return json({ id: body.data.id }, { status: 201 });
});
