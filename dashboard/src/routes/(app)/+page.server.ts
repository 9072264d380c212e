import { redirect } from '@sveltejs/kit';
import { COCKPIT_ROLES, hasRole, requireUser } from '$lib/server/access.ts';
import { queryParams } from '$lib/server/api.ts';
import {
  cockpitAlerts,
  cockpitBreakdown,
  cockpitCities,
  cockpitEvents,
  cockpitIndex,
  cockpitKeywords,
  cockpitLatest,
  cockpitRangeSchema,
  cockpitRisks,
  cockpitSummary,
  cockpitTopics,
  cockpitTrend,
} from '$lib/server/cockpit.ts';
import type { PageServerLoad } from './$types';

/** The leader cockpit: every panel for the chosen range, read in parallel from the rollups. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals);
  // Editors work from search; the cockpit is for leaders and analysts.
  if (!hasRole(user, ...COCKPIT_ROLES)) redirect(303, '/search');
  const params = queryParams(url);
  const parsed = cockpitRangeSchema().safeParse(
    params.range || params.from || params.fromDate ? params : { range: '7d' },
  );
  const range = parsed.success ? parsed.data : cockpitRangeSchema().parse({ range: '7d' });
  const today = cockpitRangeSchema().parse({ range: 'today' });
  const [
    todaySummary,
    summary,
    trend,
    categories,
    media,
    provinces,
    cities,
    keywords,
    risks,
    latest,
    index,
    alerts,
    topics,
    events,
  ] = await Promise.all([
    cockpitSummary(today),
    cockpitSummary(range),
    cockpitTrend(range),
    cockpitBreakdown(range, 'category'),
    cockpitBreakdown(range, 'media_type'),
    cockpitBreakdown(range, 'province'),
    cockpitCities(range),
    cockpitKeywords(range),
    cockpitRisks(range),
    cockpitLatest(),
    cockpitIndex(range),
    cockpitAlerts(range, user),
    cockpitTopics(range, 10),
    cockpitEvents(range, 8),
  ]);
  return {
    range,
    rangeError: parsed.success ? '' : (parsed.error.issues[0]?.message ?? ''),
    params,
    todaySummary,
    summary,
    trend,
    categories,
    media,
    provinces,
    cities,
    keywords,
    risks,
    documents: latest,
    index,
    alerts,
    topics,
    events,
    loadedAt: new Date().toISOString(),
  };
};
