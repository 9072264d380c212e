import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler } from '$lib/server/api.ts';
import { testChannel } from '$lib/server/channels-test.ts';
import type { RequestHandler } from './$types';

/** Admin: sends one test message through the channel; `{ ok, statusCode, message }`. */
export const POST: RequestHandler = apiHandler('channels.test', async (event) => {
  const who = actor(event, 'admin');
  return json(await testChannel(who, event.params.id));
});
