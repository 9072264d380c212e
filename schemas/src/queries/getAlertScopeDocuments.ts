import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { type AlertScope, buildScopeFilter } from './getAlertVolume.ts';

export interface AlertSampleDocument {
  id: string;
  title: string;
  url: string;
  source: string;
  site: string;
  publishedAt: string | null;
  fetchedAt: string;
  analyzedAt: string;
  sensitivity: number;
  sentiment: string;
  topicId: string;
}

/**
 * Documents in a scope over [from, to) for an alert's evidence and latency record: the first report
 * and the most sensitive ones. `topicId` narrows to one topic.
 */
export function buildAlertScopeDocumentsQuery(
  scope: AlertScope & { topicId?: string; negativeOnly?: boolean },
  from: string,
  to: string,
  limit: number,
): BuiltQuery {
  const filter = buildScopeFilter(scope);
  if (scope.topicId) {
    filter.where.push('topic_id = {topicId:String}');
    filter.params.topicId = scope.topicId;
  }
  if (scope.negativeOnly) filter.where.push("sentiment_label = 'negative'");
  return {
    query: `SELECT id, title, url, source, site, published_at, fetched_at, analyzed_at,
        sensitivity_score, sentiment_label, topic_id
      FROM documents FINAL
      WHERE event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        ${filter.where.map((w) => `AND ${w}`).join('\n        ')}
      ORDER BY sensitivity_score DESC, event_time
      LIMIT {limit:UInt32}`,
    params: { ...filter.params, from: Date.parse(from), to: Date.parse(to), limit },
  };
}

export async function getAlertScopeDocuments(
  store: Store,
  scope: AlertScope & { topicId?: string; negativeOnly?: boolean },
  from: string,
  to: string,
  limit = 20,
): Promise<AlertSampleDocument[]> {
  const rows = await store.query<{
    id: string;
    title: string;
    url: string;
    source: string;
    site: string;
    published_at: string | null;
    fetched_at: string;
    analyzed_at: string;
    sensitivity_score: number;
    sentiment_label: string;
    topic_id: string;
  }>('getAlertScopeDocuments', buildAlertScopeDocumentsQuery(scope, from, to, limit));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    source: r.source,
    site: r.site,
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    analyzedAt: fromClickHouseTime(r.analyzed_at),
    sensitivity: Number(r.sensitivity_score),
    sentiment: r.sentiment_label,
    topicId: r.topic_id,
  }));
}
