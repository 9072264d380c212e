import { BREAKDOWN_DIMENSIONS, MEDIA_TYPES, ROLES } from '@yuqing/schemas';
import { z } from 'zod';
import { alertPaths } from './alerts-openapi.ts';
import { eventPaths } from './events-openapi.ts';
import { mailboxPaths } from './mailbox/openapi.ts';
import { planPaths } from './plans-openapi.ts';
import { publishPaths } from './publish/openapi.ts';
import { reportPaths } from './reports-openapi.ts';
import { LoginBodySchema } from './requests.ts';
import {
  ChangePasswordSchema,
  CreateDepartmentSchema,
  CreateUserSchema,
  UpdateDepartmentSchema,
  UpdateUserSchema,
} from './requests-admin.ts';
import { sourcePaths } from './sources-openapi.ts';
import { topicPaths } from './topics-openapi.ts';

/**
 * The OpenAPI 3.1 description of the JSON API, served at GET /api/openapi.json. Request bodies
 * come from the zod schemas the routes validate with; query parameters are listed here.
 */

type Json = Record<string, unknown>;

const body = (schema: z.ZodType): Json => ({
  required: true,
  content: {
    'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
  },
});

const q = (name: string, description: string, schema: Json = { type: 'string' }, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const idParam: Json = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const ok = (description: string, schema: Json = { type: 'object' }): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...codes: number[]): Json =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description:
          {
            400: '参数无效',
            401: '未登录',
            403: '无权限',
            404: '不存在',
            409: '冲突',
            413: '文件过大',
            422: '检查未通过',
            429: '登录过于频繁',
          }[c] ?? '',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

const range = [
  q('range', '时间范围；默认 today', { type: 'string', enum: ['today', '7d', '30d', 'custom'] }),
  q('from', 'custom 的开始（ISO 8601）', { type: 'string', format: 'date-time' }),
  q('to', 'custom 的结束（ISO 8601，不含）', { type: 'string', format: 'date-time' }),
  q('fromDate', 'custom 的开始日（北京时间 YYYY-MM-DD）'),
  q('toDate', 'custom 的结束日（含）'),
];

const searchFilters = [
  q('q', '检索式：空格 = AND，OR 或 |，-词 / NOT 词，"短语"（jieba 分词后在 tokens 全文索引上检索）'),
  q('from', '开始时间（ISO 8601）', { type: 'string', format: 'date-time' }),
  q('to', '结束时间（ISO 8601，不含）', { type: 'string', format: 'date-time' }),
  q('source', '来源，逗号分隔'),
  q('mediaType', `媒体类型，逗号分隔：${MEDIA_TYPES.join(', ')}`),
  q('sentiment', '情感，逗号分隔：negative, neutral, positive'),
  q('category', '分类，逗号分隔'),
  q('region', '6 位行政区划代码，逗号分隔（省级代码含其下全部地区）'),
  q('minSensitivity', '最低敏感度 0–100', { type: 'integer', minimum: 0, maximum: 100 }),
];

const cockpit = (summary: string, extra: Json[] = []): Json => ({
  get: {
    tags: ['cockpit'],
    summary,
    description: '角色：leader、analyst（admin 全部可见）。读取物化视图汇总表。',
    parameters: [...range, ...extra],
    responses: { 200: ok(summary), ...errors(400, 401, 403) },
  },
});

