import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/** One document with its analysis and evidence, and the body the crawler extracted. */
export interface DocumentDetail {
  id: string;
  url: string;
  source: string;
  site: string;
  mediaType: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  publishedAt: string | null;
  fetchedAt: string;
  analyzedAt: string;
  eventTime: string;
  keywords: string[];
  category: string;
  sentiment: { label: string; score: number; evidence: string[] };
  sensitivity: { score: number; categories: string[]; evidence: { category: string; terms: string[] }[] };
  regions: { code: string; name: string }[];
  persons: string[];
  orgs: string[];
  places: string[];
  duplicateOf: string | null;
  topicId: string | null;
}

export function buildDocumentDetailQuery(id: string): BuiltQuery {
  return {
    query: `SELECT d.id AS id, d.url AS url, d.source AS source, d.site AS site, d.media_type AS media_type,
        d.title AS title, d.summary AS summary, r.body AS body, r.author AS author,
        d.published_at AS published_at, d.fetched_at AS fetched_at, d.analyzed_at AS analyzed_at,
        d.event_time AS event_time, d.keywords AS keywords, d.category AS category,
        d.sentiment_label AS sentiment_label, d.sentiment_score AS sentiment_score,
        d.sentiment_evidence AS sentiment_evidence, d.sensitivity_score AS sensitivity_score,
        d.sensitivity_categories AS sensitivity_categories, d.sensitivity_evidence AS sensitivity_evidence,
        d.region_codes AS region_codes, d.region_names AS region_names, d.persons AS persons,
        d.orgs AS orgs, d.places AS places, d.duplicate_of AS duplicate_of, d.topic_id AS topic_id
      FROM (SELECT *, event_time FROM documents FINAL WHERE id = {id:String}) AS d
      LEFT JOIN (SELECT id, body, author FROM raw_documents FINAL WHERE id = {id:String}) AS r ON r.id = d.id
      LIMIT 1`,
    params: { id },
  };
}

interface Row {
  id: string;
  url: string;
  source: string;
  site: string;
  media_type: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  published_at: string | null;
  fetched_at: string;
  analyzed_at: string;
  event_time: string;
  keywords: string[];
  category: string;
  sentiment_label: string;
  sentiment_score: number;
  sentiment_evidence: string[];
  sensitivity_score: number;
  sensitivity_categories: string[];
  sensitivity_evidence: string;
  region_codes: string[];
  region_names: string[];
  persons: string[];
  orgs: string[];
  places: string[];
  duplicate_of: string;
  topic_id: string;
}

/** `[{category, terms}]` as the analyzer writes it; anything else reads as no evidence. */
export function parseSensitivityEvidence(json: string): { category: string; terms: string[] }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter((e): e is { category: unknown; terms: unknown } => typeof e === 'object' && e !== null)
      .map((e) => ({
        category: String(e.category ?? ''),
        terms: Array.isArray(e.terms) ? e.terms.map(String) : [],
      }));
  } catch {
    return [];
  }
}

export async function getDocumentDetail(store: Store, id: string): Promise<DocumentDetail | null> {
  const [r] = await store.query<Row>('getDocumentDetail', buildDocumentDetailQuery(id));
  if (!r) return null;
  return {
    id: r.id,
    url: r.url,
    source: r.source,
    site: r.site,
    mediaType: r.media_type,
    title: r.title,
    summary: r.summary,
    body: r.body ?? '',
    author: r.author ?? '',
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    analyzedAt: fromClickHouseTime(r.analyzed_at),
    eventTime: fromClickHouseTime(r.event_time),
    keywords: r.keywords,
    category: r.category,
    sentiment: { label: r.sentiment_label, score: Number(r.sentiment_score), evidence: r.sentiment_evidence },
    sensitivity: {
      score: Number(r.sensitivity_score),
      categories: r.sensitivity_categories,
      evidence: parseSensitivityEvidence(r.sensitivity_evidence),
    },
    regions: r.region_codes.map((code, i) => ({ code, name: r.region_names[i] ?? code })),
    persons: r.persons,
    orgs: r.orgs,
    places: r.places,
    duplicateOf: r.duplicate_of || null,
    topicId: r.topic_id || null,
  };
}
