import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

export interface VolumeTrendFilter {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
}

export interface VolumePoint {
  time: string;
  documents: number;
}

/** Reads the hourly rollup fed by a materialized view, never the base table. */
export function buildVolumeTrendQuery(filter: VolumeTrendFilter): BuiltQuery {
  const bucket = filter.bucket === 'day' ? "toStartOfDay(hour, 'Asia/Shanghai')" : 'hour';
  return {
    query: `SELECT toDateTime64(${bucket}, 3, 'UTC') AS time, uniqMerge(docs) AS documents
      FROM volume_hourly
      WHERE hour >= toStartOfHour(fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
        AND hour < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
      GROUP BY time
      ORDER BY time`,
    params: { from: Date.parse(filter.from), to: Date.parse(filter.to) },
  };
}

export async function getVolumeTrend(store: Store, filter: VolumeTrendFilter): Promise<VolumePoint[]> {
  const rows = await store.query<{ time: string; documents: number | string }>(
    'getVolumeTrend',
    buildVolumeTrendQuery(filter),
  );
  return rows.map((r) => ({ time: fromClickHouseTime(r.time), documents: Number(r.documents) }));
}
