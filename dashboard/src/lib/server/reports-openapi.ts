import { REPORT_ROLES } from '../../routes/api/reports/request.ts';
import type { OpenApiHelpers } from './alerts-openapi.ts';

/** OpenAPI path of the report generator, built with the helpers of openapi.ts. */
export function reportPaths({ q, errors }: OpenApiHelpers): Record<string, Record<string, unknown>> {
  return {
    '/api/reports': {
      get: {
        tags: ['reports'],
        summary:
          '即时生成日报、周报、月报或专报（从库中现算，一次生成一份），记入审计日志；信箱数字只计本部门及下级部门的信件',
        description: `角色：${REPORT_ROLES.join('、')}（admin 全部）。专报须给出检索式 q 或方案 plan（不可见的方案按不存在 404 处理）。`,
        parameters: [
          q(
            'kind',
            'daily 日报、weekly 周报、monthly 月报、special 专报',
            { type: 'string', enum: ['daily', 'weekly', 'monthly', 'special'] },
            true,
          ),
          q(
            'date',
            '北京时间 YYYY-MM-DD：日报为该日，周报为其所在周（周一起），月报为其所在月，专报截至该日',
            { type: 'string', format: 'date' },
            true,
          ),
          q('format', 'html（默认，内嵌显示）、pdf 或 docx（下载）', {
            type: 'string',
            enum: ['html', 'pdf', 'docx'],
            default: 'html',
          }),
          q('q', '专报检索式（同 /api/documents 的 q，最多 500 字）', { type: 'string', maxLength: 500 }),
          q('plan', '专报所用的专题监测方案 id'),
          q('subject', '专报主题（最多 60 字）', { type: 'string', maxLength: 60 }),
          q('days', '专报覆盖的天数 1–366，默认 7', { type: 'integer', minimum: 1, maximum: 366 }),
        ],
        responses: {
          200: {
            description: '报告文件',
            content: {
              'text/html': {},
              'application/pdf': {},
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {},
            },
          },
          ...errors(400, 401, 403, 404),
        },
      },
    },
  };
}
