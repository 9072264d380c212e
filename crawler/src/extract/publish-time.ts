import type { CheerioAPI } from 'cheerio';
import { DEFAULT_TIME_ZONE, isoInZone, wallClockToIso } from './zoned-time.ts';

/** `2024-03-05 10:20[:30]`, `2024/3/5`, `2024.03.05`, `2024年3月5日 10时20分`, `2024年3月5日10:20`. */
const DATE_TIME =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|\s|星期.|周.)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;
/** `3小时前`, `刚刚`, `昨天 10:20`, `今天 08:00`, `前天`. */
const RELATIVE = /(\d+)\s*(秒|分钟|小时|天)前|(刚刚)|(今天|昨天|前天)\s*(?:(\d{1,2})[:：](\d{2}))?/;
const LABELS =
  /(?:发布时间|发表时间|发布日期|发表日期|更新时间|时间|日期|发布于|发表于|发表|发布|posted|published)\s*(?:[:：]|于)?\s*/gi;

/** Meta names and properties that carry the publication time (compared lower-case). */
const META_NAMES = new Set([
  'article:published_time',
  'og:release_date',
  'og:published_time',
  'publishdate',
  'pubdate',
  'publish_date',
  'publishtime',
  'publish-date',
  'ptime',
  'datepublished',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'dcterms.created',
  'firstpublishedtime',
  'weibo: article:create_at',
  'sailthru.date',
  'parsely-pub-date',
  'article:published',
  'date',
]);

const NOT_PUBLICATION =
  /(建立于|创建于|注册于?|注册时间|注册日期|加入于?|最后登录|上次登录|生日|出生)\s*[:：]?\s*[\d年月日\-/.:：\s]{6,24}/g;

export interface TimeContext {
  timeZone?: string;
  /** "Now" for relative times (`3小时前`); defaults to the current time. */
  now?: Date;
}

/** The first date (and time) written in `text`, as wall-clock time in the zone. */
export function parseChineseDate(text: string, ctx: TimeContext = {}): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return wallClockToIso(ctx.timeZone ?? DEFAULT_TIME_ZONE, n(1), n(2), n(3), n(4), n(5), n(6));
}

/** `3小时前`, `昨天 10:20`… relative to `ctx.now`. */
export function parseRelativeDate(text: string, ctx: TimeContext = {}): string | null {
  const m = RELATIVE.exec(text);
  if (!m) return null;
  const tz = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const now = (ctx.now ?? new Date()).getTime();
  if (m[1]) {
    const unit = { 秒: 1_000, 分钟: 60_000, 小时: 3_600_000, 天: 86_400_000 }[m[2] as '秒'] ?? 0;
    return isoInZone(now - Number(m[1]) * unit, tz);
  }
  if (m[3]) return isoInZone(now, tz);
  const back = { 今天: 0, 昨天: 1, 前天: 2 }[m[4] as '今天'] ?? 0;
  const day = isoInZone(now - back * 86_400_000, tz);
  const [y, mo, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return wallClockToIso(tz, y, mo, d, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** A machine-readable time: an ISO time with an offset is exact; anything else is wall-clock time. */
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

/** The date after a label such as `发布时间：`, when it follows within a few characters. */
export function labelledDate(text: string, ctx: TimeContext = {}): string | null {
  for (const m of text.matchAll(LABELS)) {
    const start = (m.index ?? 0) + m[0].length;
    const after = text.slice(start, start + 40);
    const found = DATE_TIME.exec(after);
    if (found && found.index <= 2) return parseChineseDate(after, ctx);
    const rel = RELATIVE.exec(after);
    if (rel && rel.index <= 2) return parseRelativeDate(after, ctx);
  }
  return null;
}

function fromJsonLd($: CheerioAPI, ctx: TimeContext): string | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const m = /"date(?:Published|Created)"\s*:\s*"([^"]+)"/.exec($(el).text());
    const iso = m?.[1] ? parseMachineDate(m[1], ctx) : null;
    if (iso) return iso;
  }
  return null;
}

/** Machine-readable times: JSON-LD, meta tags, `<time datetime>`, `itemprop=datePublished`. */
export function machinePublishTime($: CheerioAPI, ctx: TimeContext = {}): string | null {
  const fromLd = fromJsonLd($, ctx);
  if (fromLd) return fromLd;
  for (const el of $('meta[content]').toArray()) {
    const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? '').trim().toLowerCase();
    if (!META_NAMES.has(key)) continue;
    const iso = parseMachineDate(el.attribs.content ?? '', ctx);
    if (iso) return iso;
  }
  for (const el of $('time[datetime], [itemprop="datePublished"]').toArray()) {
    const v = el.attribs.datetime ?? el.attribs.content ?? $(el).text();
    const iso = v ? parseMachineDate(v, ctx) : null;
    if (iso) return iso;
  }
  return null;
}

/** Many Chinese news URLs carry the date: `/2026-11/20/`, `/20261120/`, `t20261120_123.html`. */
export function dateFromUrl(url: string, ctx: TimeContext = {}): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_t-])(20\d{2}|19\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(
    path,
  );
  return m
    ? wallClockToIso(ctx.timeZone ?? DEFAULT_TIME_ZONE, Number(m[1]), Number(m[2]), Number(m[3]))
    : null;
}

/**
 * When the page says it was published: machine-readable metadata, then a labelled date near the
 * headline, a date near the headline, a labelled date anywhere, the URL, any date in the page.
 */
export function findPublishTime(
  $: CheerioAPI,
  nearText: string,
  pageText: string,
  url: string,
  ctx: TimeContext = {},
): string | null {
  // Dates that belong to the user or the site, not the article (forum profiles, blog headers).
  const near = nearText.replace(NOT_PUBLICATION, ' ');
  return (
    machinePublishTime($, ctx) ??
    labelledDate(near, ctx) ??
    parseChineseDate(near, ctx) ??
    labelledDate(pageText, ctx) ??
    dateFromUrl(url, ctx) ??
    parseChineseDate(pageText, ctx) ??
    parseRelativeDate(near, ctx)
  );
}
