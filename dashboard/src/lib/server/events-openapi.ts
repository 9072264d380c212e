import type { OpenApiHelpers } from './alerts-openapi.ts';

/** OpenAPI paths of events, built with the helpers of openapi.ts. */
export function eventPaths({
  q,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  const roles = '角色：leader、analyst（admin）。事件来自公开采集信息，不属于某个部门，各部门共享。';
  return {
    '/api/events': {
      get: {
        tags: ['events'],
        summary: '事件列表：标题、状态、首发、信息量、来源数、负面数、舆情指数与等级',
        description: roles,
        parameters: [
          q('state', '状态：active、closed', { type: 'string', enum: ['active', 'closed'] }),
          q('level', '预警等级：blue、yellow、orange、red', {
            type: 'string',
            enum: ['blue', 'yellow', 'orange', 'red'],
          }),
          q('order', '排序：last_seen（默认）、index、volume', {
            type: 'string',
            enum: ['last_seen', 'index', 'volume'],
          }),
          q('range', '最近活跃：7d、30d（默认）、all', { type: 'string', enum: ['7d', '30d', 'all'] }),
          q('limit', '条数 1–200，默认 100', { type: 'integer', minimum: 1, maximum: 200 }),
        ],
        responses: { 200: ok('{ items }'), ...errors(400, 401, 403) },
      },
    },
    '/api/events/{id}': {
      get: {
        tags: ['events'],
        summary: '事件详情：指数及其构成、情感与媒体构成、地区、人物、时间线、传播走势、转载链与核心节点',
        description: `${roles} personLinks 只含本部门及下级部门关注的人物。`,
        parameters: [idParam],
        responses: {
          200: ok(
            '{ event, sentiment, mediaTypes, regions, persons, index, timeline, spread, reprints, personLinks }',
          ),
          ...errors(400, 401, 403, 404),
        },
      },
    },
  };
}
