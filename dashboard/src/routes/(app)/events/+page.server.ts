import { ALERT_LEVELS, EVENT_STATES, getEvents } from '@yuqing/schemas';
import { z } from 'zod';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** Events come from public content, which every department shares: leaders and analysts see all. */
const FilterSchema = z.object({
  state: z.enum(EVENT_STATES).optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  order: z.enum(['last_seen', 'index', 'volume']).default('last_seen'),
  range: z.enum(['7d', '30d', 'all']).default('30d'),
});
const DAY = 86_400_000;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const parsed = FilterSchema.safeParse(queryParams(url));
  const filter = parsed.success ? parsed.data : FilterSchema.parse({});
  const events = await getEvents(appContext().store, {
    states: filter.state ? [filter.state] : undefined,
    levels: filter.level ? [filter.level] : undefined,
    since: filter.range === 'all' ? undefined : Date.now() - (filter.range === '7d' ? 7 : 30) * DAY,
    orderBy: filter.order,
    limit: 100,
  });
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
