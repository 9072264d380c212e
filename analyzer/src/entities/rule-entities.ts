import { getGazetteer, scanRegionNames } from '../regions/index.ts';
import { type TaggedWords, tagWords } from '../text/segment.ts';
import type { Entities, FindEntitiesOptions, TaggedWord } from './find-entities.ts';
import { NOT_IN_NAME, SURNAMES, TOP_SURNAMES, WORLD_PLACES } from './name-lists.ts';
import { NOT_PERSON, NOT_PLACE, ORG_PARTS, ORG_PROPER, ORG_SUFFIXES } from './stop-lists.ts';
import { watchHits } from './watch-list.ts';

interface Token extends TaggedWord {
  start: number;
  end: number;
}

const HAN = /^\p{Script=Han}+$/u;
const HAS_LETTER = /[\p{L}]/u;
/** 李/nr 局长/n is a way of addressing someone, not a name. */
const TITLE =
  /^(?:局长|市长|县长|区长|镇长|村长|书记|主任|老师|先生|女士|小姐|院长|经理|部长|省长|厅长|处长|科长|校长|医生|警官|师傅|大爷|大妈|阿姨|总|哥|姐|叔|某|某某)$/;

/** A place name followed by one of these is one place: 朝阳公园, 滨江森林公园, 束河古镇. */
const FACILITY =
  /^(?:森林公园|公园|山庄|古镇|古城|广场|街道|社区|大道|海滩|机场|车站|码头|足球场|体育场|景区|风景区)$/;
const MAX_ORG_PARTS = 5;
const MAX_ORG_CHARS = 20;

function positions({ words, tags }: TaggedWords): Token[] {
  let at = 0;
  return words.map((word, i) => {
    const start = at;
    at += word.length;
    return { word, tag: tags[i] as string, start, end: at };
  });
}

const SUFFIX_SET = new Set(ORG_SUFFIXES);
const SUFFIX_LENGTHS = [...new Set(ORG_SUFFIXES.map((s) => s.length))];

function orgSuffix(word: string): boolean {
  for (const n of SUFFIX_LENGTHS) if (word.length >= n && SUFFIX_SET.has(word.slice(-n))) return true;
  return false;
}

/** Merges runs like 杭州/ns 市/n 公安局/n into one organisation ending in a known suffix. */
function findOrgs(tokens: Token[], taken: boolean[]): Array<{ name: string; from: number; to: number }> {
  const orgs: Array<{ name: string; from: number; to: number }> = [];
  tokens.forEach((t, i) => {
    const suffixed = orgSuffix(t.word);
    if (t.tag === 'nt' && t.word.length >= 2 && !suffixed) {
      orgs.push({ name: t.word, from: i, to: i });
      return;
    }
    if (!suffixed) return;
    let from = i;
    let proper = ORG_PROPER.has(t.tag) && t.word.length > 2;
    while (from > 0 && i - from < MAX_ORG_PARTS) {
      const prev = tokens[from - 1] as Token;
      if (!ORG_PARTS.has(prev.tag) || taken[from - 1] || t.end - prev.start > MAX_ORG_CHARS) break;
      if (!HAS_LETTER.test(prev.word)) break;
      from--;
      if (ORG_PROPER.has(prev.tag)) proper = true;
    }
    // Drop leading common nouns: 记者 杭州 公安局 → 杭州公安局.
    while (from < i && !ORG_PROPER.has((tokens[from] as Token).tag)) from++;
    if (!proper || (from === i && t.tag !== 'nt')) return;
    const name = tokens
      .slice(from, i + 1)
      .map((x) => x.word)
      .join('');
    orgs.push({ name, from, to: i });
  });
  for (const o of orgs) for (let k = o.from; k <= o.to; k++) taken[k] = true;
  return orgs;
}

function surnameLength(word: string): number {
  if (SURNAMES.has(word.slice(0, 2)) && word.length >= 3) return 2;
  return SURNAMES.has(word.slice(0, 1)) ? 1 : 0;
}

/**
 * jieba tags well-known people nrfg; its dictionary also tags many ordinary words nr (智慧, 道德,
 * 师兄), and names it has never seen come out of its HMM tagged x. So: nrfg as is; nr and x only
 * when they look like a Chinese name, a common surname and one or two more characters.
 */
