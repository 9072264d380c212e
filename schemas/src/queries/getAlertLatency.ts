import type { BuiltQuery, Store } from '../store/engine.ts';

export interface AlertLatency {
  source: string;
  documents: number;
  /** Seconds from fetch to alert. */
  p50: number;
  p95: number;
  max: number;
}

/** Fetch → alert latency of the documents alerted since `since`, per source and overall (source ''). */
export function buildAlertLatencyQuery(since: string): BuiltQuery {
  return {
    query: `SELECT source, count() AS documents,
        quantileExact(0.5)(latency) AS p50, quantileExact(0.95)(latency) AS p95, max(latency) AS max
      FROM (
        SELECT source, document_id, min(alerted_at) AS first_alerted, any(fetched_at) AS fetched,
          greatest(0, toUnixTimestamp64Milli(first_alerted) - toUnixTimestamp64Milli(fetched)) / 1000 AS latency
        FROM alert_documents
        WHERE alerted_at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
        GROUP BY source, document_id)
      GROUP BY GROUPING SETS ((source), ())
      ORDER BY source`,
    params: { since: Date.parse(since) },
  };
}

export async function getAlertLatency(store: Store, since: string): Promise<AlertLatency[]> {
  const rows = await store.query<{
    source: string;
    documents: number | string;
    p50: number;
    p95: number;
    max: number;
  }>('getAlertLatency', buildAlertLatencyQuery(since));
  return rows.map((r) => ({
    source: r.source,
    documents: Number(r.documents),
    p50: Number(r.p50),
    p95: Number(r.p95),
    max: Number(r.max),
  }));
}
