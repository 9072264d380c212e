import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/** The (time, id) of the last row a stage finished; rows are read in that order. */
export interface Watermark {
  time: string;
  id: string;
}

export const START_WATERMARK: Watermark = { time: '1970-01-01T00:00:00.000Z', id: '' };

export function buildWatermarkQuery(stage: string): BuiltQuery {
  return {
    query: `SELECT watermark_time, watermark_id FROM pipeline_state FINAL WHERE stage = {stage:String}`,
    params: { stage },
  };
}

export async function getWatermark(store: Store, stage: string): Promise<Watermark> {
  const [row] = await store.query<{ watermark_time: string; watermark_id: string }>(
    'getWatermark',
    buildWatermarkQuery(stage),
  );
  return row ? { time: fromClickHouseTime(row.watermark_time), id: row.watermark_id } : START_WATERMARK;
}
