import { getActiveTopicState, type Store } from '@yuqing/schemas';
import { TopicClusterer } from './clusterer.ts';
import { type ClustererOptions, DEFAULT_OPTIONS } from './types.ts';
import type { Idf } from './vector.ts';

const HOUR = 3_600_000;

/**
 * The clusterer as the store remembers it: the `maxActive` most recently seen topics, minus those
 * quiet for `evictHours` before the newest one (what the running clusterer would have kept).
 * Measured from the newest topic rather than the wall clock, so a replay of old data resumes too.
 */
export async function restoreTopics(
  store: Store,
  idf: Idf,
  options: Partial<ClustererOptions> = {},
): Promise<TopicClusterer> {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const records = await getActiveTopicState(store, 0, o.maxActive);
  const newest = Math.max(0, ...records.map((r) => r.lastSeen));
  const kept = records.filter((r) => r.lastSeen >= newest - o.evictHours * HOUR);
  return TopicClusterer.restore(kept, idf, options);
}
