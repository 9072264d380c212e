import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { deleteChannel, updateChannel } from '$lib/server/channels.ts';
import { UpdateChannelSchema } from '$lib/server/channels-requests.ts';
import type { RequestHandler } from './$types';

/** Admin: changes a channel; a masked secret sent back unchanged keeps the stored one. */
export const PATCH: RequestHandler = apiHandler('channels.update', async (event) => {
  const who = actor(event, 'admin');
  const body = await readBody(event.request, UpdateChannelSchema);
  if (!body.ok) return body.response;
  return json({ channel: await updateChannel(who, event.params.id, body.data) });
});

/** Admin: deletes a channel no rule uses any more (409 otherwise). */
export const DELETE: RequestHandler = apiHandler('channels.delete', async (event) => {
  const who = actor(event, 'admin');
  await deleteChannel(who, event.params.id);
  return new Response(null, { status: 204 });
});
