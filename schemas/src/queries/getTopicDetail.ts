import type { BuiltQuery, Store } from '../store/engine.ts';
import { TOPIC_COLUMNS, type TopicRow } from './getActiveTopicState.ts';
import type { TopicSummary } from './getTopics.ts';

/** One hot topic with its sources and per-region counts; `mergedInto` names the topic that absorbed it. */
export interface TopicDetail extends TopicSummary {
  sourceNames: string[];
  regionCounts: Record<string, number>;
  mergedInto: string;
}

export function buildTopicDetailQuery(id: string): BuiltQuery {
  return {
    query: `SELECT ${TOPIC_COLUMNS}, source_names, region_counts
      FROM topics FINAL
      WHERE id = {id:String}
      LIMIT 1`,
    params: { id },
  };
}

export async function getTopicDetail(store: Store, id: string): Promise<TopicDetail | null> {
  const [r] = await store.query<
    TopicRow & { source_names: string[]; region_counts: Record<string, number | string> }
  >('getTopicDetail', buildTopicDetailQuery(id));
  if (!r) return null;
  return {
    id: r.id,
    label: r.label,
    keywords: r.keywords,
    representativeTitle: r.representative_title,
    representativeDocId: r.representative_doc_id,
    firstSeen: new Date(Number(r.first_seen)).toISOString(),
    lastSeen: new Date(Number(r.last_seen)).toISOString(),
    volume: Number(r.volume),
    velocity: Number(r.velocity),
    sources: Number(r.sources),
    sentiment: {
      positive: Number(r.sentiment_positive),
      neutral: Number(r.sentiment_neutral),
      negative: Number(r.sentiment_negative),
    },
    regionCodes: r.region_codes,
    state: r.state as TopicSummary['state'],
    sourceNames: r.source_names,
    regionCounts: Object.fromEntries(Object.entries(r.region_counts).map(([k, v]) => [k, Number(v)])),
    mergedInto: r.merged_into,
  };
}
