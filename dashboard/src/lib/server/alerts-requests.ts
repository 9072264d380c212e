import { ALERT_LEVELS, ALERT_STATES } from '@yuqing/schemas';
import { z } from 'zod';

/** Request schemas of the alerts API and pages. Messages are shown to users, so they are in Chinese. */

const isoTime = z.iso.datetime({ offset: true, message: '须为 ISO 8601 时间，如 2025-03-01T08:00:00Z' });

/** `a,b` or repeated values, each one of `values`. */
function list<T extends string>(values: readonly T[], name: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as [T, ...T[]], { message: `${name} 须为 ${values.join('、')} 之一` })));
}

const Id = z.string().trim().min(1).max(128, 'id 过长');

export const AlertListQuerySchema = z.object({
  state: list(ALERT_STATES, 'state').optional(),
  level: list(ALERT_LEVELS, 'level').optional(),
  rule: Id.optional(),
  department: Id.optional(),
  before: isoTime.optional(),
  limit: z.coerce
    .number({ message: 'limit 须为 1 到 200 之间的整数' })
    .int('limit 须为 1 到 200 之间的整数')
    .min(1, 'limit 须为 1 到 200 之间的整数')
    .max(200, 'limit 须为 1 到 200 之间的整数')
    .default(50),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

const Note = z.string().trim().max(500, '备注不能超过 500 字').default('');

/** An analyst's state change; `assignee` (a user id) is required when assigning. */
export const AlertStateChangeSchema = z
  .object({
    to: z.enum(['acknowledged', 'assigned', 'resolved'], {
      message: 'to 须为 acknowledged、assigned 或 resolved',
    }),
    assignee: Id.optional(),
    note: Note,
  })
  .strict()
  .refine((b) => b.to !== 'assigned' || Boolean(b.assignee), {
    message: '指派时须选择处理人',
    path: ['assignee'],
  });
export type AlertStateChange = z.infer<typeof AlertStateChangeSchema>;

/** 误报 (not relevant) or 已处置 (handled); either resolves the alert and silences it. */
export const AlertFeedbackSchema = z
  .object({
    feedback: z.enum(['not_relevant', 'handled'], { message: 'feedback 须为 not_relevant 或 handled' }),
    note: Note,
  })
  .strict();
export type AlertFeedbackInput = z.infer<typeof AlertFeedbackSchema>;
