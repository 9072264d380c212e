import type { AcMatch } from '../sensitivity/aho-corasick.ts';
import type { TaggedWords } from '../text/segment.ts';
import {
  type Division,
  type Gazetteer,
  getGazetteer,
  type NameEntry,
  type RegionLevel,
} from './gazetteer.ts';
import { NEEDS_CONTEXT } from './short-names.ts';

export interface RegionMention {
  code: string;
  name: string;
  level: RegionLevel;
  /** Times the division is named, plus the times a division below it is named. */
  mentions: number;
  /** True when only a division below it is named (a county implies its city and province). */
  implied: boolean;
}

export interface FindRegionsOptions {
  /** The source's home region, as a code (330106, 3301, 33) or a name (杭州市, 杭州): breaks ties. */
  defaultRegion?: string;
  gazetteer?: Gazetteer;
  /** `scanRegionNames(text)` when the caller already has it (the NER features read it too). */
  found?: Found[];
  /**
   * The text's jieba words and tags (their lengths add up to the text's), when the caller has them:
   * a short name must then start a word and not begin an idiom or a person's name (see
   * `alignedWithWords`), so 达州 inside 佛罗里达州 is not Dazhou.
   */
  tagged?: TaggedWords;
  /**
   * The people the entities stage found in the text: a short name that is one of them (the
   * spokesman 武平 is no 武平县; 宋永吉 no 永吉县) is no mention of the place. Full names count.
   */
  persons?: readonly string[];
}

/**
 * jieba tags of a longer word that a short name must not begin: idioms and set phrases (长治久安),
 * people (金秀贤) and words jieba did not know (江口洋介, 吉隆坡, 武昌鱼), unless the word is a
 * person of the place (扬州人, 江苏籍).
 */
const NOT_A_PLACE_WORD = /^(?:i|l|x|nr)/;
const PERSON_OF_PLACE = /^(?:人|籍)$/;
/** What may stand before a place inside one jieba word (中国香港, 首都北京), besides another place. */
const BEFORE_A_PLACE = new Set(['中国', '我国', '祖国', '首都']);

/**
 * Drops the short names of `found` that start inside a word (佛罗里达州), that end inside one
 * (都安 of 都|安息, 和政 of 和|政企) or that begin a longer word which is an idiom or a person
 * (长治久安, 金秀贤; 浙江大学 and 香港艺人 keep theirs). A name that ends a word after 中国, 首都
 * or another division's name (中国香港, 首都北京) stays. Names left without an entry go.
 */
function alignedWithWords(found: Found[], { words, tags }: TaggedWords, g: Gazetteer): Found[] {
  // `found` is in text order (`scanRegionNames`): one walk along the words serves every name.
  let next = 0;
  let at = 0;
  return found.flatMap((f) => {
    while (next < words.length && at < f.start) at += (words[next++] as string).length;
    const w = at === f.start ? words[next] : undefined;
    const length = f.end - f.start;
    if (
      w !== undefined &&
      (w.length < length
        ? endsWithWord(words, next, length)
        : w.length === length ||
          !NOT_A_PLACE_WORD.test(tags[next] as string) ||
          PERSON_OF_PLACE.test(w.slice(length)))
    )
      return [f];
    if (w === undefined && at === f.end) {
      const word = words[next - 1] as string;
      const before = word.slice(0, word.length - length);
      if (BEFORE_A_PLACE.has(before) || g.byName.has(before)) return [f];
    }
    // A word that starts before the name and ends inside it (古代|县城, 沿海|城市) hides even a full name.
    return w === undefined && at < f.end ? [] : fullNamesOnly(f);
  });
}

/**
 * `found` less the short names that are a found person's name, or that name less its surname
 * (武平; 永吉 of 宋永吉). A longer rest (张杰 of 张杰广州) is a place after a name, kept.
 */
function notPersons(found: Found[], text: string, persons: readonly string[]): Found[] {
  const spans: [start: number, end: number][] = [];
  for (const name of persons)
    for (let at = name ? text.indexOf(name) : -1; at >= 0; at = text.indexOf(name, at + 1))
      spans.push([at, at + name.length]);
  if (spans.length === 0) return found;
  return found.flatMap((f) => {
    if (!spans.some(([start, end]) => end === f.end && f.start - start <= 1 && f.start >= start)) return [f];
    return fullNamesOnly(f);
  });
}

/** A found name with its full-name entries only (海淀区 stays; 海淀 as a short name goes), or nothing. */
function fullNamesOnly(f: Found): Found[] {
  const entries = f.entries.filter((e) => !e.short);
  return entries.length > 0 ? [{ ...f, entries }] : [];
}

