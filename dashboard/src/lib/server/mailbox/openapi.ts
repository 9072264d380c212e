import type { OpenApiHelpers } from '../alerts-openapi.ts';
import { CreateLetterSchema, InstructionSchema, TransitionSchema } from './requests.ts';

/** OpenAPI paths of the citizen mailbox, built with the helpers of openapi.ts. */
export function mailboxPaths({
  body,
  q,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  const readers =
    '角色：editor、leader（admin 全部）。只返回本部门及下级部门的信件；其他部门的信件按不存在（404）处理。电话、身份证号仅对 editor 显示，其他角色为掩码。';
  const handlers = '角色：editor（信箱办理人员；门户以 editor 账号的会话调用）（admin 全部）。';
  return {
    '/api/mailbox/letters': {
      get: {
        tags: ['mailbox'],
        summary: '信件列表（最新在前）：状态、承办部门、类别、时间筛选',
        description: readers,
        parameters: [
          q('state', '状态，逗号分隔：received, assigned, replying, replied, closed'),
          q('department', '承办部门'),
          q('category', '一级类别（问政分类 15 类）'),
          q('from', '收信时间起（ISO 8601）'),
          q('to', '收信时间止（不含）'),
          q('limit', '条数 1–500，默认 50', { type: 'integer', minimum: 1, maximum: 500 }),
          q('offset', '偏移', { type: 'integer', minimum: 0 }),
        ],
        responses: { 200: ok('{ items }'), ...errors(400, 401, 403) },
      },
      post: {
        tags: ['mailbox'],
        summary:
          '门户提交信件：自动分类、建议承办部门、紧急程度、情感、相似来信，按类别设定办结时限；同一 id 重复提交返回已存信件',
        description: handlers,
        requestBody: body(CreateLetterSchema),
        responses: {
          200: ok('{ letter, created: false }'),
          201: ok('{ letter, created: true }'),
          ...errors(400, 401, 403),
        },
      },
    },
    '/api/mailbox/letters/{id}': {
      get: {
        tags: ['mailbox'],
        summary: '信件详情与办理记录（状态变更、批示）；查看记入审计日志',
        description: readers,
        parameters: [idParam],
        responses: { 200: ok('{ letter, events }'), ...errors(401, 403, 404) },
      },
    },
    '/api/mailbox/letters/{id}/transitions': {
      post: {
        tags: ['mailbox'],
        summary: '办理流转：received → assigned → replying → replied → closed（答复时自动检查答复质量）',
        description: handlers,
        parameters: [idParam],
        requestBody: body(TransitionSchema),
        responses: { 200: ok('{ letter }'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/mailbox/letters/{id}/instructions': {
      post: {
        tags: ['mailbox'],
        summary: '领导批示',
        description: '角色：leader（admin 全部）。',
        parameters: [idParam],
        requestBody: body(InstructionSchema),
        responses: { 201: ok('{ event }'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mailbox/import': {
      post: {
        tags: ['mailbox'],
        summary:
          '导入信件（CSV 或 XLSX，首行为表头：留言编号、留言主题、留言详情、留言时间、联系电话 …）；逐行分类入库，问题行返回行号',
        description: handlers,
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' } },
                required: ['file'],
              },
            },
          },
        },
        responses: { 201: ok('{ created, existing, problems }'), ...errors(400, 401, 403, 413) },
      },
    },
    '/api/mailbox/due': {
      get: {
        tags: ['mailbox'],
        summary: '催办提醒：临近办结时限与已超期的未答复信件',
        description: readers,
        parameters: [q('withinHours', '多少小时内到期，默认 24', { type: 'number', minimum: 0 })],
        responses: { 200: ok('{ items }'), ...errors(400, 401, 403) },
      },
    },
    '/api/mailbox/stats': {
      get: {
        tags: ['mailbox'],
        summary: '按承办部门统计：收信、未办结、已答复、已办结、超期、按时答复率、平均答复用时',
        description: readers,
        parameters: [
          q('from', '收信时间起（ISO 8601）', { type: 'string' }, true),
          q('to', '收信时间止（不含）', { type: 'string' }, true),
        ],
        responses: { 200: ok('{ items }'), ...errors(400, 401, 403) },
      },
    },
  };
}
