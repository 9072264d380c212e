import { error } from '@sveltejs/kit';
import { getEventDetail, getEventReprints, getEventSpread, getEventTimeline } from '@yuqing/schemas';
import { COCKPIT_ROLES, requireRole } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** An event: its index, timeline of key reports and peaks, spread, reprint chains and core nodes. */
export const load: PageServerLoad = async ({ locals, params }) => {
  requireRole(locals, ...COCKPIT_ROLES);
  const { store } = appContext();
  const detail = params.id.length <= 128 ? await getEventDetail(store, params.id) : null;
  if (!detail) error(404, { message: '事件不存在', code: 'not_found' });
  // Hourly while the event spans up to three days, then daily.
  const span = detail.event.lastSeen - detail.event.firstReport.time;
  const bucket = span <= 3 * 86_400_000 ? 'hour' : 'day';
  const [timeline, spread, reprints] = await Promise.all([
    getEventTimeline(store, params.id),
    getEventSpread(store, params.id, bucket),
    getEventReprints(store, params.id, 10),
  ]);
  return { ...detail, timeline, spread, reprints };
};
