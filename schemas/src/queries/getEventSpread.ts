import type { BuiltQuery, Store } from '../store/engine.ts';
import { EVENT_DOCUMENTS } from './getEventDetail.ts';

/**
 * How an event spread over time: documents per time bucket by media type and by sentiment, and
 * the sites that carried it per bucket. `bucket` is `hour` or `day`.
 */
export interface EventSpread {
  bucket: 'hour' | 'day';
  series: Array<{
    at: number;
    documents: number;
    byMediaType: Record<string, number>;
    sentiment: { positive: number; neutral: number; negative: number };
    sites: number;
  }>;
  /** Sites with most documents, with when they first carried it. */
  topSites: Array<{ site: string; mediaType: string; documents: number; first: number }>;
}

export function buildEventSpreadQueries(eventId: string, bucket: 'hour' | 'day'): Record<string, BuiltQuery> {
  const start = bucket === 'hour' ? 'toStartOfHour' : 'toStartOfDay';
  const params = { eventId };
  return {
    series: {
      query: `SELECT toUnixTimestamp(${start}(event_time)) * 1000 AS at, media_type, sentiment_label,
          count() AS documents, uniqExact(site) AS sites
        FROM ${EVENT_DOCUMENTS}
        GROUP BY at, media_type, sentiment_label ORDER BY at`,
      params,
    },
    bucketSites: {
      query: `SELECT toUnixTimestamp(${start}(event_time)) * 1000 AS at, uniqExact(site) AS sites
        FROM ${EVENT_DOCUMENTS} GROUP BY at`,
      params,
    },
    sites: {
      query: `SELECT site, any(media_type) AS media_type, count() AS documents,
          toUnixTimestamp64Milli(min(event_time)) AS first
        FROM ${EVENT_DOCUMENTS} GROUP BY site ORDER BY documents DESC, first LIMIT 20`,
      params,
    },
  };
}

type Num = number | string;

export async function getEventSpread(
  store: Store,
  eventId: string,
  bucket: 'hour' | 'day' = 'hour',
): Promise<EventSpread> {
  const q = buildEventSpreadQueries(eventId, bucket) as Record<
    'series' | 'bucketSites' | 'sites',
    BuiltQuery
  >;
  const [rows, bucketSites, sites] = await Promise.all([
    store.query<{ at: Num; media_type: string; sentiment_label: string; documents: Num }>(
      'getEventSpread',
      q.series,
    ),
    store.query<{ at: Num; sites: Num }>('getEventSpread.bucketSites', q.bucketSites),
    store.query<{ site: string; media_type: string; documents: Num; first: Num }>(
      'getEventSpread.sites',
      q.sites,
    ),
  ]);
  const sitesAt = new Map(bucketSites.map((b) => [Number(b.at), Number(b.sites)]));
  const byAt = new Map<number, EventSpread['series'][number]>();
  for (const r of rows) {
    const at = Number(r.at);
    let point = byAt.get(at);
    if (!point) {
      point = {
        at,
        documents: 0,
        byMediaType: {},
        sentiment: { positive: 0, neutral: 0, negative: 0 },
        sites: sitesAt.get(at) ?? 0,
      };
      byAt.set(at, point);
    }
    const n = Number(r.documents);
    point.documents += n;
    point.byMediaType[r.media_type] = (point.byMediaType[r.media_type] ?? 0) + n;
    if (r.sentiment_label in point.sentiment) point.sentiment[r.sentiment_label as 'positive'] += n;
  }
  return {
    bucket,
    series: [...byAt.values()].sort((a, b) => a.at - b.at),
    topSites: sites.map((s) => ({
      site: s.site,
      mediaType: s.media_type,
      documents: Number(s.documents),
      first: Number(s.first),
    })),
  };
}
