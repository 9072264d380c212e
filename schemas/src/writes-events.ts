import type { Store } from './store/engine.ts';

export const EVENT_STATES = ['active', 'closed'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** The first report (首发) of an event. */
export interface FirstReport {
  docId: string;
  /** Epoch ms. */
  time: number;
  site: string;
  source: string;
  title: string;
  url: string;
}

/**
 * One version of an event (事件): one or more topics that crossed a threshold or that an analyst
 * promoted. Times are epoch milliseconds.
 */
export interface EventRecord {
  id: string;
  version: number;
  topicIds: string[];
  title: string;
  keywords: string[];
  state: EventState;
  /** Why it became an event: `volume`, `velocity`, `sensitivity`, `index` or `promoted`. */
  reasons: string[];
  /** The analyst who promoted it, or ''. */
  promotedBy: string;
  firstReport: FirstReport;
  lastSeen: number;
  volume: number;
  sources: number;
  negative: number;
  maxSensitivity: number;
  indexScore: number;
  indexLevel: string;
  createdAt: number;
  updatedAt: number;
}

export function writeEvents(store: Store, events: readonly EventRecord[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  return store.insert(
    'events',
    events.map((e) => ({
      id: e.id,
      version: e.version,
      topic_ids: e.topicIds,
      title: e.title,
      keywords: e.keywords,
      state: e.state,
      reasons: e.reasons,
      promoted_by: e.promotedBy,
      first_doc_id: e.firstReport.docId,
      first_time: e.firstReport.time,
      first_site: e.firstReport.site,
      first_source: e.firstReport.source,
      first_title: e.firstReport.title,
      first_url: e.firstReport.url,
      last_seen: e.lastSeen,
      volume: e.volume,
      sources: e.sources,
      negative: e.negative,
      max_sensitivity: Math.round(e.maxSensitivity),
      index_score: e.indexScore,
      index_level: e.indexLevel,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    })),
  );
}

export type LinkKind = 'url';

export interface DocumentLinkRecord {
  fromId: string;
  toId: string;
  kind: LinkKind;
  foundAt: number;
}

export function writeDocumentLinks(store: Store, links: readonly DocumentLinkRecord[]): Promise<void> {
  if (links.length === 0) return Promise.resolve();
  return store.insert(
    'document_links',
    links.map((l) => ({ from_id: l.fromId, to_id: l.toId, kind: l.kind, found_at: l.foundAt })),
  );
}
