import type { OpenApiHelpers } from '../alerts-openapi.ts';
import {
  ActionBodySchema,
  CreateDraftSchema,
  DRAFT_ACTION_VALUES,
  DRAFT_STATE_VALUES,
  EditDraftSchema,
  TargetSchema,
} from './requests.ts';

/**
 * OpenAPI paths of publishing (portal-adapter/PUBLISHING.md) and the public per-column feeds,
 * built with the helpers of openapi.ts.
 */
export function publishPaths({
  body,
  q,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  const editors =
    '角色：editor、chief_editor（admin 全部）。只返回本部门及下级部门的稿件；其他部门的稿件按不存在（404）处理。';
  const actionParam = {
    name: 'action',
    in: 'path',
    required: true,
    description:
      'submit 送审、publish 发布、retry 重新投递、archive 归档（editor、chief_editor）；approve 审核通过（不能审核自己送审的稿件）、reject 退回（须填 reason）、withdraw 撤回（chief_editor）；admin 全部',
    schema: { type: 'string', enum: [...DRAFT_ACTION_VALUES] },
  };
  return {
    '/api/publish/drafts': {
      get: {
        tags: ['publish'],
        summary: '稿件列表（最近修改在前），每条附当前用户可执行的操作 actions',
        description: editors,
        parameters: [
          q('state', `状态，逗号分隔：${DRAFT_STATE_VALUES.join(', ')}`),
          q('column', '栏目'),
          q('limit', '条数 1–500，默认 50', { type: 'integer', minimum: 1, maximum: 500 }),
          q('offset', '偏移', { type: 'integer', minimum: 0, maximum: 100_000 }),
        ],
        responses: { 200: ok('{ items }'), ...errors(400, 401, 403) },
      },
      post: {
        tags: ['publish'],
        summary: '把一条已分析的信息拉入稿件（每个栏目一条未结稿件），稿件属于当前用户的部门',
        description: editors,
        requestBody: body(CreateDraftSchema),
        responses: { 201: ok('{ draft }'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/publish/drafts/{id}': {
      get: {
        tags: ['publish'],
        summary: '稿件详情：办理记录（publish_events）、各发布目标的投递情况、当前用户可执行的操作',
        description: editors,
        parameters: [idParam],
        responses: { 200: ok('{ draft, events, publications, actions }'), ...errors(400, 401, 403, 404) },
      },
      patch: {
        tags: ['publish'],
        summary:
          '编辑稿件（草稿、已退回、已审核、已撤回状态；后两者回到草稿）；expectedVersion 不是当前版本时 409',
        description: editors,
        parameters: [idParam],
        requestBody: body(EditDraftSchema),
        responses: { 200: ok('{ draft }'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/publish/drafts/{id}/check': {
      post: {
        tags: ['publish'],
        summary: '发布前检查：错别字、敏感词、禁用人名（送审、审核、发布时自动检查，有错误时拒绝）',
        description: editors,
        parameters: [idParam],
        responses: { 200: ok('{ check }'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/publish/drafts/{id}/{action}': {
      post: {
        tags: ['publish'],
        summary:
          '状态变更：draft → pending_review → approved → published → withdrawn，reject、archive；不允许的变更 409 并说明允许的状态，检查未通过 422',
        description: editors,
        parameters: [idParam, actionParam],
        requestBody: { ...body(ActionBodySchema), required: false },
        responses: {
          200: ok('{ draft, publications }'),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    '/api/publish/targets': {
      get: {
        tags: ['publish'],
        summary: '发布目标（内置订阅源在前；密钥不返回）',
        description: '角色：editor、chief_editor（admin）。',
        responses: { 200: ok('{ items }'), ...errors(401, 403) },
      },
      post: {
        tags: ['publish'],
        summary: '新建或替换发布目标（feed、webhook、wordpress），记入审计日志',
        description: '角色：admin。',
        requestBody: body(TargetSchema),
        responses: { 200: ok('{ target }'), ...errors(400, 401, 403) },
      },
    },
    '/feeds/{column}/{format}': {
      get: {
        tags: ['publish'],
        summary:
          '栏目订阅源（门户拉取，无需登录）：rss.xml（RSS 2.0）、atom.xml（Atom）、feed.json（JSON Feed 1.1）；只含已发布且未撤回的信息，最新 50 条；支持 ETag / Last-Modified 条件请求',
        security: [],
        parameters: [
          { name: 'column', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'format',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['rss.xml', 'atom.xml', 'feed.json'] },
          },
        ],
        responses: {
          200: {
            description: '订阅源',
            content: {
              'application/rss+xml': {},
              'application/atom+xml': {},
              'application/feed+json': {},
            },
          },
          304: { description: '未修改' },
          ...errors(404),
        },
      },
    },
  };
}
