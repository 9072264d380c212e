import { requireRole } from '$lib/server/access.ts';
import { queryParams } from '$lib/server/api.ts';
import { listTopics, TOPIC_ROLES, TopicsQuerySchema } from '$lib/server/topics.ts';
import type { PageServerLoad } from './$types';

/** Hot topics with the same filters as GET /api/topics, read from the page URL. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, ...TOPIC_ROLES);
  const parsed = TopicsQuerySchema.safeParse(queryParams(url));
  const filter = parsed.success ? parsed.data : TopicsQuerySchema.parse({});
  const problem = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '筛选条件无效');
  const { items, regionNames } = problem ? { items: [], regionNames: {} } : await listTopics(filter);
  return {
    topics: items,
    regionNames,
    problem,
    filter: {
      state: (filter.state ?? []).join(','),
      range: filter.range,
      order: filter.order,
      region: filter.region ?? '',
    },
  };
};
