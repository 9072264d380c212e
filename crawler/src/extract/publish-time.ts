import type { CheerioAPI } from 'cheerio';
import {
  dateMatches,
  parseMachineDate,
  parseRelativeDate,
  parseShortDate,
  relativeIndex,
  type TimeContext,
} from './date-patterns.ts';
import { DEFAULT_TIME_ZONE, wallClockToIso } from './zoned-time.ts';

export {
  parseChineseDate,
  parseMachineDate,
  parseRelativeDate,
  parseShortDate,
  type TimeContext,
} from './date-patterns.ts';

const LABEL_WORDS =
  '发布时间|发表时间|发布日期|发表日期|发稿时间|发文时间|发帖时间|发贴时间|成文日期|印发日期|提交时间|录入时间|添加时间|上传时间|时间|日期|发布于|发表于|发表|发布|张贴|posted(?:\\s+(?:on|at))?|published(?:\\s+on)?|date';
const LABEL_TAIL = '\\s*(?:[:：@]|于)?\\s*[[【(（]?\\s*';
/** A publication label right before a date: `发布时间：`, `发表于`, `日期:[`, `posted on`, `张贴 @`. */
const LABEL_BEFORE = new RegExp(`(?:${LABEL_WORDS})${LABEL_TAIL}$`, 'i');
/** The same label, anywhere: a date without a year or a relative time may follow it. */
const LABEL = new RegExp(`(?:${LABEL_WORDS})${LABEL_TAIL}`, 'gi');
/** Whether a line has a publication label (a byline in a link-heavy line still counts). */
export function hasDateLabel(text: string): boolean {
  LABEL.lastIndex = 0;
  return LABEL.test(text);
}
/** Labels of a later or unrelated date: never taken as the publication time. */
const NOT_PUBLICATION_BEFORE =
  /(?:建立于|创建于|注册于?|注册时间|注册日期|加入于?|加入时间|最后登录|上次登录|登录时间|最后回复|最后发表|回复于|回复时间|评论于|生日|出生|截止|截至|有效期|修改于|编辑于|最后编辑|©|copyright|\(c\)|版权所有|版权)[^|]{0,12}$/i;