export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'yuqing 舆情监测 API',
      version: '0.1.0',
      description:
        '会话保存在 HttpOnly Cookie `yuqing_session` 中（POST /api/session 登录）。未登录返回 401；参数错误返回 400，' +
        '错误体统一为 {"error":{"code","message","field"}}。',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yuqing_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
              },
            },
          },
        },
        User: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            username: { type: 'string' },
            displayName: { type: 'string' },
            roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
            departmentId: { type: 'string' },
            disabled: { type: 'boolean' },
          },
        },
        Department: {
          type: 'object',
          properties: { id: { type: 'string' }, parentId: { type: 'string' }, name: { type: 'string' } },
        },
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/health': {
        get: {
          tags: ['system'],
          summary: '存活检查与文档计数（无需登录）',
          security: [],
          responses: { 200: ok('状态') },
        },
      },
      '/api/openapi.json': {
        get: { tags: ['system'], summary: '本文档', responses: { 200: ok('OpenAPI 3.1'), ...errors(401) } },
      },
      '/api/session': {
        post: {
          tags: ['session'],
          summary: '登录',
          security: [],
          requestBody: body(LoginBodySchema),
          responses: { 200: ok('已登录，设置 Cookie'), ...errors(400, 401, 429) },
        },
        get: { tags: ['session'], summary: '当前用户', responses: { 200: ok('用户'), ...errors(401) } },
        delete: { tags: ['session'], summary: '退出登录', responses: { 204: { description: '已退出' } } },
      },
      '/api/account/password': {
        post: {
          tags: ['session'],
          summary: '修改自己的密码（需原密码）',
          requestBody: body(ChangePasswordSchema),
          responses: { 204: { description: '已修改' }, ...errors(400, 401) },
        },
      },
      '/api/documents': {
        get: {
          tags: ['documents'],
          summary: '检索信息（按时间倒序，游标分页）',
          parameters: [
            ...searchFilters,
            q('limit', '每页条数 1–200，默认 20', { type: 'integer', minimum: 1, maximum: 200 }),
            q('cursor', '上一页返回的 nextCursor'),
          ],
          responses: { 200: ok('{ items, nextCursor, total, highlight }'), ...errors(400, 401) },
        },
      },
      '/api/documents/export': {
        get: {
          tags: ['documents'],
          summary: '导出全部检索结果（流式，不设上限，记入审计）',
          description: '角色：analyst、editor（admin）。',
          parameters: [
            q('format', 'csv（带 BOM）或 xlsx', { type: 'string', enum: ['csv', 'xlsx'] }),
            ...searchFilters,
          ],
          responses: {
            200: {
              description: '文件',
              content: {
                'text/csv': {},
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
              },
            },
            ...errors(400, 401, 403),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          tags: ['documents'],
          summary: '文档详情：正文、来源链接、分类、情感及依据、敏感度及命中词、地区、人物机构地点',
          parameters: [idParam],
          responses: { 200: ok('{ document }'), ...errors(400, 401, 404) },
        },
      },
      '/api/volume': {
        get: {
          tags: ['cockpit'],
          summary: '信息量趋势（原始采集量，按小时汇总表）',
          parameters: [
            q('from', '开始（ISO 8601）'),
            q('to', '结束（ISO 8601）'),
            q('bucket', 'hour 或 day', { type: 'string', enum: ['hour', 'day'] }),
          ],
          responses: { 200: ok('{ from, to, bucket, points }'), ...errors(400, 401) },
        },
      },
      '/api/cockpit/summary': cockpit('信息量及环比、负面占比、敏感信息数'),
      '/api/cockpit/trend': cockpit('按小时/日的信息量与情感走势'),
      '/api/cockpit/breakdown': cockpit('按维度统计（分类、媒体类型、省份、情感）', [
        q('dimension', '维度', { type: 'string', enum: [...BREAKDOWN_DIMENSIONS] }, true),
      ]),
      '/api/cockpit/cities': cockpit('城市排行；带 province 时为该省的下钻', [
        q('province', '省级代码，如 440000'),
      ]),
      '/api/cockpit/keywords': cockpit('热词（词云）'),
      '/api/cockpit/risks': cockpit('最新负面与敏感信息'),
      '/api/cockpit/opinion-index': cockpit(
        '时段舆情指数：活跃话题与事件的最高指数及其预警等级、按信息量加权的平均指数',
      ),
      '/api/cockpit/alerts': cockpit('时段内本部门及下级部门的预警，按等级（全部与未解决）'),
      '/api/cockpit/topics': cockpit('时段内活跃的热点话题，按舆情指数排序', [
        q('limit', '条数 1–50，默认 10', { type: 'integer', minimum: 1, maximum: 50 }),
      ]),
      '/api/cockpit/events': cockpit('时段内活跃的重点事件，按舆情指数排序', [
        q('limit', '条数 1–50，默认 10', { type: 'integer', minimum: 1, maximum: 50 }),
      ]),
      '/api/departments': {
        get: {
          tags: ['organisation'],
          summary: '可见部门：本部门及下级（管理员为全部）',
          responses: { 200: ok('{ items }'), ...errors(401) },
        },
      },
      '/api/departments/{id}': {
        get: {
          tags: ['organisation'],
          summary: '部门及成员；不在可见范围内时 404',
          parameters: [idParam],
          responses: { 200: ok('{ department, members }'), ...errors(401, 404) },
        },
      },
      '/api/admin/users': {
        get: {
          tags: ['admin'],
          summary: '全部用户',
          responses: { 200: ok('{ items }'), ...errors(401, 403) },
        },
        post: {
          tags: ['admin'],
          summary: '创建用户',
          requestBody: body(CreateUserSchema),
          responses: { 201: ok('{ user }'), ...errors(400, 401, 403, 409) },
        },
      },
      '/api/admin/users/{id}': {
        patch: {
          tags: ['admin'],
          summary: '修改用户（姓名、角色、部门、停用、重置密码）',
          parameters: [idParam],
          requestBody: body(UpdateUserSchema),
          responses: { 200: ok('{ user }'), ...errors(400, 401, 403, 404) },
        },
      },
      '/api/admin/departments': {
        get: {
          tags: ['admin'],
          summary: '部门树（扁平列表）',
          responses: { 200: ok('{ items }'), ...errors(401, 403) },
        },
        post: {
          tags: ['admin'],
          summary: '创建部门',
          requestBody: body(CreateDepartmentSchema),
          responses: { 201: ok('{ department }'), ...errors(400, 401, 403) },
        },
      },
      '/api/admin/departments/{id}': {
        patch: {
          tags: ['admin'],
          summary: '重命名或移动部门（不能移到自身之下）',
          parameters: [idParam],
          requestBody: body(UpdateDepartmentSchema),
          responses: { 200: ok('{ department }'), ...errors(400, 401, 403, 404) },
        },
        delete: {
          tags: ['admin'],
          summary: '删除空部门',
          parameters: [idParam],
          responses: { 204: { description: '已删除' }, ...errors(401, 403, 404, 409) },
        },
      },
      ...alertPaths({ body, q, ok, errors, idParam }),
      ...topicPaths({ body, q, ok, errors, idParam }),
      ...eventPaths({ body, q, ok, errors, idParam }),
      ...mailboxPaths({ body, q, ok, errors, idParam }),
      ...publishPaths({ body, q, ok, errors, idParam }),
      ...reportPaths({ body, q, ok, errors, idParam }),
      ...sourcePaths({ body, q, ok, errors, idParam }),
      ...planPaths({ body, q, ok, errors, idParam }),
      '/api/admin/audit': {
        get: {
          tags: ['admin'],
          summary: '审计日志（登录、导出、账号与部门变更）',
          parameters: [
            q('from', '开始（ISO 8601），默认 30 天前'),
            q('to', '结束（ISO 8601）'),
            q('action', '动作或前缀（以 . 结尾），如 login、user.'),
            q('actorId', '操作人 id'),
            q('before', '上一页返回的 nextBefore'),
            q('limit', '条数 1–500', { type: 'integer', minimum: 1, maximum: 500 }),
          ],
          responses: { 200: ok('{ items, nextBefore }'), ...errors(400, 401, 403) },
        },
      },
    },
  };
}
