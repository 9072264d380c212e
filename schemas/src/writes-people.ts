import type { Store } from './store/engine.ts';

/** One version of a watched public figure. Times are epoch milliseconds. */
export interface WatchedPersonRecord {
  id: string;
  version: number;
  departmentId: string;
  name: string;
  aliases: string[];
  /** Offices held, e.g. 市长; shown beside the name. */
  roles: string[];
  note: string;
  enabled: boolean;
  deleted: boolean;
  updatedBy: string;
  updatedAt: number;
}

export function writeWatchedPerson(store: Store, p: WatchedPersonRecord): Promise<void> {
  return store.insert('watched_people', [
    {
      id: p.id,
      version: p.version,
      department_id: p.departmentId,
      name: p.name,
      aliases: p.aliases,
      roles: p.roles,
      note: p.note,
      enabled: p.enabled ? 1 : 0,
      deleted: p.deleted ? 1 : 0,
      updated_by: p.updatedBy,
      updated_at: p.updatedAt,
    },
  ]);
}

export type MentionVia = 'entity' | 'text';

/** A watched person mentioned by a document, with what the person read models chart. */
export interface PersonMentionRecord {
  personId: string;
  documentId: string;
  /** The name or alias found. */
  matched: string;
  via: MentionVia;
  eventTime: number;
  source: string;
  topicId: string;
  sentimentLabel: string;
  sentimentScore: number;
  taggedAt: number;
}

export function writePersonMentions(store: Store, rows: readonly PersonMentionRecord[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  return store.insert(
    'person_mentions',
    rows.map((r) => ({
      person_id: r.personId,
      document_id: r.documentId,
      matched: r.matched,
      via: r.via,
      event_time: r.eventTime,
      source: r.source,
      topic_id: r.topicId,
      sentiment_label: r.sentimentLabel,
      sentiment_score: r.sentimentScore,
      tagged_at: r.taggedAt,
    })),
  );
}
