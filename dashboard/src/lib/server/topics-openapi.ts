import type { OpenApiHelpers } from './alerts-openapi.ts';

/** OpenAPI paths of the hot topics, built with the helpers of openapi.ts. */
export function topicPaths({
  q,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  const roles = '角色：leader、analyst（admin）。话题来自公开采集信息，各部门共享。';
  return {
    '/api/topics': {
      get: {
        tags: ['topics'],
        summary: '热点话题：标题、阶段、信息量、速度、来源数、情感构成、地区、首次与最近出现',
        description: roles,
        parameters: [
          q('state', '阶段，逗号分隔：emerging, rising, peak, declining, ended'),
          q('range', '最近活跃：24h、7d（默认）、30d、all', {
            type: 'string',
            enum: ['24h', '7d', '30d', 'all'],
          }),
          q('region', '行政区划代码或其前缀（省、市含其下地区）'),
          q('order', '排序：velocity（默认）、volume、last_seen', {
            type: 'string',
            enum: ['velocity', 'volume', 'last_seen'],
          }),
          q('minVolume', '最少信息量，默认 2', { type: 'integer', minimum: 1 }),
          q('limit', '条数 1–200，默认 50', { type: 'integer', minimum: 1, maximum: 200 }),
        ],
        responses: { 200: ok('{ items, regionNames }'), ...errors(400, 401, 403) },
      },
    },
    '/api/topics/{id}': {
      get: {
        tags: ['topics'],
        summary:
          '话题详情：按情感的走势、媒体分布、首发与最新信息、词群关系（关键词、同现与词群）；已合并的话题返回 { mergedInto }',
        description: roles,
        parameters: [idParam],
        responses: {
          200: ok('{ topic, trend, latest, earliest, regionNames, wordGroups } 或 { mergedInto }'),
          ...errors(400, 401, 403, 404),
        },
      },
    },
  };
}
