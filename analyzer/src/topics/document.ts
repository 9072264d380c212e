import type { TopicDocument } from './types.ts';

const TITLE_CHARS = 60;

/** What the pipeline knows of a document when it clusters it (raw fields and the analysis). */
export interface TopicSource {
  id: string;
  title: string;
  body: string;
  publishedAt: string | null | undefined;
  fetchedAt?: string;
  /** Site or source name, for the topic's source diversity. */
  source: string;
  tokens: readonly string[];
  keywords: readonly string[];
  sentiment: { label: string };
  regions: ReadonlyArray<{ code: string }>;
  persons: readonly string[];
  orgs: readonly string[];
  places: readonly string[];
  duplicateOf: string | null;
}

/**
 * The clusterer's view of a document. Its time is the publish time, but never later than the
 * fetch: a wrong time zone or a future date must not push the clusterer's clock ahead.
 */
export function toTopicDocument(d: TopicSource, fallbackTime = Date.now()): TopicDocument {
  const fetched = d.fetchedAt ? Date.parse(d.fetchedAt) : Number.NaN;
  const published = d.publishedAt ? Date.parse(d.publishedAt) : Number.NaN;
  let time = Number.isNaN(published) ? fetched : published;
  if (!Number.isNaN(fetched) && time > fetched) time = fetched;
  if (Number.isNaN(time)) time = fallbackTime;
  const title = d.title.trim() || d.body.replace(/\s+/g, ' ').trim().slice(0, TITLE_CHARS);
  return {
    id: d.id,
    tokens: d.tokens,
    keywords: d.keywords,
    title,
    time,
    source: d.source,
    sentiment: d.sentiment.label,
    regions: d.regions.map((r) => r.code),
    persons: d.persons,
    orgs: d.orgs,
    places: d.places,
    duplicateOf: d.duplicateOf,
  };
}
