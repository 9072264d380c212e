import { z } from 'zod';

/** GET /api/reports parameters: what the /reports page's form sends. */
export const REPORT_ROLES = ['leader', 'analyst', 'editor'] as const;

const date = z
  .string({ message: 'date 须为日期，如 2026-11-20' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date 须为日期，如 2026-11-20')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'date 不是有效日期');

export const ReportQuerySchema = z
  .object({
    kind: z.enum(['daily', 'weekly', 'monthly', 'special'], {
      message: 'kind 须为 daily、weekly、monthly 或 special',
    }),
    date,
    format: z.enum(['html', 'pdf', 'docx'], { message: 'format 须为 html、pdf 或 docx' }).default('html'),
    q: z.string().trim().max(500, '检索式过长（最多 500 字）').optional(),
    plan: z.string().trim().min(1).max(64, 'plan 须为方案 id').optional(),
    subject: z.string().trim().max(60, '专报主题最多 60 字').optional(),
    days: z.coerce
      .number({ message: 'days 须为 1 到 366 的整数' })
      .int('days 须为 1 到 366 的整数')
      .min(1, 'days 须为 1 到 366 的整数')
      .max(366, 'days 须为 1 到 366 的整数')
      .optional(),
  })
  .refine((r) => r.kind !== 'special' || Boolean(r.q) || Boolean(r.plan), {
    message: '专报须填写检索式 q 或选择方案 plan',
    path: ['q'],
  });
export type ReportQuery = z.output<typeof ReportQuerySchema>;
