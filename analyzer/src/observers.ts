import type { AnalyzedDocument } from '@yuqing/schemas';
import { type EventThresholdsInput, EventThresholdsSchema } from './events/thresholds.ts';
import { EventTracker } from './events/tracker.ts';
import type { DocumentObserver } from './observer.ts';
import { type OpinionIndexConfigInput, parseIndexConfig } from './opinion-index/config.ts';
import { OpinionIndexObserver } from './opinion-index/observer.ts';
import { PeopleObserver } from './people/observer.ts';
import { PlanObserver } from './plans/observer.ts';
import { BatchTexts } from './plans/texts.ts';

export interface ObserverOptions {
  /** Opinion index weights, levels, home regions and source authority (analyzer/EVENTS.md). */
  index?: OpinionIndexConfigInput;
  /** When a topic becomes an event. */
  events?: EventThresholdsInput;
}

/**
 * Every stateful layer the pipeline runs after each stored batch, in order: the opinion index
 * first (the event tracker reads its topic statistics), then events, plans and people. Invalid
 * options throw (IndexConfigError, ZodError) before anything runs.
 */
export function createObservers(options: ObserverOptions = {}): DocumentObserver[] {
  const index = parseIndexConfig(options.index ?? {});
  const thresholds = EventThresholdsSchema.parse(options.events ?? {});
  const texts = new BatchTexts();
  const indexObserver = new OpinionIndexObserver(index);
  return [
    indexObserver,
    new EventTracker({ thresholds, index, texts, indexObserver }),
    new PlanObserver(texts),
    new PeopleObserver(texts),
  ];
}

/**
 * What the alert engine can add to a document once the observers have run on its batch: the
 * document's opinion index (`index` conditions) and the event of its topic, if any.
 */
export function alertAnnotations(
  observers: readonly DocumentObserver[],
  doc: Pick<AnalyzedDocument, 'id' | 'topicId'>,
): { opinionIndex?: number; eventId: string | null } {
  let opinionIndex: number | undefined;
  let eventId: string | null = null;
  for (const o of observers) {
    if (o instanceof OpinionIndexObserver) opinionIndex = o.scoreOf(doc.id)?.score;
    if (o instanceof EventTracker && doc.topicId) eventId = o.eventOfTopic.get(doc.topicId) ?? null;
  }
  return { ...(opinionIndex === undefined ? {} : { opinionIndex }), eventId };
}
