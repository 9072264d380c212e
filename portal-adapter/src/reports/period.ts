/**
 * Report periods in Beijing time (UTC+8, no daylight saving): 日报 is one calendar day, 周报 the
 * Monday-to-Sunday week, 月报 the calendar month, 专报 a span of days ending on the given date.
 * Each period comes with the one before it, of the same length, for the change figures.
 */

export const REPORT_KINDS = ['daily', 'weekly', 'monthly', 'special'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const KIND_NAMES: Record<ReportKind, string> = {
  daily: '舆情日报',
  weekly: '舆情周报',
  monthly: '舆情月报',
  special: '舆情专报',
};

export interface ReportPeriod {
  kind: ReportKind;
  /** Inclusive Beijing dates, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** ISO instants: [from, to) and the previous period [previousFrom, from). */
  from: string;
  to: string;
  previousFrom: string;
  /** Trend buckets: hours for a day, days otherwise. */
  bucket: 'hour' | 'day';
  /** `2026年11月20日`, `2026年11月16日至22日` … */
  label: string;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class PeriodError extends Error {
  override name = 'PeriodError';
}

/** Epoch ms of Beijing midnight starting `date`; throws on a malformed or impossible date. */
export function beijingMidnight(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new PeriodError(`date must be YYYY-MM-DD, got "${date}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new PeriodError(`no such date: ${date}`);
  return ms - OFFSET_MS;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

const iso = (ms: number) => new Date(ms).toISOString();

function cn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function spanLabel(first: string, last: string): string {
  if (first === last) return cn(first);
  const [y1, m1] = first.split('-').map(Number);
  const [y2, m2, d2] = last.split('-').map(Number);
  if (y1 === y2 && m1 === m2) return `${cn(first)}至${d2}日`;
  if (y1 === y2) return `${cn(first)}至${m2}月${d2}日`;
  return `${cn(first)}至${cn(last)}`;
}

/**
 * The period of a report for `date`. `days` sets a special report's length (default 7, ending on
 * `date`); other kinds ignore it.
 */
export function reportPeriod(kind: ReportKind, date: string, days = 7): ReportPeriod {
  const day = beijingMidnight(date);
  let from: number;
  let to: number;
  let previousFrom: number;
  switch (kind) {
    case 'daily':
      from = day;
      to = day + DAY_MS;
      previousFrom = from - DAY_MS;
      break;
    case 'weekly': {
      const weekday = (new Date(day + OFFSET_MS).getUTCDay() + 6) % 7; // Monday 0
      from = day - weekday * DAY_MS;
      to = from + 7 * DAY_MS;
      previousFrom = from - 7 * DAY_MS;
      break;
    }
    case 'monthly': {
      const [y, m] = date.split('-').map(Number) as [number, number];
      from = Date.UTC(y, m - 1, 1) - OFFSET_MS;
      to = Date.UTC(y, m, 1) - OFFSET_MS;
      previousFrom = Date.UTC(y, m - 2, 1) - OFFSET_MS;
      break;
    }
    case 'special': {
      if (!Number.isInteger(days) || days < 1 || days > 366)
        throw new PeriodError('a special report covers 1 to 366 days');
      to = day + DAY_MS;
      from = to - days * DAY_MS;
      previousFrom = from - days * DAY_MS;
      break;
    }
  }
  const firstDay = beijingDate(from);
  const lastDay = beijingDate(to - 1);
  return {
    kind,
    firstDay,
    lastDay,
    from: iso(from),
    to: iso(to),
    previousFrom: iso(previousFrom),
    bucket: to - from <= DAY_MS ? 'hour' : 'day',
    label: spanLabel(firstDay, lastDay),
  };
}
