import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { TargetSchema } from '$lib/server/publish/requests.ts';
import { publishActor } from '$lib/server/publish/service.ts';
import { listTargets, saveTarget } from '$lib/server/publish/targets.ts';
import type { RequestHandler } from './$types';

/** The publishing targets (secrets hidden), the built-in feeds first. Editors may read them. */
export const GET: RequestHandler = apiHandler('publish.targets.list', async ({ locals, url }) => {
  publishActor(locals);
  return json({ items: await listTargets(url.origin) });
});

/** Admin: creates or replaces a target `{ id, name, kind, columns, config, enabled }`. */
export const POST: RequestHandler = apiHandler('publish.targets.save', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, TargetSchema);
  if (!body.ok) return body.response;
  const saved = await saveTarget(who.user.id, body.data, who.ip);
  return saved instanceof Response ? saved : json({ target: saved });
});
