import { ALERT_LEVELS, ALERT_STATES } from '@yuqing/schemas';
import type { z } from 'zod';
import { AlertFeedbackSchema, AlertStateChangeSchema } from './alerts-requests.ts';
import { CreateChannelSchema, UpdateChannelSchema } from './channels-requests.ts';
import { CreateRuleSchema, UpdateRuleSchema } from './rules-requests.ts';

/** OpenAPI paths of the alerts center, rules and channels, built with the helpers of openapi.ts. */

type Json = Record<string, unknown>;
export interface OpenApiHelpers {
  body: (schema: z.ZodType) => Json;
  q: (name: string, description: string, schema?: Json, required?: boolean) => Json;
  ok: (description: string, schema?: Json) => Json;
  errors: (...codes: number[]) => Json;
  idParam: Json;
}

export function alertPaths({ body, q, ok, errors, idParam }: OpenApiHelpers): Record<string, Json> {
  const readers =
    '角色：leader、analyst（admin 全部）。只返回本部门及下级部门的预警；其他部门的预警按不存在（404）处理。';
  return {
    '/api/alerts': {
      get: {
        tags: ['alerts'],
        summary: '预警列表（按最近触发时间倒序）',
        description: readers,
        parameters: [
          q('state', `状态，逗号分隔：${ALERT_STATES.join(', ')}`),
          q('level', `级别，逗号分隔：${ALERT_LEVELS.join(', ')}`),
          q('rule', '规则 id'),
          q('department', '部门 id（含其下级部门；须在可见范围内）'),
          q('before', '上一页返回的 nextBefore', { type: 'string', format: 'date-time' }),
          q('limit', '条数 1–200，默认 50', { type: 'integer', minimum: 1, maximum: 200 }),
        ],
        responses: { 200: ok('{ items, nextBefore }'), ...errors(400, 401, 403) },
      },
    },
    '/api/alerts/summary': {
      get: {
        tags: ['alerts'],
        summary: '未读预警数（导航角标，约每 15 秒轮询）',
        responses: { 200: ok('{ unread, byState, unreadByLevel }'), ...errors(401) },
      },
    },
    '/api/alerts/{id}': {
      get: {
        tags: ['alerts'],
        summary: '预警详情：依据（规则、评分、声量与基线、首发、样本）、处置记录、可执行的操作',
        description: readers,
        parameters: [idParam],
        responses: {
          200: ok('{ alert, events, ruleNames, userNames, transitions, assignees, canAct }'),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/api/alerts/{id}/state': {
      post: {
        tags: ['alerts'],
        summary: '变更状态：new → acknowledged → assigned → resolved（已解决可重新确认）；每次变更都记录',
        description: '角色：analyst（admin）。leader 只读（403）。当前状态不允许时 409。',
        parameters: [idParam],
        requestBody: body(AlertStateChangeSchema),
        responses: { 200: ok('{ alert }'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/alerts/{id}/feedback': {
      post: {
        tags: ['alerts'],
        summary: '研判反馈：not_relevant（误报）或 handled（已处置）；预警解决并不再通知',
        description: '角色：analyst（admin）。',
        parameters: [idParam],
        requestBody: body(AlertFeedbackSchema),
        responses: { 200: ok('{ alert }'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/rules': {
      get: {
        tags: ['alerts'],
        summary: '预警规则（管理员）',
        responses: { 200: ok('{ items }'), ...errors(401, 403) },
      },
      post: {
        tags: ['alerts'],
        summary: '创建预警规则；definition 按预警引擎的规则模式校验（见 analyzer/src/alerts/README.md）',
        requestBody: body(CreateRuleSchema),
        responses: { 201: ok('{ rule }'), ...errors(400, 401, 403) },
      },
    },
    '/api/rules/{id}': {
      patch: {
        tags: ['alerts'],
        summary: '修改预警规则（名称、部门、启用、定义）',
        parameters: [idParam],
        requestBody: body(UpdateRuleSchema),
        responses: { 200: ok('{ rule }'), ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags: ['alerts'],
        summary: '删除预警规则（已有预警保留）',
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, ...errors(401, 403, 404) },
      },
    },
    '/api/channels': {
      get: {
        tags: ['alerts'],
        summary: '通知渠道（管理员）；密钥与机器人地址打码返回',
        responses: { 200: ok('{ items }'), ...errors(401, 403) },
      },
      post: {
        tags: ['alerts'],
        summary: '创建通知渠道：inapp、smtp、webhook、wecom、dingtalk、feishu；config 按类型校验',
        requestBody: body(CreateChannelSchema),
        responses: { 201: ok('{ channel }'), ...errors(400, 401, 403) },
      },
    },
    '/api/channels/{id}': {
      patch: {
        tags: ['alerts'],
        summary: '修改通知渠道；config 中原样传回的打码值保留原密钥',
        parameters: [idParam],
        requestBody: body(UpdateChannelSchema),
        responses: { 200: ok('{ channel }'), ...errors(400, 401, 403, 404) },
      },
      delete: {
        tags: ['alerts'],
        summary: '删除通知渠道（仍被规则引用时 409）',
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, ...errors(401, 403, 404, 409) },
      },
    },
    '/api/channels/{id}/test': {
      post: {
        tags: ['alerts'],
        summary: '发送测试消息（经该渠道真实的发送器）；结果不含地址与密钥',
        parameters: [idParam],
        responses: { 200: ok('{ ok, statusCode, message }'), ...errors(400, 401, 403, 404) },
      },
    },
  };
}
