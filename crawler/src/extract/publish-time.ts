import type { CheerioAPI } from 'cheerio';

/** Chinese sites print local time; China has kept UTC+8 all year since 1991. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-20 10:20[:30]`, `2026/11/20`, `2026.11.20`, `2026年11月20日 10时20分`, `2026年11月20日10:20`. */
const DATE_TIME =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

const LABELS = /(?:发布时间|发表时间|发布日期|发表日期|更新时间|时间|日期|发布于|发表于)\s*[:：]?\s*/g;

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:release_date"]',
  'meta[name="publishdate"]',
  'meta[name="PubDate"]',
  'meta[name="pubdate"]',
  'meta[name="publish_date"]',
  'meta[name="ptime"]',
  'meta[itemprop="datePublished"]',
  'meta[name="dc.date.issued"]',
];

/** Beijing wall-clock time to ISO 8601 UTC; null when a field is out of range. */
export function beijingToIso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS;
  const check = new Date(utc + BEIJING_OFFSET_MS);
  return check.getUTCDate() === d ? new Date(utc).toISOString() : null; // rejects 2月30日
}

/** The first date (and time) written in `text`, read as Beijing time. */
export function parseChineseDate(text: string): string | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return beijingToIso(n(1), n(2), n(3), n(4), n(5), n(6));
}

/** A machine-readable time: ISO with an offset is exact; anything else is Beijing wall-clock time. */
export function parseMachineDate(value: string): string | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  return parseChineseDate(v);
}

/** The date after a label such as `发布时间：`, when the label comes within a few characters of it. */
export function labelledDate(text: string): string | null {
  for (const m of text.matchAll(LABELS)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    const found = DATE_TIME.exec(after);
    if (found && found.index <= 2) return parseChineseDate(after);
  }
  return null;
}

/**
 * When the page says it was published: meta tags, then a labelled date, then the first date in
 * the article's header (`headerText`), then anywhere in the page text.
 */
export function findPublishTime($: CheerioAPI, headerText: string, pageText: string): string | null {
  for (const selector of META_SELECTORS) {
    const content = $(selector).attr('content');
    const iso = content ? parseMachineDate(content) : null;
    if (iso) return iso;
  }
  const datetime = $('time[datetime]').first().attr('datetime');
  const fromTime = datetime ? parseMachineDate(datetime) : null;
  return (
    fromTime ??
    labelledDate(headerText) ??
    labelledDate(pageText) ??
    parseChineseDate(headerText) ??
    parseChineseDate(pageText)
  );
}

/** Many Chinese news URLs carry the date: `/2026-11/20/`, `/20261120/`, `t20261120_123.html`. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_t-])(20\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  return m ? beijingToIso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
