import { json } from '@sveltejs/kit';
import { getVolumeTrend } from '@yuqing/schemas';
import { requireUser } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { volumeQuerySchema } from '$lib/server/requests.ts';
import type { RequestHandler } from './$types';

/** Documents per hour or day (Beijing calendar days) between `from` and `to`. */
export const GET: RequestHandler = apiHandler('volume', async ({ locals, url }) => {
  requireUser(locals);
  const parsed = volumeQuerySchema().safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json({ ...parsed.data, points: await getVolumeTrend(appContext().store, parsed.data) });
});
