import { error } from '@sveltejs/kit';
import {
  ALERT_LEVELS,
  EVENT_STATES,
  type EventDetail,
  type EventReprints,
  type EventSpread,
  type EventTimeline,
  getEventDetail,
  getEventReprints,
  getEventSpread,
  getEvents,
  getEventTimeline,
  getPeople,
  type User,
} from '@yuqing/schemas';
import { z } from 'zod';
import { COCKPIT_ROLES, departmentScope } from './access.ts';
import { listDepartments } from './admin.ts';
import { appContext } from './context.ts';

/**
 * Events (事件) are built from crawled public content, which every department shares: the events
 * table carries no department, so leaders and analysts of every department see them all (like
 * topics). What is private is the watch list of people: a person name links to a person page only
 * when that person is watched by a department in the reader's scope.
 */
export const EVENT_ROLES = COCKPIT_ROLES;
const DAY = 86_400_000;
const LIMIT_MESSAGE = 'limit 须为 1 到 200 之间的整数';

export const EventsQuerySchema = z.object({
  state: z.enum(EVENT_STATES, { message: `state 须为 ${EVENT_STATES.join('、')} 之一` }).optional(),
  level: z.enum(ALERT_LEVELS, { message: `level 须为 ${ALERT_LEVELS.join('、')} 之一` }).optional(),
  order: z
    .enum(['last_seen', 'index', 'volume'], { message: 'order 须为 last_seen、index 或 volume' })
    .default('last_seen'),
  range: z.enum(['7d', '30d', 'all'], { message: 'range 须为 7d、30d 或 all' }).default('30d'),
  limit: z.coerce
    .number({ message: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(200, LIMIT_MESSAGE)
    .default(100),
});
export type EventsQuery = z.infer<typeof EventsQuerySchema>;

export async function listEvents(q: EventsQuery, now = Date.now()) {
  const items = await getEvents(appContext().store, {
    states: q.state ? [q.state] : undefined,
    levels: q.level ? [q.level] : undefined,
    since: q.range === 'all' ? undefined : now - (q.range === '7d' ? 7 : 30) * DAY,
    orderBy: q.order,
    limit: q.limit,
  });
  return { items };
}

export interface EventPage extends EventDetail {
  timeline: EventTimeline;
  spread: EventSpread;
  reprints: EventReprints;
  /** Person name → id of the watched person's page, for names the reader's departments watch. */
  personLinks: Record<string, string>;
}

/** An event with its timeline, spread, reprint chains and people; 404 when there is none. */
export async function eventPage(user: User, id: string, chains = 30): Promise<EventPage> {
  if (id.length > 128) error(400, { message: '事件 id 过长', code: 'bad_request', field: 'id' });
  const { store } = appContext();
  const detail = await getEventDetail(store, id);
  if (!detail) error(404, { message: '事件不存在', code: 'not_found' });
  // Hourly while the event spans up to three days, then daily.
  const span = detail.event.lastSeen - detail.event.firstReport.time;
  const bucket = span <= 3 * DAY ? 'hour' : 'day';
  const [timeline, spread, reprints, personLinks] = await Promise.all([
    getEventTimeline(store, id),
    getEventSpread(store, id, bucket),
    getEventReprints(store, id, chains),
    linkPersons(
      user,
      detail.persons.map((p) => p.name),
    ),
  ]);
  return { ...detail, timeline, spread, reprints, personLinks };
}

/** Names (or aliases) of people watched by the reader's departments, with their page ids. */
export async function linkPersons(user: User, names: readonly string[]): Promise<Record<string, string>> {
  if (names.length === 0) return {};
  const scope = [...departmentScope(await listDepartments(), user)];
  if (scope.length === 0) return {};
  const people = await getPeople(appContext().store, { departmentIds: scope });
  const byName = new Map<string, string>();
  for (const p of people) {
    for (const n of [p.name, ...p.aliases]) if (n && !byName.has(n)) byName.set(n, p.id);
  }
  const out: Record<string, string> = {};
  for (const n of names) {
    const id = byName.get(n);
    if (id) out[n] = id;
  }
  return out;
}
