import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { listTopics, TOPIC_ROLES, TopicsQuerySchema } from '$lib/server/topics.ts';
import type { RequestHandler } from './$types';

/** Hot topics: `?state=&range=24h|7d|30d|all&region=&order=velocity|volume|last_seen&minVolume=&limit=`. */
export const GET: RequestHandler = apiHandler('topics.list', async ({ locals, url }) => {
  requireRole(locals, ...TOPIC_ROLES);
  const parsed = TopicsQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await listTopics(parsed.data));
});
