import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/access.ts';
import { apiHandler } from '$lib/server/api.ts';
import { TOPIC_ROLES, topicPage } from '$lib/server/topics.ts';
import type { RequestHandler } from './$types';

/** One topic with its trend by sentiment, media spread, earliest and latest documents. */
export const GET: RequestHandler = apiHandler('topics.get', async ({ locals, params }) => {
  requireRole(locals, ...TOPIC_ROLES);
  return json(await topicPage(params.id));
});
