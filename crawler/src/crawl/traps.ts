/**
 * Crawler traps: URLs that generate more URLs forever. Calendars (next month, next year …),
 * endless pagination, and ever-deeper or repeating paths. Session ids are dropped by canonicalUrl.
 */

const DAY = 86_400_000;
/** A segment or parameter name that says "this is a calendar or an archive by date". */
const CALENDAR_HINT =
  /(?:^|[/_?&=.-])(?:calendar|cal|rili|riqi|date|day|month|year|archives?|日历)(?:[/_?&=.-]|$)/i;
/** Dates in URLs: 2024-05-06, 2024/05/06, 20240506, 2024-05, year=2024&month=5. */
const DATE = /(?<![\d])((?:19|20|21)\d{2})[-/_.]?(0[1-9]|1[0-2])(?:[-/_.]?(0[1-9]|[12]\d|3[01]))?(?![\d])/g;
const YEAR_PARAM = /[?&](?:year|y|yyyy)=(\d{4})/i;
/** Page numbers: ?page=7, ?p=7, ?pn=7, ?pageNo=7, list_7.html, index_7.html, /page/7. */
const PAGE_PARAM = /[?&](?:page|p|pn|pg|pageno|pagenum|page_no|curpage|currentpage|pageindex)=(\d+)/i;
const PAGE_PATH = /\/(?:(?:list|index|page|more|default|p)[_-]|page\/|p\/)(\d+)(?:\.\w+|\/)?$/i;

export interface TrapOptions {
  now?: number;
  maxPagination: number;
}

/** Why a URL looks like a trap, or null when it looks fine. */
export function trapReason(url: string, options: TrapOptions): string | null {
  if (url.length > 1000) return 'long_url';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'bad_url';
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.length > 12) return 'deep_path';
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s, (counts.get(s) ?? 0) + 1);
  if ([...counts.values()].some((n) => n >= 3)) return 'repeated_path';

  const page = Number(PAGE_PARAM.exec(parsed.search)?.[1] ?? PAGE_PATH.exec(parsed.pathname)?.[1] ?? 0);
  if (page > options.maxPagination) return 'pagination';

  const now = options.now ?? Date.now();
  const hinted = CALENDAR_HINT.test(`${parsed.pathname}${parsed.search}`);
  for (const time of urlDates(parsed, hinted)) {
    // Articles are never dated in the future; calendars run off both ways: only a hint allows the past.
    if (time > now + 31 * DAY) return 'calendar';
    if (hinted && time < now - 2 * 365 * DAY) return 'calendar';
  }
  return null;
}

function urlDates(url: URL, hinted: boolean): number[] {
  const text = `${url.pathname}${url.search}`;
  const times: number[] = [];
  for (const m of text.matchAll(DATE)) {
    times.push(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
  }
  const year = hinted ? YEAR_PARAM.exec(url.search)?.[1] : undefined;
  if (year) times.push(Date.UTC(Number(year), 0, 1));
  return times;
}
