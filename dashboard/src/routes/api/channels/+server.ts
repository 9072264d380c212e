import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { createChannel, listChannels } from '$lib/server/channels.ts';
import { CreateChannelSchema } from '$lib/server/channels-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: every alert channel, secrets masked. */
export const GET: RequestHandler = apiHandler('channels.list', async ({ locals }) => {
  requireRole(locals, 'admin');
  return json({ items: await listChannels() });
});

/** Admin: creates a channel `{ departmentId, name, kind, enabled, config }`. */
export const POST: RequestHandler = apiHandler('channels.create', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, CreateChannelSchema);
  if (!body.ok) return body.response;
  return json({ channel: await createChannel(who, body.data) }, { status: 201 });
});
