import { requireRole } from '$lib/server/access.ts';
import { queryParams } from '$lib/server/api.ts';
import { EVENT_ROLES, EventsQuerySchema, listEvents } from '$lib/server/events.ts';
import type { PageServerLoad } from './$types';

/** Events come from public content, which every department shares: leaders and analysts see all. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, ...EVENT_ROLES);
  const parsed = EventsQuerySchema.safeParse(queryParams(url));
  const filter = parsed.success ? parsed.data : EventsQuerySchema.parse({});
  const { items: events } = await listEvents(filter);
  return {
    events,
    filter: {
      state: filter.state ?? '',
      level: filter.level ?? '',
      order: filter.order,
      range: filter.range,
    },
    problem: parsed.success ? '' : '筛选条件无效，已显示默认结果',
  };
};