/** Whether the words from `first` on fill exactly `length` characters. */
function endsWithWord(words: readonly string[], first: number, length: number): boolean {
  let covered = 0;
  for (let i = first; i < words.length && covered < length; i++) covered += (words[i] as string).length;
  return covered === length;
}

export interface Found {
  start: number;
  end: number;
  entries: readonly NameEntry[];
}

/**
 * After a short form, these mean a street, a campus or a smaller place that shares the name (黄岩岛
 * is no 黄岩区, 香港中路 in Qingdao no Hong Kong).
 */
const NOT_AFTER_SHORT = /^(?:路|街|大道|大街|巷|里|镇|乡|村|组|寺|号|岛|礁|[东西南北中][路街])/;
const NOT_AFTER_SHORT_COUNTY = /^(?:大学|学院|中学|小学|公园|广场|小区|花园|医院|站|桥|机场|山庄|宾馆)/;
/** Without context a province beats a city by more than the margin (海南 is Hainan, not 海南州). */
const LEVEL_BONUS: Record<RegionLevel, number> = { province: 1.2, city: 0.6, county: 0 };
const AMBIGUITY_MARGIN = 0.5;

/** Leftmost-longest occurrences of division names, without overlaps. */
export function scanRegionNames(text: string, g: Gazetteer): Found[] {
  return scan(text, g, undefined);
}

/**
 * `scanRegionNames`; given where the text's jieba words start, a name that starts inside a word
 * gives way to an overlapping one that starts a word: 平台|北京 is Beijing, not 台北 hiding it.
 */
function scan(text: string, g: Gazetteer, startsWord: Uint8Array | undefined): Found[] {
  const raw = g.automaton.findAll(text).sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found[] = [];
  let covered = 0;
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i] as AcMatch;
    if (m.start < covered) continue;
    if (startsWord && startsWord[m.start] === 0 && givesWay(raw, i, startsWord)) continue;
    const after = text.slice(m.end, m.end + 2);
    const entries = (g.entries[m.pattern] as readonly NameEntry[]).filter(
      (e) =>
        !e.short ||
        !(
          NOT_AFTER_SHORT.test(after) ||
          (e.division.level === 'county' && NOT_AFTER_SHORT_COUNTY.test(after))
        ),
    );
    covered = m.end;
    if (entries.length === 0) continue;
    found.push({ start: m.start, end: m.end, entries });
  }
  return found;
}

/** 1 where a jieba word starts, or undefined when the words are not of this text. */
function wordStarts(text: string, { words }: TaggedWords): Uint8Array | undefined {
  const starts = new Uint8Array(text.length + 1);
  let at = 0;
  for (const word of words) {
    starts[at] = 1;
    at += word.length;
  }
  return at === text.length ? starts : undefined;
}

/** Whether a later match that starts a word begins inside `raw[i]` (sorted by start). */
function givesWay(raw: readonly AcMatch[], i: number, startsWord: Uint8Array): boolean {
  const end = (raw[i] as AcMatch).end;
  for (let k = i + 1; k < raw.length && (raw[k] as AcMatch).start < end; k++)
    if (startsWord[(raw[k] as AcMatch).start] === 1) return true;
  return false;
}

function resolveDefault(region: string | undefined, g: Gazetteer): Division | undefined {
  if (!region) return undefined;
  if (/^\d{2,6}$/.test(region)) return g.divisions.get(region.padEnd(6, '0'));
  const entries = g.byName.get(region.trim()) ?? [];
  return [...entries].sort((a, b) => LEVEL_BONUS[b.division.level] - LEVEL_BONUS[a.division.level])[0]
    ?.division;
}

class Context {
  readonly provinces = new Set<string>();
  readonly cities = new Set<string>();
  add(d: Division): void {
    this.provinces.add(d.provinceCode);
    if (d.level === 'city') this.cities.add(d.code);
    if (d.cityCode) this.cities.add(d.cityCode);
  }
}

function score(d: Division, short: boolean, ctx: Context, home: Division | undefined): number {
  let s = LEVEL_BONUS[d.level] + (short ? 0 : 0.5);
  if (d.level !== 'province' && ctx.cities.has(d.cityCode ?? d.code)) s += 4;
  if (ctx.provinces.has(d.provinceCode)) s += 3;
  if (home) {
    if (home.level !== 'province' && (d.cityCode ?? d.code) === (home.cityCode ?? home.code)) s += 2;
    if (home.provinceCode === d.provinceCode) s += 1.5;
  }
  return s;
}

