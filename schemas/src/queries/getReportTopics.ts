import type { BuiltQuery, Store } from '../store/engine.ts';
import { type ReportScope, reportWhere } from './getReportOverview.ts';

export interface ReportTopic {
  id: string;
  /** From the `topics` table; '' when the topic row is missing. */
  label: string;
  keywords: string[];
  representativeTitle: string;
  representativeDocId: string;
  state: string;
  documents: number;
  negative: number;
  sources: number;
  previous: number;
  previousNegative: number;
}

/**
 * Hot topics of a report: documents of the scope grouped by their topic, with the previous
 * period's counts (to see what rose), labelled from the topics table (0005_topics).
 */
export function buildReportTopicsQuery(scope: ReportScope, previousFrom: string, limit: number): BuiltQuery {
  const { where, params } = reportWhere({ ...scope, from: previousFrom });
  const cur = "event_time >= fromUnixTimestamp64Milli({periodFrom:Int64}, 'UTC')";
  return {
    query: `SELECT d.topic_id AS id, t.label AS label, t.keywords AS keywords,
        t.representative_title AS representative_title, t.representative_doc_id AS representative_doc_id,
        t.state AS state, d.documents AS documents, d.negative AS negative, d.sources AS sources,
        d.previous AS previous, d.previous_negative AS previous_negative
      FROM (
        SELECT topic_id, countIf(${cur}) AS documents,
          countIf(${cur} AND sentiment_label = 'negative') AS negative,
          uniqExactIf(source, ${cur}) AS sources,
          countIf(NOT (${cur})) AS previous,
          countIf(NOT (${cur}) AND sentiment_label = 'negative') AS previous_negative
        FROM documents FINAL
        WHERE topic_id != '' AND ${where.join(' AND ')}
        GROUP BY topic_id
        HAVING documents > 0
      ) AS d
      LEFT JOIN (
        SELECT id, label, keywords, representative_title, representative_doc_id, state
        FROM topics FINAL
      ) AS t ON t.id = d.topic_id
      ORDER BY documents DESC, negative DESC, id
      LIMIT {limit:UInt32}`,
    params: { ...params, periodFrom: Date.parse(scope.from), limit },
  };
}

export async function getReportTopics(
  store: Store,
  scope: ReportScope,
  previousFrom: string,
  limit: number,
): Promise<ReportTopic[]> {
  const rows = await store.query<Record<string, unknown>>(
    'getReportTopics',
    buildReportTopicsQuery(scope, previousFrom, limit),
  );
  return rows.map((r) => ({
    id: String(r.id),
    label: String(r.label ?? ''),
    keywords: (r.keywords as string[] | null) ?? [],
    representativeTitle: String(r.representative_title ?? ''),
    representativeDocId: String(r.representative_doc_id ?? ''),
    state: String(r.state ?? ''),
    documents: Number(r.documents),
    negative: Number(r.negative),
    sources: Number(r.sources),
    previous: Number(r.previous),
    previousNegative: Number(r.previous_negative),
  }));
}