function isPerson(t: Token): boolean {
  const w = t.word;
  if (w.length < 2 || !HAN.test(w) || NOT_PERSON.has(w)) return false;
  if (t.tag === 'nrfg') return w.length <= 6;
  if (t.tag !== 'nr' && t.tag !== 'x') return false;
  const surname = surnameLength(w);
  if (surname === 0 || w.length - surname > 2 || NOT_IN_NAME.test(w.slice(surname))) return false;
  // Two-character dictionary words tagged nr are mostly ordinary words (智慧, 师兄): be strict.
  return w.length > 2 || t.tag === 'x' || TOP_SURNAMES.has(w.charAt(0));
}

/**
 * jieba often cuts an unknown name in two: 赵/nr 新民/n, 薛/nr 蛮子/n, 刘诗/x 诗/n, 彭于/x 晏/nr.
 * A lone surname tagged nr joins the next one- or two-character word; an unknown two-character
 * word that starts with a surname joins a following single character.
 */
function splitName(t: Token, next: Token | undefined): string | undefined {
  const surnameFirst =
    (t.tag === 'nr' && t.word.length === 1) ||
    (t.tag === 'x' && t.word.length === 2 && next?.word.length === 1);
  if (!surnameFirst || !next || !HAN.test(next.word) || NOT_IN_NAME.test(next.word) || next.tag === 'ns') {
    return undefined;
  }
  if (TITLE.test(next.word)) return undefined;
  const joined = t.word + next.word;
  if (NOT_PERSON.has(joined)) return undefined;
  if (t.tag === 'nr' && t.word.length === 1 && SURNAMES.has(t.word) && next.word.length <= 2) return joined;
  if (t.tag === 'x' && t.word.length === 2 && SURNAMES.has(t.word.charAt(0)) && next.word.length === 1) {
    return NOT_IN_NAME.test(t.word) ? undefined : joined;
  }
  return undefined;
}

/** A place jieba found (ns) that is a known one or has a place ending (云台山, 百丈东路). */
function isPlace(t: Token): boolean {
  const w = t.word;
  if (WORLD_PLACES.has(w)) return true;
  if (t.tag !== 'ns' || w.length < 2 || NOT_PLACE.has(w)) return false;
  // Two-character ns words are often ordinary (太阳, 英雄); longer ones rarely are.
  return w.length >= 3;
}

/**
 * Persons, organisations and places named in a text: jieba's name tags (nr*, nt, ns) filtered
 * against stop lists, organisation names joined up to a known suffix (局, 法院, 公司, 大学 …),
 * the regions gazetteer for places, and a watch list for people jieba does not know. The rule
 * system before the trained tagger; kept as a baseline (`analyzer/scripts/eval-ner.ts`).
 */
export function findEntitiesByRules(text: string, options: FindEntitiesOptions = {}): Entities {
  const tokens = positions(options.tagged ?? tagWords(text));
  const g = options.gazetteer ?? getGazetteer();
  const taken = tokens.map(() => false);
  const orgs = findOrgs(tokens, taken).map((o) => o.name);

  const persons: string[] = [];
  const places: string[] = [];
  const regionSpans = scanRegionNames(text, g);
  const inRegion = (t: Token) => regionSpans.some((r) => r.start < t.end && t.start < r.end);
  const watched = watchHits(text, options.watchList);
  if (watched.spans.length > 0) {
    tokens.forEach((t, i) => {
      if (watched.spans.some(([start, end]) => start < t.end && t.start < end)) taken[i] = true;
    });
  }
  tokens.forEach((t, i) => {
    if (taken[i]) return;
    const split = splitName(t, tokens[i + 1]);
    if (split && !taken[i + 1]) {
      persons.push(split);
      taken[i + 1] = true;
    } else if (t.tag === 'ns' && FACILITY.test(tokens[i + 1]?.word ?? '') && !taken[i + 1]) {
      places.push(t.word + (tokens[i + 1] as Token).word);
      taken[i + 1] = true;
    } else if (isPlace(t) && !inRegion(t))
      places.push(t.word); // the gazetteer names it, finer
    else if (isPerson(t) && !inRegion(t)) persons.push(t.word);
  });
  for (const r of regionSpans) {
    const inside = tokens.some((t, i) => taken[i] && t.start < r.end && r.start < t.end);
    if (!inside) places.push(text.slice(r.start, r.end));
  }
  persons.push(...watched.names);
  return { persons: unique(persons), orgs: unique(orgs), places: unique(places) };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