/** The division a name most likely means here, or undefined when the text cannot tell. */
function choose(
  f: Found,
  ctx: Context,
  home: Division | undefined,
  ctxDivision: (code: string) => Division | undefined,
): Division | undefined {
  if (f.entries.length === 1) return f.entries[0]?.division;
  const ranked = f.entries
    .map((e) => ({ d: e.division, s: score(e.division, e.short, ctx, home) }))
    .sort((a, b) => b.s - a.s);
  const best = ranked[0] as { d: Division; s: number };
  const close = ranked.filter((r) => best.s - r.s < AMBIGUITY_MARGIN);
  if (close.length === 1) return best.d;
  // Several equally likely: keep what they share (their province), or nothing.
  const province = best.d.provinceCode;
  return close.every((r) => r.d.provinceCode === province) ? ctxDivision(province) : undefined;
}

/** A division name in the text and the division it was resolved to. */
export interface RegionNameMention {
  start: number;
  end: number;
  division: Division;
}

/**
 * The division names of a text that count as mentions, each with the division it most likely
 * means (see `findRegions`), in text order.
 */
export function regionMentions(text: string, options: FindRegionsOptions = {}): RegionNameMention[] {
  const g = options.gazetteer ?? getGazetteer();
  const startsWord = options.tagged && wordStarts(text, options.tagged);
  // A plain scan is what the words would give unless one of its names starts inside a word.
  const plain = options.found;
  let found =
    plain && !(startsWord && plain.some((f) => startsWord[f.start] === 0))
      ? plain
      : scan(text, g, startsWord);
  if (options.tagged) found = alignedWithWords(found, options.tagged, g);
  if (options.persons) found = notPersons(found, text, options.persons);
  if (found.length === 0) return [];
  const home = resolveDefault(options.defaultRegion, g);

  const ctxDivision = (code: string) => g.divisions.get(code);
  // A name that is more often a word (平原, 大理石's 大理, 老城区) waits until the rest is placed.
  const waits = found.map((f) => NEEDS_CONTEXT.has(text.slice(f.start, f.end)));
  const chosen: Array<Division | undefined> = found.map((f, i) =>
    f.entries.length === 1 && !waits[i] ? f.entries[0]?.division : undefined,
  );
  // Two rounds: names resolved in the first become context for the rest.
  for (let round = 0; round < 2; round++) {
    const ctx = new Context();
    for (const d of chosen) if (d) ctx.add(d);
    found.forEach((f, i) => {
      if (f.entries.length > 1 && !waits[i]) chosen[i] = choose(f, ctx, home, ctxDivision);
    });
  }
  // It counts only as a division in a province that the other names or the source's home place.
  const ctx = new Context();
  for (const d of chosen) if (d) ctx.add(d);
  if (home) ctx.add(home);
  found.forEach((f, i) => {
    if (!waits[i]) return;
    const entries = f.entries.filter((e) => ctx.provinces.has(e.division.provinceCode));
    if (entries.length > 0) chosen[i] = choose({ ...f, entries }, ctx, home, ctxDivision);
  });
  return found.flatMap((f, i) => {
    const division = chosen[i];
    return division ? [{ start: f.start, end: f.end, division }] : [];
  });
}

/**
 * Regions a text names, down to county level, with GB/T 2260 codes. A name shared by several
 * divisions (朝阳区 in Beijing and in Changchun) is resolved by the other places the text names,
 * then by the source's default region; without either, a province beats a city, a city beats a
 * county, and a tie across provinces is left out rather than guessed. Every level is returned:
 * a county brings its city and province (`implied: true` unless they are named themselves).
 */
export function findRegions(text: string, options: FindRegionsOptions = {}): RegionMention[] {
  const g = options.gazetteer ?? getGazetteer();
  const direct = new Map<string, number>();
  const total = new Map<string, number>();
  const bump = (map: Map<string, number>, code: string) => map.set(code, (map.get(code) ?? 0) + 1);
  for (const { division: d } of regionMentions(text, options)) {
    bump(direct, d.code);
    bump(total, d.code);
    if (d.cityCode && d.cityCode !== d.code) bump(total, d.cityCode);
    if (d.level !== 'province') bump(total, d.provinceCode);
  }
  const order: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };
  return [...total]
    .map(([code, mentions]) => {
      const d = g.divisions.get(code) as Division;
      return { code, name: d.name, level: d.level, mentions, implied: !direct.has(code) };
    })
    .sort(
      (a, b) => b.mentions - a.mentions || order[a.level] - order[b.level] || a.code.localeCompare(b.code),
    );
}
