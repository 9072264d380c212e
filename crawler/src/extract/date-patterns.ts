import { DEFAULT_TIME_ZONE, isoInZone, wallClockToIso } from './zoned-time.ts';

/** Dates as pages write them, found with their position so the caller can judge their context. */

export interface TimeContext {
  timeZone?: string;
  /** "Now" for relative times (`3小时前`) and the latest plausible date; the fetch time, by default the current time. */
  now?: Date;
}

export interface DateMatch {
  iso: string;
  index: number;
  end: number;
}

/** ` 10:20[:30]`, `T10:20`, ` 星期一 10时20分`, ` 下午 3:05`, ` 9:23:57 PM`. */
const TIME =
  '(?:\\s*(?:T|[(（]?(?:星期|周)[一二三四五六日天][)）]?)?\\s*(上午|下午|AM|PM)?\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2}))?(?:\\.\\d+)?(?:\\s*(AM|PM))?)?';
/** `2024-03-05`, `2024/3/5`, `2024.03.05`, `2024年3月5日`, then an optional time. */
const YMD = new RegExp(
  `(?<!\\d)((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?${TIME}`,
  'gi',
);
/** `7/5/2005 9:23:57 PM` (US order, as ASP and IIS write it); `17/9/2004` is read day first. */
const MDY = new RegExp(`(?<![\\d/.])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])${TIME}`, 'gi');
/** Without a year, only after a label: `发布时间：10-08 12:00`, `11月20日 10:20`, `18-03-08`. */
const SHORT = new RegExp(`^(?:(\\d{2})-)?(\\d{1,2})\\s*[-/月]\\s*(\\d{1,2})(?![\\d/.-])\\s*日?${TIME}`, 'i');
/** `3小时前`, `刚刚`, `昨天 10:20`, `今天 08:00`, `前天`. */
const RELATIVE = /(\d+)\s*(秒|分钟|分|小时|天|周)前|(刚刚)|(今天|昨天|前天)\s*(?:(\d{1,2})[:：](\d{2}))?/;

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s));

/** Hours from a 12-hour clock: `下午 3:05` → 15, `12:10 AM` → 0. */
function hour24(h: number, meridiem: string | undefined): number {
  const m = meridiem?.toUpperCase();
  if ((m === 'PM' || m === '下午') && h < 12) return h + 12;
  if ((m === 'AM' || m === '上午') && h === 12) return 0;
  return h;
}

function timeFields(m: RegExpExecArray, at: number): [number, number, number] {
  // Groups from `at`: meridiem before, hour, minute, second, meridiem after.
  return [hour24(num(m[at + 1]), m[at] ?? m[at + 4]), num(m[at + 2]), num(m[at + 3])];
}

/** Every full date (with its time, if written) in `text`, in order. */
export function dateMatches(text: string, ctx: TimeContext = {}): DateMatch[] {
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const out: DateMatch[] = [];
  for (const m of text.matchAll(YMD)) {
    const iso = wallClockToIso(tz, num(m[1]), num(m[2]), num(m[3]), ...timeFields(m, 4));
    if (iso) out.push({ iso, index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(MDY)) {
    let [mo, d] = [num(m[1]), num(m[2])];
    if (mo > 12) [mo, d] = [d, mo];
    const iso = wallClockToIso(tz, num(m[3]), mo, d, ...timeFields(m, 4));
    if (iso) out.push({ iso, index: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first date (and time) written in `text`, as wall-clock time in the zone. */
export function parseChineseDate(text: string, ctx: TimeContext = {}): string | null {
  return dateMatches(text, ctx)[0]?.iso ?? null;
}

/**
 * A date without a year at the start of `text` (`10-08 12:00`, `11月20日`), or with a two-digit year
 * (`18-03-08`). The year is the one of `sameDay` dates found elsewhere on the page when one falls on
 * that month and day; otherwise the latest year that does not put it in the future.
 */
export function parseShortDate(
  text: string,
  ctx: TimeContext = {},
  sameDay: readonly string[] = [],
): string | null {
  const m = SHORT.exec(text);
  if (!m) return null;
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const [mo, d] = [num(m[2]), num(m[3])];
  const time = timeFields(m, 4);
  if (m[1] !== undefined) return wallClockToIso(tz, 2000 + num(m[1]), mo, d, ...time);
  const key = `-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const known = sameDay.find((iso) => iso.slice(4, 10) === key);
  if (known) return wallClockToIso(tz, Number(known.slice(0, 4)), mo, d, ...time);
  const now = (ctx.now ?? new Date()).getTime();
  const year = Number(isoInZone(now, tz).slice(0, 4));
  const iso = wallClockToIso(tz, year, mo, d, ...time);
  if (iso && Date.parse(iso) <= now + 86_400_000) return iso;
  return wallClockToIso(tz, year - 1, mo, d, ...time);
}

/** `3小时前`, `昨天 10:20`… relative to `ctx.now`. */
export function parseRelativeDate(text: string, ctx: TimeContext = {}): string | null {
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const now = (ctx.now ?? new Date()).getTime();
  if (m[1]) {
    const units: Record<string, number> = {
      秒: 1_000,
      分: 60_000,
      分钟: 60_000,
      小时: 3_600_000,
      天: 86_400_000,
      周: 7 * 86_400_000,
    };
    return isoInZone(now - Number(m[1]) * (units[m[2] as string] ?? 0), tz);
  }
  if (m[3]) return isoInZone(now, tz);
  const back = { 今天: 0, 昨天: 1, 前天: 2 }[m[4] as '今天'] ?? 0;
  const day = isoInZone(now - back * 86_400_000, tz);
  const [y, mo, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return wallClockToIso(tz, y, mo, d, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** Where a relative form starts in `text`, or -1. */
export function relativeIndex(text: string): number {
  return RELATIVE.exec(text)?.index ?? -1;
}

/** A machine-readable time: an ISO time with an offset is exact; epoch seconds or ms; anything else is wall-clock time. */
export function parseMachineDate(value: string, ctx: TimeContext = {}): string | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : isoInZone(t, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  }
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const ms = v.length === 10 ? Number(v) * 1000 : Number(v);
    return isoInZone(ms, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  }
  return parseChineseDate(v, ctx);
}