/** Labels of an update time: usable when nothing better is found. */
const UPDATE_BEFORE = /(?:更新时间|更新日期|更新于|修改时间|修改日期)\s*[:：]?\s*[[【(（]?\s*$/;

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
  'datecreated',
  'dc.date.issued',
  'dc.date.created',
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
/** Modification times: a last resort, still better than a date picked from running text. */
const META_MODIFIED = new Set([
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dateupdate',
  'lastmod',
  'last-modified',
  'dcterms.modified',
  'dc.date.modified',
]);
/** Elements named for the publication time (`<span id="publish_time">`, `class="pubtime"`). */
const NAMED_TIME = /publish[-_]?(?:time|date)|pub[-_]?(?:time|date)|post[-_]time/i;
/** Elements called just `date` or `time`: often the article's, but comments use the names too. */
const PLAIN_TIME = /^(?:date|time)$/i;
/** Inline script fields: `pubtime: '2019-09-23 07:48'`, `"publish_time": 1581517074`. */
const SCRIPT_TIME =
  /["']?(?:pubtime|pub_time|publish_?time|publishdate|publish_date|pubdate|pub_date|datePublished)["']?\s*[:=]\s*["']?(\d{10}(?:\d{3})?|\d{4}-\d{1,2}-\d{1,2}[^"',}]{0,20})/i;

type DateKind = 'publication' | 'update' | 'none';

/** What the text just before a date says it is. */
function labelKind(before: string): DateKind | 'label' {
  if (NOT_PUBLICATION_BEFORE.test(before)) return 'none';
  if (UPDATE_BEFORE.test(before)) return 'update';
  return LABEL_BEFORE.test(before) ? 'label' : 'publication';
}

interface TextDate {
  iso: string;
  index: number;
  labelled: boolean;
  update: boolean;
}

/** Dates in running text with their labels; rejects future dates, copyright years and profile dates. */
function textDates(text: string, ctx: TimeContext, sameDay: () => readonly string[] = () => []): TextDate[] {
  const latest = (ctx.now ?? new Date()).getTime() + 86_400_000;
  const out: TextDate[] = [];
  for (const m of dateMatches(text, ctx)) {
    if (Date.parse(m.iso) > latest) continue;
    const kind = labelKind(text.slice(Math.max(0, m.index - 24), m.index));
    if (kind === 'none') continue;
    out.push({ iso: m.iso, index: m.index, labelled: kind === 'label', update: kind === 'update' });
  }
  // Dates without a year, or relative ones, only right after a publication label.
  for (const m of text.matchAll(LABEL)) {
    const start = m.index + m[0].length;
    if (out.some((d) => d.index === start)) continue;
    const before = text.slice(Math.max(0, m.index - 12), start);
    if (NOT_PUBLICATION_BEFORE.test(before) || UPDATE_BEFORE.test(before)) continue;
    const after = text.slice(start, start + 40);
    const rel = relativeIndex(after) === 0 ? parseRelativeDate(after, ctx) : null;
    const iso = rel ?? parseShortDate(after, ctx, sameDay());
    if (iso && Date.parse(iso) <= latest) out.push({ iso, index: start, labelled: true, update: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The date after a label such as `发布时间：`, when it follows within a few characters. */
export function labelledDate(text: string, ctx: TimeContext = {}): string | null {
  return textDates(text, ctx).find((d) => d.labelled)?.iso ?? null;
}

function fromJsonLd($: CheerioAPI, ctx: TimeContext): string | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const m = /"(?:datePublished|dateCreated|uploadDate)"\s*:\s*"([^"]+)"/.exec($(el).text());
    const iso = m?.[1] ? parseMachineDate(m[1], ctx) : null;
    if (iso) return iso;
  }
  return null;
}

function fromMeta($: CheerioAPI, names: ReadonlySet<string>, ctx: TimeContext): string | null {
  for (const el of $('meta[content]').toArray()) {
    const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? '').trim().toLowerCase();
    if (!names.has(key)) continue;
    const iso = parseMachineDate(el.attribs.content ?? '', ctx);
    if (iso) return iso;
  }
  return null;
}

/** Machine-readable times: JSON-LD, meta tags, `<time datetime>`, `itemprop=datePublished`. */
export function machinePublishTime($: CheerioAPI, ctx: TimeContext = {}): string | null {
  const found = fromJsonLd($, ctx) ?? fromMeta($, META_NAMES, ctx);
  if (found) return found;
  for (const el of $('[itemprop="datePublished"], time[datetime], time[pubdate]').toArray()) {
    if ($(el).closest('[class*="comment" i], [id*="comment" i], [class*="reply" i]').length > 0) continue;
    const v = el.attribs.datetime ?? el.attribs.content ?? $(el).text();
    const iso = v ? parseMachineDate(v, ctx) : null;
    if (iso) return iso;
  }
  return null;
}

/** Text of elements named for the publication time, e.g. `<em id="publish_time">2020-02-12</em>`. */
function namedTimeText($: CheerioAPI, name: RegExp): string {
  const texts: string[] = [];
  for (const el of $('body [id], body [class]').toArray()) {
    const words = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`.split(/\s+/);
    if (!words.some((w) => name.test(w))) continue;
    if ($(el).closest('[class*="comment" i], [id*="comment" i], [class*="reply" i]').length > 0) continue;
    texts.push(
      `发布时间：${$(el)
        .text()
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^.{0,8}[:：]\s*/, '')}`,
    );
    if (texts.length === 3) break;
  }
  return texts.join(' | ');
}

/** A publication time set in an inline script (pages that write it with JavaScript). */
function scriptTime($: CheerioAPI, ctx: TimeContext): string | null {
  for (const el of $('script:not([src])').toArray()) {
    const m = SCRIPT_TIME.exec($(el).text());
    const iso = m?.[1] ? parseMachineDate(m[1].trim(), ctx) : null;
    if (iso && Date.parse(iso) <= (ctx.now ?? new Date()).getTime() + 86_400_000) return iso;
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

/** Relative times (`3小时前`) near the headline, only in short lines: in prose `刚刚` is not a date. */
function relativeNear(lines: readonly string[], ctx: TimeContext): string | null {
  for (const line of lines) {
    if (line.length <= 24 && relativeIndex(line) >= 0) return parseRelativeDate(line, ctx);
  }
  return null;
}

/** The page around the article, as extract-article sees it. */
export interface DateZones {
  /** Short lines between the headline and the body, and right after the body: where bylines live. */
  above: string[];
  below: string[];
  /** Whether `above` starts at the headline; otherwise it is a guess at the lines before the body. */
  titleFound: boolean;
  /** Page text before the headline (the few lines right before it, and the rest), from the headline to just after the body, and the rest. */
  beforeNear: string;
  before: string;
  article: string;
  after: string;
}

const pick = (dates: readonly TextDate[], last: boolean): string | undefined =>
  (last ? dates[dates.length - 1] : dates[0])?.iso;

/**
 * When the page says it was published, from the most to the least reliable evidence: machine-readable
 * metadata; an element named for it or an inline script field; a labelled date near the headline, then any date there (the
 * first after the headline, or the last before the body when the headline was not found); an element
 * called `date` or `time`; a labelled
 * date in the article, then before the headline (the nearest); the URL; a date in the lines right
 * before the headline (forum post headers); any date in the article, then before the headline; a relative time near the headline; the modification time; dates after the
 * article (comments, replies). Future dates (after `ctx.now`), copyright years and profile or reply
 * dates (注册时间, 最后登录, 回复于) are never taken.
 */
export function findPublishTime(
  $: CheerioAPI,
  zones: DateZones,
  url: string,
  ctx: TimeContext = {},
): string | null {
  const machine = machinePublishTime($, ctx);
  if (machine) return machine;
  const modified = fromMeta($, META_MODIFIED, ctx);
  const fromUrl = dateFromUrl(url, ctx);
  // Years for dates written without one: only worked out when such a date turns up.
  let known: string[] | undefined;
  const sameDay = () => {
    known ??= [
      modified,
      fromUrl,
      ...[zones.beforeNear, zones.article, zones.before, zones.after].flatMap((t) =>
        dateMatches(t, ctx).map((d) => d.iso),
      ),
    ].filter((d): d is string => d !== null);
    return known;
  };
  const dates = (text: string) => textDates(text, ctx, sameDay).filter((d) => !d.update);

  const named = dates(namedTimeText($, NAMED_TIME))[0]?.iso ?? scriptTime($, ctx);
  if (named) return named;
  const above = dates(zones.above.join(' | '));
  const below = dates(zones.below.join(' | '));
  const labelled = (ds: readonly TextDate[]) => ds.filter((d) => d.labelled);
  const fromEnd = !zones.titleFound;
  const near =
    pick(labelled(above), fromEnd) ??
    pick(labelled(below), false) ??
    pick(above, fromEnd) ??
    pick(below, false);
  if (near) return near;
  const plain = dates(namedTimeText($, PLAIN_TIME))[0]?.iso;
  if (plain) return plain;
  const article = dates(zones.article);
  const beforeNear = dates(zones.beforeNear);
  const before = dates(zones.before);
  const found =
    pick(labelled(article), false) ??
    pick(labelled(beforeNear), true) ??
    pick(labelled(before), true) ??
    fromUrl ??
    pick(beforeNear, true) ??
    pick(article, false) ??
    pick(before, true) ??
    relativeNear([...zones.above, ...zones.below], ctx) ??
    modified;
  if (found) return found;
  const after = textDates(zones.after, ctx, sameDay);
  return pick(labelled(after), false) ?? pick(after, false) ?? null;
}
