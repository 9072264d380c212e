import type { OpenApiHelpers } from './alerts-openapi.ts';
import { CreatePersonSchema, UpdatePersonSchema } from './people-requests.ts';
import { CreatePlanSchema, UpdatePlanSchema } from './plans-requests.ts';

/** OpenAPI paths of monitoring plans (专题) and the people watch list, built with openapi.ts's helpers. */
export function planPaths({
  body,
  q,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  const readers =
    '角色：leader、analyst 查看（admin 全部）；analyst、admin 维护本部门及下级部门的方案。可见：本部门及下级部门的方案、上级部门共享给下级的方案（subtree）、全部共享的方案（all）；其他部门的私有方案按不存在（404）处理。';
  const people =
    '角色：leader、analyst 查看，analyst、admin 维护（admin 全部）。关注名单属于部门：可见本部门及下级部门的名单，其他按不存在（404）处理。';
  const tags = ['plans'];
  return {
    '/api/plans': {
      get: {
        tags,
        summary: '监测方案列表',
        description: readers,
        responses: { 200: ok('{ items }'), ...errors(401, 403) },
      },
      post: {
        tags,
        summary: '新建监测方案（关键词表达式 AND/OR/NOT/NEAR、人物、地区、排除、共享），并回溯历史信息',
        description: `${readers} 表达式有误时返回 400，field 为 expression（或 exclusions.N），message 含出错位置。`,
        requestBody: body(CreatePlanSchema),
        responses: { 201: ok('{ plan, backfill }'), ...errors(400, 401, 403) },
      },
    },
    '/api/plans/{id}': {
      get: {
        tags,
        summary: '监测方案',
        description: readers,
        parameters: [idParam],
        responses: { 200: ok('{ plan, canManage }'), ...errors(401, 403, 404) },
      },
      put: {
        tags,
        summary: '修改监测方案（匹配条件变化时重新回溯）',
        description: readers,
        parameters: [idParam],
        requestBody: body(UpdatePlanSchema),
        responses: { 200: ok('{ plan, backfill? }'), ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags,
        summary: '删除监测方案',
        description: readers,
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, ...errors(401, 403, 404) },
      },
    },
    '/api/plans/{id}/stats': {
      get: {
        tags,
        summary: '方案统计：每日信息量、情感构成、来源、地区、敏感度',
        description: readers,
        parameters: [
          idParam,
          q('days', '最近天数 1–365，默认 30', { type: 'integer', minimum: 1, maximum: 365 }),
        ],
        responses: { 200: ok('{ stats }'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/plans/{id}/backfill': {
      post: {
        tags,
        summary: '按当前条件重新回溯方案的历史信息',
        description: readers,
        parameters: [idParam],
        responses: { 200: ok('{ backfill: { scanned, matched } }'), ...errors(401, 403, 404, 409) },
      },
    },
    '/api/people': {
      get: {
        tags: ['people'],
        summary: '关注人物名单',
        description: people,
        responses: { 200: ok('{ items }'), ...errors(401, 403) },
      },
      post: {
        tags: ['people'],
        summary: '添加关注人物（姓名、别名、职务、部门），并回溯历史提及',
        description: people,
        requestBody: body(CreatePersonSchema),
        responses: { 201: ok('{ person, backfill }'), ...errors(400, 401, 403) },
      },
    },
    '/api/people/suggestions': {
      get: {
        tags: ['people'],
        summary: '建议关注：近期常被提及、尚未在任何名单中的人物',
        description: people,
        parameters: [
          q('days', '最近天数 1–90，默认 7', { type: 'integer', minimum: 1, maximum: 90 }),
          q('limit', '条数 1–100，默认 20', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        responses: { 200: ok('{ items, canAdd }'), ...errors(400, 401, 403) },
      },
    },
    '/api/people/{id}': {
      get: {
        tags: ['people'],
        summary: '关注人物',
        description: people,
        parameters: [idParam],
        responses: { 200: ok('{ person, canManage }'), ...errors(401, 403, 404) },
      },
      put: {
        tags: ['people'],
        summary: '修改关注人物（新姓名或别名会回溯历史）',
        description: people,
        parameters: [idParam],
        requestBody: body(UpdatePersonSchema),
        responses: { 200: ok('{ person, backfill? }'), ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags: ['people'],
        summary: '移出关注名单',
        description: people,
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, ...errors(401, 403, 404) },
      },
    },
  };
}
