import { z } from 'zod';
import { REPORT_FORMATS } from './generate.ts';
import { beijingDate } from './period.ts';

/**
 * When reports are made: 日报 every day at 08:00 for the day before, 周报 on Mondays at 08:30 for
 * the week before, 月报 on the 1st at 09:00 for the month before (Beijing time). `dueReports` is a
 * pure function of the clock and of the periods already done; the platform calls it every minute.
 */
export const ReportScheduleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  kind: z.enum(['daily', 'weekly', 'monthly']),
  /** Beijing time of day, `HH:MM`. */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'at must be HH:MM'),
  /** Weekly: ISO weekday 1 (Monday) … 7. */
  weekday: z.number().int().min(1).max(7).default(1),
  /** Monthly: day of the month, 1 … 28. */
  monthDay: z.number().int().min(1).max(28).default(1),
  formats: z.array(z.enum(REPORT_FORMATS)).min(1).default(['html', 'pdf', 'docx']),
  /** Alert channels (smtp, webhook) the files go to; none: the files are only kept. */
  channelIds: z.array(z.string()).default([]),
  issuer: z.string().max(60).optional(),
});
export type ReportSchedule = z.output<typeof ReportScheduleSchema>;

export const DEFAULT_REPORT_SCHEDULES: readonly ReportSchedule[] = [
  {
    id: 'daily',
    kind: 'daily',
    at: '08:00',
    weekday: 1,
    monthDay: 1,
    formats: ['html', 'pdf', 'docx'],
    channelIds: [],
  },
  {
    id: 'weekly',
    kind: 'weekly',
    at: '08:30',
    weekday: 1,
    monthDay: 1,
    formats: ['html', 'pdf', 'docx'],
    channelIds: [],
  },
  {
    id: 'monthly',
    kind: 'monthly',
    at: '09:00',
    weekday: 1,
    monthDay: 1,
    formats: ['html', 'pdf', 'docx'],
    channelIds: [],
  },
];

export interface DueReport {
  schedule: ReportSchedule;
  /** The date to pass to the report: a day of the period just ended. */
  date: string;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The newest trigger instant of `s` at or before `now` (epoch ms), and the report date it asks for. */
export function lastTrigger(s: ReportSchedule, now: number): { at: number; date: string } {
  const [hh, mm] = s.at.split(':').map(Number) as [number, number];
  const local = new Date(now + OFFSET_MS);
  // Beijing midnight of today, as epoch ms.
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - OFFSET_MS;
  const at = (d: number) => d + (hh * 60 + mm) * 60_000;
  const matches = (d: number) => {
    const l = new Date(d + OFFSET_MS);
    if (s.kind === 'weekly') return ((l.getUTCDay() + 6) % 7) + 1 === s.weekday;
    if (s.kind === 'monthly') return l.getUTCDate() === s.monthDay;
    return true;
  };
  // At most 31 days back to find the trigger day (a month for monthly schedules).
  for (let i = 0; i < 32; i++, day -= DAY_MS) {
    if (!matches(day) || at(day) > now) continue;
    const period =
      s.kind === 'daily' ? day - DAY_MS : s.kind === 'weekly' ? day - 7 * DAY_MS : monthBefore(day);
    return { at: at(day), date: beijingDate(period) };
  }
  throw new Error(`schedule ${s.id}: no trigger found`);
}

/** Beijing midnight of the 1st of the month before the one containing `day`. */
function monthBefore(day: number): number {
  const l = new Date(day + OFFSET_MS);
  return Date.UTC(l.getUTCFullYear(), l.getUTCMonth() - 1, 1) - OFFSET_MS;
}

/**
 * The reports to make now: for each schedule, the period of its newest trigger unless that period
 * (or a later one) was already made. `lastRuns` maps a schedule id to the date of its newest run.
 * A platform that was down at 08:00 makes the report when it comes back; missed older periods are
 * not back-filled.
 */
export function dueReports(
  now: Date,
  lastRuns: ReadonlyMap<string, string>,
  schedules: readonly ReportSchedule[] = DEFAULT_REPORT_SCHEDULES,
): DueReport[] {
  const out: DueReport[] = [];
  for (const schedule of schedules) {
    const { date } = lastTrigger(schedule, now.getTime());
    const last = lastRuns.get(schedule.id);
    if (last === undefined || last < date) out.push({ schedule, date });
  }
  return out;
}
