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

/**
 * The leader cockpit: every panel for the chosen range, read in parallel from the rollups; the
 * panels below the first charts arrive as streamed promises.
 */
export const load: PageServerLoad = async ({ locals, url, isDataRequest }) => {
  const user = requireUser(locals);
  // Editors work from search; the cockpit is for leaders and analysts.
  if (!hasRole(user, ...COCKPIT_ROLES)) redirect(303, '/search');
  const params = queryParams(url);
  const parsed = cockpitRangeSchema().safeParse(
    params.range || params.from || params.fromDate ? params : { range: '7d' },
  );
  const range = parsed.success ? parsed.data : cockpitRangeSchema().parse({ range: '7d' });
  const today = cockpitRangeSchema().parse({ range: 'today' });
  // The first paint needs the KPIs, the index, the alerts, the trend, events and topics: the page is
  // sent once these are read. The other panels' reads start then (not before: they would share the
  // engine's cores with the first ones and delay the page) and stream into the same response.
  // A refresh or client navigation (isDataRequest) waits for them, so the charts update in place
  // rather than flashing back to their loading state every minute.
  const [todaySummary, summary, trend, index, alerts, topics, events] = await Promise.all([
    cockpitSummary(today),
    cockpitSummary(range),
    cockpitTrend(range),
    cockpitIndex(range),
    cockpitAlerts(range, user),
    cockpitTopics(range, 10),
    cockpitEvents(range, 8),
  ]);
  const later = {
    provinces: cockpitBreakdown(range, 'province'),
    cities: cockpitCities(range),
    categories: cockpitBreakdown(range, 'category'),
    media: cockpitBreakdown(range, 'media_type'),
    keywords: cockpitKeywords(range),
    risks: cockpitRisks(range),
    documents: cockpitLatest(),
  };
  // A failed streamed read must not crash the process as an unhandled rejection.
  for (const p of Object.values(later)) p.catch(() => {});
  const panels = isDataRequest ? await settle(later) : later;
  return {
    range,
    rangeError: parsed.success ? '' : (parsed.error.issues[0]?.message ?? ''),
    params,
    todaySummary,
    summary,
    trend,
    ...panels,
    index,
    alerts,
    topics,
    events,
    loadedAt: new Date().toISOString(),
  };
};

/** The same record with every promise awaited (in parallel). */
async function settle<T extends Record<string, Promise<unknown>>>(
  record: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(record).map(async ([k, v]) => [k, await v] as const));
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}
