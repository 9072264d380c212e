import { z } from 'zod';
import { DAY_MS, startOfDayShanghai } from '../time.ts';

/** Request schemas of the JSON API. Messages are shown to users, so they are in Chinese. */

const isoTime = z.iso.datetime({ offset: true, message: '须为 ISO 8601 时间，如 2025-03-01T08:00:00Z' });

export const LoginBodySchema = z.object({
  username: z.string({ message: '请提供用户名' }).trim().min(1, '请提供用户名').max(64, '用户名过长'),
  password: z.string({ message: '请提供密码' }).min(1, '请提供密码').max(256, '密码过长'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const VOLUME_DEFAULT_DAYS = 14;
export const VOLUME_MAX_DAYS = 366;

/** `from`/`to` default to the last 14 Beijing calendar days, today included; `bucket` to `day`. */
export function volumeQuerySchema(now: () => number = Date.now) {
  return z
    .object({
      from: isoTime.optional(),
      to: isoTime.optional(),
      bucket: z.enum(['hour', 'day'], { message: 'bucket 须为 hour 或 day' }).default('day'),
    })
    .transform((q, ctx) => {
      const to = q.to ?? new Date(now()).toISOString();
      const from =
        q.from ??
        new Date(startOfDayShanghai(Date.parse(to)) - (VOLUME_DEFAULT_DAYS - 1) * DAY_MS).toISOString();
      const span = Date.parse(to) - Date.parse(from);
      if (span <= 0) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'from 须早于 to' });
        return z.NEVER;
      }
      if (span > VOLUME_MAX_DAYS * DAY_MS) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: `时间范围不能超过 ${VOLUME_MAX_DAYS} 天` });
        return z.NEVER;
      }
      return { from, to, bucket: q.bucket };
    });
}
export type VolumeQuery = z.output<ReturnType<typeof volumeQuerySchema>>;
