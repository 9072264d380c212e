import { type Gazetteer, getGazetteer } from '../regions/index.ts';
import type { TaggedWords } from '../text/segment.ts';
import { tagWords } from '../text/segment.ts';
import { nerSpans } from './ner-tagger.ts';
import { NOT_PERSON, NOT_PLACE } from './stop-lists.ts';
import { watchHits } from './watch-list.ts';

export type { TaggedWord, TaggedWords } from '../text/segment.ts';

/** No organisation's name starts with "this" or "that" (此旅行团, 该公司): the tagger took a reference. */
const DEMONSTRATIVE = /^[此该这]/;
/**
 * Pronouns and particles that no person's name holds (none of the 19,502 persons of the MSRA and
 * Weibo NER data): a "name" with one is a phrase jieba's dictionary tags nr (谢谢您, 你们好).
 */
const NOT_IN_NAMES = /[您你们了吗呢吧啊呀哦么这谁啥]/;

export interface WatchedPerson {
  name: string;
  aliases?: string[];
}

export interface FindEntitiesOptions {
  /** People to find by name or alias; they are reported under their `name`. */
  watchList?: WatchedPerson[];
  /** The text's jieba tags (`tagWords(text)`, or of `readAs`) when the caller already has them. */
  tagged?: TaggedWords;
  gazetteer?: Gazetteer;
  /** The gazetteer's names in the text (`scanRegionNames`), when the caller already has them. */
  regionNames?: readonly { start: number; end: number }[];
  /**
   * The text in simplified script (`simplifiedForm(text) ?? text`, the same length) when the caller
   * has made it: the tagger then reads it with `tagged` and `regionNames` as they are.
   */
  readAs?: string;
  /** Run the tagger over every clause, not only those with a sign of a name (for measuring). */
  everyClause?: boolean;
}

export interface Entities {
  persons: string[];
  orgs: string[];
  places: string[];
}

/** Whether jieba's words are of this very text (the caller may have tagged a normalised form). */
function alignedWith(text: string, tagged: TaggedWords): boolean {
  let n = 0;
  for (const word of tagged.words) n += word.length;
  return n === text.length;
}

/**
 * Persons, organisations and places named in a text, found by the trained tagger (`ner-*.ts`,
 * analyzer/models/NER.md) over characters, jieba's words and tags, and the region gazetteer. The
 * watch list always wins: its names are reported under their canonical name, and the tagger's
 * names that overlap them are dropped. Names in the stop lists (小编, 城市 …) are never reported.
 */
export function findEntities(text: string, options: FindEntitiesOptions = {}): Entities {
  const found: Entities = { persons: [], orgs: [], places: [] };
  if (text.length === 0) return found;
  const tagged = options.tagged && alignedWith(text, options.tagged) ? options.tagged : tagWords(text);
  const watched = watchHits(text, options.watchList);
  const spans = nerSpans(text, tagged, options.gazetteer ?? getGazetteer(), {
    regionNames: options.regionNames,
    readAs: tagged === options.tagged ? options.readAs : undefined,
    everyClause: options.everyClause,
  });
  for (const span of spans) {
    if (watched.spans.some(([start, end]) => start < span.end && span.start < end)) continue;
    const name = tidyName(text.slice(span.start, span.end));
    if (
      span.type === 'PER' &&
      name.length >= 2 &&
      !NOT_PERSON.has(name) &&
      !name.endsWith('姓') &&
      !NOT_IN_NAMES.test(name)
    )
      found.persons.push(name);
    else if (span.type === 'LOC' && name.length >= 2 && !NOT_PLACE.has(name)) found.places.push(name);
    else if (span.type === 'ORG' && name.length >= 2 && !DEMONSTRATIVE.test(name)) found.orgs.push(name);
  }
  found.persons.push(...watched.names);
  return {
    persons: wholeNames(unique(found.persons)),
    orgs: unique(found.orgs),
    places: unique(found.places),
  };
}

/**
 * Persons without those that are another person's name less one character: a cut-short mention
 * (贾静 next to 贾静雯) or a given name without its surname (小明 next to 王小明) is the same
 * person. A name inside a much longer one stays: the longer one is more likely the tagger's error
 * (兰德里 next to 兰德里匹克).
 */
function wholeNames(persons: string[]): string[] {
  return persons.filter((p) => !persons.some((o) => o.length === p.length + 1 && o.includes(p)));
}

const OPENERS = '《“‘「『【（(〈';
const CLOSERS = '》”’」』】）)〉';
const MARK = /[《》“”‘’「」『』【】（）()〈〉]/;

/**
 * A name less the quotation marks and brackets the tagger took in with it. A stray opening mark
 * starts the name after it (英国《卫报 → 卫报, “供电局 → 供电局), but a stray parenthesis ends it: what
 * follows is an alias (欧洲央行（ECB → 欧洲央行). A stray closing mark goes (时代》周刊 → 时代周刊). Pairs
 * stay (美国《时代》杂志).
 */
export function tidyName(name: string): string {
  if (!MARK.test(name)) return name;
  const open: number[] = [];
  const stray = new Set<number>();
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string;
    if (OPENERS.includes(ch)) open.push(i);
    else if (CLOSERS.includes(ch)) {
      const last = open[open.length - 1];
      if (last !== undefined && OPENERS.indexOf(name[last] as string) === CLOSERS.indexOf(ch)) open.pop();
      else stray.add(i);
    }
  }
  let start = 0;
  let end = name.length;
  for (const i of open) {
    if (name[i] === '（' || name[i] === '(') end = Math.min(end, i);
    else if (i < end) start = i + 1;
  }
  let out = '';
  for (let i = start; i < end; i++) if (!stray.has(i)) out += name[i];
  return out;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
