import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export interface RiskDocumentsFilter {
  from: string;
  to: string;
  /** A document is at risk when negative or at least this sensitive. */
  minSensitivity: number;
  limit: number;
}

export interface RiskDocument {
  id: string;
  title: string;
  url: string;
  site: string;
  source: string;
  eventTime: string;
  sentiment: string;
  sensitivityScore: number;
  sensitivityCategories: string[];
}

/** The latest negative or sensitive documents of a period, newest first. */
export function buildRiskDocumentsQuery(f: RiskDocumentsFilter): BuiltQuery {
  return {
    query: `SELECT id, title, url, site, source, event_time, sentiment_label, sensitivity_score, sensitivity_categories
      FROM documents FINAL
      WHERE event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        AND (sentiment_label = 'negative' OR sensitivity_score >= {minSensitivity:UInt8})
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params: {
      from: Date.parse(f.from),
      to: Date.parse(f.to),
      minSensitivity: f.minSensitivity,
      limit: f.limit,
    },
  };
}

interface Row {
  id: string;
  title: string;
  url: string;
  site: string;
  source: string;
  event_time: string;
  sentiment_label: string;
  sensitivity_score: number;
  sensitivity_categories: string[];
}

export async function getRiskDocuments(store: Store, f: RiskDocumentsFilter): Promise<RiskDocument[]> {
  const rows = await store.query<Row>('getRiskDocuments', buildRiskDocumentsQuery(f));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    site: r.site,
    source: r.source,
    eventTime: fromClickHouseTime(r.event_time),
    sentiment: r.sentiment_label,
    sensitivityScore: Number(r.sensitivity_score),
    sensitivityCategories: r.sensitivity_categories,
  }));
}
