import type { BuiltQuery, Store } from '../store/engine.ts';

/** A plan's own statistics (专题统计) over the documents it matched under its current criteria. */
export interface PlanStats {
  planId: string;
  documents: number;
  sentiment: { positive: number; neutral: number; negative: number };
  /** One row per UTC day that has documents, oldest first. */
  daily: Array<{
    day: string;
    documents: number;
    negative: number;
    positive: number;
    avgSensitivity: number;
  }>;
  topSources: Array<{ source: string; documents: number }>;
  regions: Array<{ code: string; name: string; documents: number }>;
  sensitivity: {
    max: number;
    avg: number;
    /** Documents with sensitivity in [0,40), [40,60), [60,80), [80,100]. */
    buckets: { low: number; medium: number; high: number; severe: number };
    categories: Array<{ category: string; documents: number }>;
  };
}

export interface PlanStatsRange {
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
}

/** The plan's documents as a subquery; rows tagged under older criteria do not count. */
function planDocuments(range: PlanStatsRange): string {
  const time: string[] = [];
  if (range.since !== undefined) time.push("event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')");
  if (range.until !== undefined) time.push("event_time < fromUnixTimestamp64Milli({until:Int64}, 'UTC')");
  return `(SELECT *, event_time FROM documents FINAL WHERE id IN (
      SELECT document_id FROM plan_documents FINAL
      WHERE plan_id = {planId:String}
        AND match_version = (SELECT argMax(match_version, version) FROM plans WHERE id = {planId:String})
        ${time.map((t) => `AND ${t}`).join(' ')}))`;
}

export function buildPlanStatsQueries(
  planId: string,
  range: PlanStatsRange = {},
): Record<string, BuiltQuery> {
  const params: Record<string, unknown> = { planId };
  if (range.since !== undefined) params.since = range.since;
  if (range.until !== undefined) params.until = range.until;
  const docs = planDocuments(range);
  return {
    daily: {
      query: `SELECT toString(toDate(event_time)) AS day, count() AS documents,
          countIf(sentiment_label = 'negative') AS negative, countIf(sentiment_label = 'positive') AS positive,
          avg(sensitivity_score) AS avg_sensitivity, max(sensitivity_score) AS max_sensitivity
        FROM ${docs} GROUP BY day ORDER BY day`,
      params,
    },
    sources: {
      query: `SELECT source, count() AS documents FROM ${docs} GROUP BY source ORDER BY documents DESC, source LIMIT 10`,
      params,
    },
    regions: {
      query: `SELECT code, any(name) AS name, count() AS documents
        FROM ${docs} ARRAY JOIN region_codes AS code, region_names AS name
        GROUP BY code ORDER BY documents DESC, code LIMIT 20`,
      params,
    },
    categories: {
      query: `SELECT category, count() AS documents
        FROM ${docs} ARRAY JOIN sensitivity_categories AS category
        GROUP BY category ORDER BY documents DESC, category LIMIT 10`,
      params,
    },
    buckets: {
      query: `SELECT countIf(sensitivity_score < 40) AS low,
          countIf(sensitivity_score >= 40 AND sensitivity_score < 60) AS medium,
          countIf(sensitivity_score >= 60 AND sensitivity_score < 80) AS high,
          countIf(sensitivity_score >= 80) AS severe
        FROM ${docs}`,
      params,
    },
  };
}

type Num = number | string;

export async function getPlanStats(
  store: Store,
  planId: string,
  range: PlanStatsRange = {},
): Promise<PlanStats> {
  const q = buildPlanStatsQueries(planId, range);
  const [daily, sources, regions, categories, buckets] = await Promise.all([
    store.query<{
      day: string;
      documents: Num;
      negative: Num;
      positive: Num;
      avg_sensitivity: Num;
      max_sensitivity: Num;
    }>('getPlanStats.daily', q.daily as BuiltQuery),
    store.query<{ source: string; documents: Num }>('getPlanStats.sources', q.sources as BuiltQuery),
    store.query<{ code: string; name: string; documents: Num }>(
      'getPlanStats.regions',
      q.regions as BuiltQuery,
    ),
    store.query<{ category: string; documents: Num }>('getPlanStats.categories', q.categories as BuiltQuery),
    store.query<{ low: Num; medium: Num; high: Num; severe: Num }>(
      'getPlanStats.buckets',
      q.buckets as BuiltQuery,
    ),
  ]);
  let documents = 0;
  let negative = 0;
  let positive = 0;
  let sensitivitySum = 0;
  let max = 0;
  for (const d of daily) {
    documents += Number(d.documents);
    negative += Number(d.negative);
    positive += Number(d.positive);
    sensitivitySum += Number(d.avg_sensitivity) * Number(d.documents);
    max = Math.max(max, Number(d.max_sensitivity));
  }
  const b = buckets[0];
  return {
    planId,
    documents,
    sentiment: { positive, neutral: documents - negative - positive, negative },
    daily: daily.map((d) => ({
      day: d.day,
      documents: Number(d.documents),
      negative: Number(d.negative),
      positive: Number(d.positive),
      avgSensitivity: Math.round(Number(d.avg_sensitivity) * 10) / 10,
    })),
    topSources: sources.map((s) => ({ source: s.source, documents: Number(s.documents) })),
    regions: regions.map((r) => ({ code: r.code, name: r.name, documents: Number(r.documents) })),
    sensitivity: {
      max,
      avg: documents === 0 ? 0 : Math.round((sensitivitySum / documents) * 10) / 10,
      buckets: {
        low: Number(b?.low ?? 0),
        medium: Number(b?.medium ?? 0),
        high: Number(b?.high ?? 0),
        severe: Number(b?.severe ?? 0),
      },
      categories: categories.map((c) => ({ category: c.category, documents: Number(c.documents) })),
    },
  };
}
