import { json } from '@sveltejs/kit';
import { getHealthCounts, type Health } from '@yuqing/schemas';
import { apiHandler } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import type { RequestHandler } from './$types';

/** Public: liveness plus the two counts, for probes and the end-to-end test. */
export const GET: RequestHandler = apiHandler('health', async () => {
  const { store } = appContext();
  const counts = await getHealthCounts(store);
  const body: Health = { status: 'ok', engine: store.engine, ...counts };
  return json(body, { headers: { 'Cache-Control': 'no-store' } });
});
