import {
  type EventRecord,
  getEvents,
  getEventTopicStats,
  nextVersion,
  type Store,
  writeEvents,
  writeOpinionIndex,
} from '@yuqing/schemas';
import { computeIndex, groupInputs } from '../opinion-index/compute.ts';
import { type OpinionIndexConfig, parseIndexConfig, regionPrefix } from '../opinion-index/config.ts';
import { combineTopics, eventIdFor, eventRecord } from './thresholds.ts';

export class EventError extends Error {
  override name = 'EventError';
  constructor(
    message: string,
    readonly code: 'not_found' | 'invalid',
  ) {
    super(message);
  }
}

/**
 * An analyst promotes a topic to an event (or marks an existing event as promoted). Returns the
 * event; throws EventError `not_found` when the topic has no stored documents.
 */
export async function promoteTopic(
  store: Store,
  topicId: string,
  actor: string,
  config: OpinionIndexConfig = parseIndexConfig(),
): Promise<EventRecord> {
  if (!topicId) throw new EventError('topicId is required', 'invalid');
  const [existing] = await getEvents(store, { topicIds: [topicId], limit: 1 });
  const topicIds = existing?.topicIds ?? [topicId];
  const stats = await getEventTopicStats(store, topicIds, config.homeRegions.map(regionPrefix));
  if (!stats.has(topicId)) throw new EventError(`topic ${topicId} has no documents`, 'not_found');
  const topics = [...stats.values()];
  const index = computeIndex(groupInputs(combineTopics(topics), config), config);
  const now = Date.now();
  const event = eventRecord(
    existing?.id ?? eventIdFor(topicId),
    topics,
    index,
    { version: nextVersion(), now, reasons: ['promoted'], promotedBy: actor },
    existing,
  );
  await writeEvents(store, [event]);
  await writeOpinionIndex(store, [{ kind: 'event', id: event.id, ...index, computedAt: now }]);
  return event;
}

/** Closes an event (an analyst's decision); the tracker keeps its statistics up to date. */
export async function setEventState(
  store: Store,
  eventId: string,
  state: EventRecord['state'],
): Promise<EventRecord> {
  const [existing] = await getEvents(store, { ids: [eventId], limit: 1 });
  if (!existing) throw new EventError(`event ${eventId} not found`, 'not_found');
  const event = { ...existing, state, version: nextVersion(), updatedAt: Date.now() };
  await writeEvents(store, [event]);
  return event;
}
