import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import type { SourceRunRequest } from '../writes-sources.ts';

export interface SourceRunRequestFilter {
  /** Only requests made within this many days; default 7. */
  days?: number;
  /** Only these sources; all when empty. */
  sources?: readonly string[];
}

/**
 * The latest run request per source. A request is pending while no run of the source started
 * after it; the crawler's scheduler compares it with the source's last run.
 */
export function buildSourceRunRequestsQuery(filter: SourceRunRequestFilter = {}): BuiltQuery {
  return {
    query: `SELECT source_id, argMax(requested_by, requested_at) AS last_requested_by,
        max(requested_at) AS last_requested_at
      FROM source_run_requests
      WHERE requested_at >= now64(3, 'UTC') - toIntervalDay({days:UInt32})
        AND (empty({sources:Array(String)}) OR has({sources:Array(String)}, source_id))
      GROUP BY source_id
      ORDER BY source_id`,
    params: {
      days: Math.max(1, Math.floor(filter.days ?? 7)),
      sources: [...(filter.sources ?? [])],
    },
  };
}

export async function getSourceRunRequests(
  store: Store,
  filter: SourceRunRequestFilter = {},
): Promise<SourceRunRequest[]> {
  const rows = await store.query<{ source_id: string; last_requested_by: string; last_requested_at: string }>(
    'getSourceRunRequests',
    buildSourceRunRequestsQuery(filter),
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    requestedBy: r.last_requested_by,
    requestedAt: fromClickHouseTime(r.last_requested_at),
  }));
}
