import type { OpenApiHelpers } from './alerts-openapi.ts';
import { SaveSourceSchema, UpdateSourceSchema } from './sources-requests.ts';

/** OpenAPI paths of the sources admin, built with the helpers of openapi.ts. */
export function sourcePaths({
  body,
  ok,
  errors,
  idParam,
}: OpenApiHelpers): Record<string, Record<string, unknown>> {
  return {
    '/api/sources': {
      get: {
        tags: ['admin'],
        summary:
          '信息源及健康状况：配置文件（只读）、后台添加、仅见于采集记录的内置源；最近采集、错误、时效、待执行的立即采集',
        responses: { 200: ok('{ items, fileProblems }'), ...errors(401, 403) },
      },
      post: {
        tags: ['admin'],
        summary: '添加信息源；definition 按采集器的 sources.yaml 模式校验；与配置文件同 id 时 409',
        requestBody: body(SaveSourceSchema),
        responses: { 201: ok('{ id }'), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/sources/{id}': {
      patch: {
        tags: ['admin'],
        summary: '修改后台添加的信息源（启用、定义）；配置文件中的信息源 409',
        parameters: [idParam],
        requestBody: body(UpdateSourceSchema),
        responses: { 200: ok('{ id }'), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        tags: ['admin'],
        summary: '删除后台添加的信息源；配置文件中的信息源 409',
        parameters: [idParam],
        responses: { 204: { description: '已删除' }, ...errors(401, 403, 404, 409) },
      },
    },
    '/api/sources/{id}/run': {
      post: {
        tags: ['admin'],
        summary: '立即采集：采集器在下次唤醒时运行该信息源',
        parameters: [idParam],
        responses: { 202: ok('{ id, requested }'), ...errors(401, 403, 404, 409) },
      },
    },
  };
}
