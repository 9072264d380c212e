import type { EventRecord, TopicStats } from '@yuqing/schemas';
import { z } from 'zod';
import type { GroupStats, IndexResult } from '../opinion-index/compute.ts';

/**
 * When a topic becomes an event (analyzer/EVENTS.md). Any one trigger is enough; each needs the
 * topic to have at least `minDocuments`, so a single alarming post stays an alert, not an event.
 */
export const EventThresholdsSchema = z.strictObject({
  /** Never an event below this many documents. */
  minDocuments: z.number().int().min(1).default(5),
  /** Volume: this many documents from at least `minSources` sources. */
  volume: z.number().int().min(1).default(30),
  minSources: z.number().int().min(1).default(2),
  /** Velocity: documents per hour (the topic's recent rate). */
  velocity: z.number().min(0).default(15),
  /** Sensitivity: the most sensitive document reaches this (0..100). */
  sensitivity: z.number().min(0).max(100).default(70),
  /** Opinion index of the topic reaches this (0..100; 65 is the default orange level). */
  index: z.number().min(0).max(100).default(65),
  /** Events quiet this long are no longer followed by the tracker (hours). */
  followHours: z
    .number()
    .min(1)
    .default(7 * 24),
});
export type EventThresholds = z.output<typeof EventThresholdsSchema>;
export type EventThresholdsInput = z.input<typeof EventThresholdsSchema>;

export const DEFAULT_THRESHOLDS: EventThresholds = EventThresholdsSchema.parse({});

export type Trigger = 'volume' | 'velocity' | 'sensitivity' | 'index';

/** The thresholds a topic crosses, in a fixed order; empty when it is not (yet) an event. */
export function crossedThresholds(
  stats: Pick<TopicStats, 'volume' | 'velocity' | 'maxSensitivity' | 'bySource'>,
  index: Pick<IndexResult, 'score'> | undefined,
  t: EventThresholds,
): Trigger[] {
  if (stats.volume < t.minDocuments) return [];
  const out: Trigger[] = [];
  const sources = new Set(stats.bySource.map((s) => s.source)).size;
  if (stats.volume >= t.volume && sources >= t.minSources) out.push('volume');
  if (stats.velocity >= t.velocity) out.push('velocity');
  if (stats.maxSensitivity >= t.sensitivity) out.push('sensitivity');
  if (index && index.score >= t.index) out.push('index');
  return out;
}

/** The statistics of an event: its topics' statistics added up, the earliest first report. */
export function combineTopics(
  topics: readonly TopicStats[],
): GroupStats & Pick<TopicStats, 'firstReport' | 'lastSeen'> {
  const bySource = new Map<string, { source: string; mediaType: string; documents: number }>();
  let first = topics[0]?.firstReport;
  const out = {
    volume: 0,
    velocity: 0,
    negative: 0,
    maxSensitivity: 0,
    sumSensitivity: 0,
    home: 0,
    lastSeen: 0,
  };
  for (const t of topics) {
    out.volume += t.volume;
    out.velocity += t.velocity;
    out.negative += t.negative;
    out.maxSensitivity = Math.max(out.maxSensitivity, t.maxSensitivity);
    out.sumSensitivity += t.sumSensitivity;
    out.home += t.home;
    out.lastSeen = Math.max(out.lastSeen, t.lastSeen);
    if (first === undefined || t.firstReport.time < first.time) first = t.firstReport;
    for (const s of t.bySource) {
      const key = `${s.source}\u0000${s.mediaType}`;
      const prev = bySource.get(key);
      if (prev) prev.documents += s.documents;
      else bySource.set(key, { ...s });
    }
  }
  return {
    ...out,
    bySource: [...bySource.values()],
    firstReport: first ?? { docId: '', time: 0, site: '', source: '', title: '', url: '' },
  };
}

/** The next version of an event from its topics' statistics and index. */
export function eventRecord(
  id: string,
  topics: readonly TopicStats[],
  index: IndexResult,
  change: { version: number; now: number; reasons: readonly string[]; promotedBy?: string },
  previous?: EventRecord,
): EventRecord {
  const stats = combineTopics(topics);
  const lead = [...topics].sort((a, b) => b.volume - a.volume)[0];
  const reasons = [...new Set([...(previous?.reasons ?? []), ...change.reasons])];
  return {
    id,
    version: change.version,
    topicIds: [...new Set([...(previous?.topicIds ?? []), ...topics.map((t) => t.topicId)])],
    title: lead?.representativeTitle || lead?.label || stats.firstReport.title,
    keywords: lead?.keywords ?? [],
    state: previous?.state ?? 'active',
    reasons,
    promotedBy: change.promotedBy || previous?.promotedBy || '',
    firstReport: stats.firstReport,
    lastSeen: stats.lastSeen,
    volume: stats.volume,
    sources: new Set(stats.bySource.map((s) => s.source)).size,
    negative: stats.negative,
    maxSensitivity: stats.maxSensitivity,
    indexScore: index.score,
    indexLevel: index.level,
    createdAt: previous?.createdAt ?? change.now,
    updatedAt: change.now,
  };
}

/** One event per topic that founds it, so promoting or crossing twice never makes two. */
export const eventIdFor = (topicId: string): string => `ev-${topicId}`;
