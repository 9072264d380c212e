import type { BuiltQuery, Store } from '../store/engine.ts';
import type { FirstReport } from '../writes-events.ts';

/**
 * What the opinion index and the event thresholds need to know about some topics: their
 * documents counted per source, negatives, sensitivity, documents in the home regions, the first
 * report, and the topic's label and velocity from `topics`.
 */
export interface TopicStats {
  topicId: string;
  label: string;
  keywords: string[];
  representativeTitle: string;
  velocity: number;
  volume: number;
  negative: number;
  maxSensitivity: number;
  sumSensitivity: number;
  home: number;
  bySource: Array<{ source: string; mediaType: string; documents: number }>;
  firstReport: FirstReport;
  lastSeen: number;
}

/**
 * `home` holds region-code prefixes (3301 covers 330106); empty counts nothing as home. The newest
 * row per document is picked after the topic filter (the skip index on topic_id applies), which is
 * ~8× faster than FINAL on 100k documents; a re-analysed document keeps its topic.
 */
export function buildEventTopicStatsQuery(topicIds: readonly string[], home: readonly string[]): BuiltQuery {
  return {
    query: `SELECT topic_id, source, media_type, count() AS documents,
        countIf(sentiment_label = 'negative') AS negative,
        max(sensitivity_score) AS max_sensitivity, sum(sensitivity_score) AS sum_sensitivity,
        countIf(arrayExists(c -> arrayExists(h -> startsWith(c, h), {home:Array(String)}), region_codes)) AS home,
        toUnixTimestamp64Milli(min(event_time)) AS first_time,
        toUnixTimestamp64Milli(max(event_time)) AS last_time,
        argMin(id, event_time) AS first_id, argMin(site, event_time) AS first_site,
        argMin(title, event_time) AS first_title, argMin(url, event_time) AS first_url
      FROM (SELECT id, topic_id, source, media_type, site, title, url, sentiment_label, sensitivity_score,
          region_codes, event_time
        FROM documents WHERE topic_id IN {ids:Array(String)}
        ORDER BY id, analyzed_at DESC LIMIT 1 BY id)
      GROUP BY topic_id, source, media_type`,
    params: { ids: topicIds, home },
  };
}

export function buildTopicHeadsQuery(topicIds: readonly string[]): BuiltQuery {
  return {
    query: `SELECT id, label, keywords, representative_title, velocity
      FROM topics FINAL WHERE id IN {ids:Array(String)}`,
    params: { ids: topicIds },
  };
}

interface StatsRow {
  topic_id: string;
  source: string;
  media_type: string;
  documents: number | string;
  negative: number | string;
  max_sensitivity: number | string;
  sum_sensitivity: number | string;
  home: number | string;
  first_time: number | string;
  last_time: number | string;
  first_id: string;
  first_site: string;
  first_title: string;
  first_url: string;
}

interface HeadRow {
  id: string;
  label: string;
  keywords: string[];
  representative_title: string;
  velocity: number;
}

export async function getEventTopicStats(
  store: Store,
  topicIds: readonly string[],
  home: readonly string[] = [],
): Promise<Map<string, TopicStats>> {
  const out = new Map<string, TopicStats>();
  if (topicIds.length === 0) return out;
  const [rows, heads] = await Promise.all([
    store.query<StatsRow>('getEventTopicStats', buildEventTopicStatsQuery(topicIds, home)),
    store.query<HeadRow>('getEventTopicHeads', buildTopicHeadsQuery(topicIds)),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h]));
  for (const r of rows) {
    const firstTime = Number(r.first_time);
    let s = out.get(r.topic_id);
    if (!s) {
      const head = headOf.get(r.topic_id);
      s = {
        topicId: r.topic_id,
        label: head?.label ?? '',
        keywords: head?.keywords ?? [],
        representativeTitle: head?.representative_title ?? '',
        velocity: Number(head?.velocity ?? 0),
        volume: 0,
        negative: 0,
        maxSensitivity: 0,
        sumSensitivity: 0,
        home: 0,
        bySource: [],
        firstReport: { docId: '', time: Number.POSITIVE_INFINITY, site: '', source: '', title: '', url: '' },
        lastSeen: 0,
      };
      out.set(r.topic_id, s);
    }
    const documents = Number(r.documents);
    s.volume += documents;
    s.negative += Number(r.negative);
    s.maxSensitivity = Math.max(s.maxSensitivity, Number(r.max_sensitivity));
    s.sumSensitivity += Number(r.sum_sensitivity);
    s.home += Number(r.home);
    s.bySource.push({ source: r.source, mediaType: r.media_type, documents });
    s.lastSeen = Math.max(s.lastSeen, Number(r.last_time));
    if (
      firstTime < s.firstReport.time ||
      (firstTime === s.firstReport.time && r.first_id < s.firstReport.docId)
    ) {
      s.firstReport = {
        docId: r.first_id,
        time: firstTime,
        site: r.first_site,
        source: r.source,
        title: r.first_title,
        url: r.first_url,
      };
    }
  }
  return out;
}
