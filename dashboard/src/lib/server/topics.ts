import { error } from '@sveltejs/kit';
import type { WordGroups } from '@yuqing/analyzer';
import {
  getTopicDetail,
  getTopicDocuments,
  getTopicKeywordCounts,
  getTopics,
  getTopicTrend,
  type TopicDetail,
  type TopicDocument,
  type TopicSummary,
  type TopicTrend,
} from '@yuqing/schemas';
import { z } from 'zod';
import { COCKPIT_ROLES } from './access.ts';
import { analyzer } from './analyzer.ts';
import { appContext } from './context.ts';

/**
 * Hot topics (热点话题). They are built from crawled public content, which every department
 * shares, so leaders and analysts see them all.
 */
export const TOPIC_ROLES = COCKPIT_ROLES;
const TOPIC_STATES = ['emerging', 'rising', 'peak', 'declining', 'ended'] as const;
const SINCE_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;

export const TopicsQuerySchema = z.object({
  state: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(TOPIC_STATES, { message: `state 须为 ${TOPIC_STATES.join('、')} 之一` })))
    .optional(),
  range: z.enum(['24h', '7d', '30d', 'all'], { message: 'range 须为 24h、7d、30d 或 all' }).default('7d'),
  region: z
    .string()
    .regex(/^\d{2,6}$/, 'region 须为 2 到 6 位行政区划代码前缀')
    .optional(),
  order: z
    .enum(['velocity', 'volume', 'last_seen'], { message: 'order 须为 velocity、volume 或 last_seen' })
    .default('velocity'),
  minVolume: z.coerce.number().int().min(1, 'minVolume 须为正整数').max(1_000_000).default(2),
  limit: z.coerce
    .number({ message: 'limit 须为 1 到 200 之间的整数' })
    .int('limit 须为 1 到 200 之间的整数')
    .min(1, 'limit 须为 1 到 200 之间的整数')
    .max(200, 'limit 须为 1 到 200 之间的整数')
    .default(50),
});
export type TopicsQuery = z.infer<typeof TopicsQuerySchema>;

/** A province or city code covers the regions below it: `440000` → prefix `44`, `440100` → `4401`. */
function regionPrefix(code: string): string {
  return code.length === 6 ? code.replace(/(00)+$/, '') || code : code;
}

/** Names of GB/T 2260 codes from the analyzer's gazetteer; an unknown code names itself. */
async function regionNames(codes: Iterable<string>): Promise<Record<string, string>> {
  const divisions = (await analyzer()).getGazetteer().divisions;
  const out: Record<string, string> = {};
  for (const code of codes) out[code] = divisions.get(code)?.name ?? code;
  return out;
}

export async function listTopics(
  q: TopicsQuery,
  now = Date.now(),
): Promise<{ items: TopicSummary[]; regionNames: Record<string, string> }> {
  const items = await getTopics(appContext().store, {
    states: q.state,
    since: q.range === 'all' ? undefined : new Date(now - SINCE_MS[q.range]).toISOString(),
    region: q.region ? regionPrefix(q.region) : undefined,
    orderBy: q.order,
    minVolume: q.minVolume,
    limit: q.limit,
  });
  return { items, regionNames: await regionNames(items.flatMap((t) => t.regionCodes.slice(0, 5))) };
}

export interface TopicPage {
  topic: TopicDetail;
  trend: TopicTrend;
  latest: TopicDocument[];
  earliest: TopicDocument[];
  regionNames: Record<string, string>;
  /** Its keywords, how often they occur together and the groups they form (词群关系). */
  wordGroups: WordGroups;
}

/** A topic with its trend and documents; a topic merged into another answers with that one's id. */
export async function topicPage(id: string): Promise<TopicPage | { mergedInto: string }> {
  if (id.length > 128) error(400, { message: '话题 id 过长', code: 'bad_request', field: 'id' });
  const { store } = appContext();
  const topic = await getTopicDetail(store, id);
  if (!topic) error(404, { message: '话题不存在', code: 'not_found' });
  if (topic.mergedInto) return { mergedInto: topic.mergedInto };
  const [trend, latest, earliest, counts, { wordGroups }] = await Promise.all([
    getTopicTrend(store, id, topic),
    getTopicDocuments(store, id, 'newest', 50),
    getTopicDocuments(store, id, 'earliest', 5),
    getTopicKeywordCounts(store, id),
    analyzer(),
  ]);
  return {
    topic,
    trend,
    latest,
    earliest,
    regionNames: await regionNames(Object.keys(topic.regionCounts)),
    wordGroups: wordGroups(counts.words, counts.pairs),
  };
}
