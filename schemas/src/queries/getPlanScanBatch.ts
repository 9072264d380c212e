import type { BuiltQuery, Store } from '../store/engine.ts';

/** What back-filling a plan or a watched person reads of each stored document. */
export interface ScanDocument {
  id: string;
  title: string;
  summary: string;
  source: string;
  persons: string[];
  regionCodes: string[];
  topicId: string;
  sentimentLabel: string;
  sentimentScore: number;
  /** Publish (or fetch) time, epoch ms. */
  time: number;
}

/** The next `limit` analysed documents after id `after`, in id order (keyset pagination). */
export function buildPlanScanBatchQuery(after: string, limit: number, since?: number): BuiltQuery {
  const params: Record<string, unknown> = { after, limit };
  let time = '';
  if (since !== undefined) {
    time = "AND event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')";
    params.since = since;
  }
  return {
    query: `SELECT id, title, summary, source, persons, region_codes, topic_id, sentiment_label, sentiment_score,
        toUnixTimestamp64Milli(event_time) AS time
      FROM documents FINAL
      WHERE id > {after:String} ${time}
      ORDER BY id
      LIMIT {limit:UInt32}`,
    params,
  };
}

interface Row {
  id: string;
  title: string;
  summary: string;
  source: string;
  persons: string[];
  region_codes: string[];
  topic_id: string;
  sentiment_label: string;
  sentiment_score: number;
  time: number | string;
}

export async function getPlanScanBatch(
  store: Store,
  after: string,
  limit: number,
  since?: number,
): Promise<ScanDocument[]> {
  const rows = await store.query<Row>('getPlanScanBatch', buildPlanScanBatchQuery(after, limit, since));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    source: r.source,
    persons: r.persons,
    regionCodes: r.region_codes,
    topicId: r.topic_id,
    sentimentLabel: r.sentiment_label,
    sentimentScore: Number(r.sentiment_score),
    time: Number(r.time),
  }));
}
