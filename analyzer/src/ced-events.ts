import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CED source post with the comments kept for it (../shared/data/events/weibo_rumor_ced). */
export interface CedEvent {
  text: string;
  sample_comments: { text: string }[];
}

/** The CED events by their id, for the hand-labelled sets that point into them. */
export function readCedEvents(dataDir: string): Map<string, CedEvent> {
  const events = new Map<string, CedEvent>();
  for (const line of readFileSync(join(dataDir, 'events/weibo_rumor_ced/ced_events.jsonl'), 'utf8').split(
    '\n',
  )) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as CedEvent & { event_id: number };
    events.set(String(event.event_id), event);
  }
  return events;
}
