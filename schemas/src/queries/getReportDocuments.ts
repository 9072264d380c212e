import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { type ReportScope, reportWhere } from './getReportOverview.ts';

export interface ReportDocument {
  id: string;
  title: string;
  url: string;
  site: string;
  source: string;
  mediaType: string;
  eventTime: string;
  sentiment: string;
  sensitivityScore: number;
  sensitivityCategories: string[];
  regionNames: string[];
}

/** The most sensitive (then most negative, then newest) documents of a report's scope. */
export function buildReportDocumentsQuery(scope: ReportScope, limit: number): BuiltQuery {
  const { where, params } = reportWhere(scope);
  return {
    query: `SELECT id, title, url, site, source, media_type, event_time, sentiment_label,
        sensitivity_score, sensitivity_categories, region_names
      FROM documents FINAL
      WHERE ${where.join(' AND ')}
      ORDER BY sensitivity_score DESC, sentiment_score ASC, event_time DESC, id
      LIMIT {limit:UInt32}`,
    params: { ...params, limit },
  };
}

interface Row {
  id: string;
  title: string;
  url: string;
  site: string;
  source: string;
  media_type: string;
  event_time: string;
  sentiment_label: string;
  sensitivity_score: number;
  sensitivity_categories: string[];
  region_names: string[];
}

export async function getReportDocuments(
  store: Store,
  scope: ReportScope,
  limit: number,
): Promise<ReportDocument[]> {
  const rows = await store.query<Row>('getReportDocuments', buildReportDocumentsQuery(scope, limit));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    site: r.site,
    source: r.source,
    mediaType: r.media_type,
    eventTime: fromClickHouseTime(r.event_time),
    sentiment: r.sentiment_label,
    sensitivityScore: Number(r.sensitivity_score),
    sensitivityCategories: r.sensitivity_categories,
    regionNames: r.region_names,
  }));
}
