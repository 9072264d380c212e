import { json } from '@sveltejs/kit';
import { actor } from '$lib/server/actor.ts';
import { apiHandler } from '$lib/server/api.ts';
import { runSourceNow } from '$lib/server/sources.ts';
import type { RequestHandler } from './$types';

/** Admin: "run now"; the crawler runs the source at its next wake-up. */
export const POST: RequestHandler = apiHandler('sources.run', async (event) => {
  const who = actor(event, 'admin');
  await runSourceNow(who, event.params.id);
  return json({ id: event.params.id, requested: true }, { status: 202 });
});
