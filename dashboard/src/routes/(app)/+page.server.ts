import { getHealthCounts, getLatestDocuments, getVolumeTrend } from '@yuqing/schemas';
import { appContext } from '$lib/server/context.ts';
import { volumeQuerySchema } from '$lib/server/requests.ts';
import type { PageServerLoad } from './$types';

/** The overview: counts, the 14-day trend and the latest documents, read in parallel. */
export const load: PageServerLoad = async () => {
  const { store } = appContext();
  const range = volumeQuerySchema().parse({});
  const [counts, latest, points] = await Promise.all([
    getHealthCounts(store),
    getLatestDocuments(store, { limit: 30 }),
    getVolumeTrend(store, range),
  ]);
  return {
    counts,
    documents: latest.items,
    volume: { ...range, points },
    loadedAt: new Date().toISOString(),
  };
};
