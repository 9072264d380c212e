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

const IN_PERIOD = `event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')
        AND event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`;

const params = (f: RiskDocumentsFilter) => ({
  from: Date.parse(f.from),
  to: Date.parse(f.to),
  minSensitivity: f.minSensitivity,
  limit: f.limit,
});

/**
 * The ids of the period's newest negative or sensitive documents, from document_facts
 * (migrations/0013): ordered by hour, so only the period's rows are read, not every document.
 */
export function buildRiskCandidatesQuery(f: RiskDocumentsFilter): BuiltQuery {
  return {
    query: `SELECT id, toUnixTimestamp64Milli(event_time) AS t
      FROM document_facts FINAL
      WHERE hour >= toStartOfHour(fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
        AND hour < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        AND ${IN_PERIOD}
        AND (sentiment = 'negative' OR sensitivity_score >= {minSensitivity:UInt8})
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params: params(f),
  };
}

/**
 * The latest negative or sensitive documents of a period, newest first; with `ids`, only among
 * those (read by primary key).
 */
export function buildRiskDocumentsQuery(f: RiskDocumentsFilter, ids?: string[]): BuiltQuery {
  return {
    query: `SELECT id, title, url, site, source, event_time, toUnixTimestamp64Milli(event_time) AS t,
        sentiment_label, sensitivity_score, sensitivity_categories
      FROM documents FINAL
      WHERE ${ids ? 'id IN {ids:Array(String)} AND' : ''} ${IN_PERIOD}
        AND (sentiment_label = 'negative' OR sensitivity_score >= {minSensitivity:UInt8})
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params: ids ? { ...params(f), ids } : params(f),
  };
}

interface Row {
  id: string;
  title: string;
  url: string;
  site: string;
  source: string;
  event_time: string;
  t: number | string;
  sentiment_label: string;
  sensitivity_score: number;
  sensitivity_categories: string[];
}

/**
 * Takes the newest candidates from document_facts and reads only those from documents. Every risky
 * document of the period has a current row there, so when every candidate is still risky in
 * documents at the same time (or there were fewer than `limit`), they are the answer. A candidate
 * that is not is a stale row (a document fetched again in another hour, see 0013): then the whole
 * period is read from documents.
 */
export async function getRiskDocuments(store: Store, f: RiskDocumentsFilter): Promise<RiskDocument[]> {
  const candidates = await store.query<{ id: string; t: number | string }>(
    'getRiskCandidates',
    buildRiskCandidatesQuery(f),
  );
  const ids = candidates.map((c) => c.id);
  let rows = ids.length ? await store.query<Row>('getRiskDocuments', buildRiskDocumentsQuery(f, ids)) : [];
  const current = new Set(rows.map((r) => `${r.id}@${r.t}`));
  if (!candidates.every((c) => current.has(`${c.id}@${c.t}`)) || rows.length !== candidates.length) {
    rows = await store.query<Row>('getRiskDocuments', buildRiskDocumentsQuery(f));
  }
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
