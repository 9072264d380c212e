import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { getGazetteer } from '../regions/gazetteer.ts';
import { TagTable } from './tag-table.ts';

const GOV_TERMS = new URL('../../dict/gov-terms.txt', import.meta.url);
/** High enough to keep a user word whole, low enough not to swallow its neighbours. */
const USER_WORD_FREQ = 3000;

let jieba: Jieba | undefined;
/** POS tag of every dictionary word (shipped and user), as jieba's `tag` reads them. */
let tags: TagTable | undefined;

export interface UserWord {
  word: string;
  /** jieba POS tag: `nr` for people, `ns` places, `nt` organisations, `nz` other proper nouns. */
  tag: string;
}

function dictLines(words: Iterable<UserWord>): Uint8Array {
  const lines: string[] = [];
  for (const { word, tag } of words) if (/^\S+$/.test(word)) lines.push(`${word} ${USER_WORD_FREQ} ${tag}`);
  return Buffer.from(lines.join('\n'));
}

/** Reads `word freq tag` lines into the tag table; as in jieba, a word keeps the tag it was first given. */
function readTags(lines: Uint8Array, into: TagTable): void {
  const text = Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8');
  const tagNames = new Map<string, string>();
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const first = text.indexOf(' ', at);
    const second = first < 0 || first >= end ? -1 : text.indexOf(' ', first + 1);
    if (first > at && second >= 0 && second < end) {
      let tagEnd = end;
      while (tagEnd > second + 1 && text.charCodeAt(tagEnd - 1) <= 0x20) tagEnd--;
      if (tagEnd > second + 1) {
        const raw = text.slice(second + 1, tagEnd);
        let tag = tagNames.get(raw);
        if (tag === undefined) {
          tag = raw;
          tagNames.set(raw, raw);
        }
        into.addRange(text, at, first, tag);
      }
    }
    at = end + 1;
  }
}

/** Government and policy terms, and every division name of the gazetteer (海淀区, 恩施土家族苗族自治州). */
function builtInUserWords(): UserWord[] {
  const words: UserWord[] = [];
  for (const line of readFileSync(GOV_TERMS, 'utf8').split('\n')) {
    const [word, tag] = line.trim().split(/\s+/);
    if (word && !word.startsWith('#')) words.push({ word, tag: tag ?? 'nz' });
  }
  for (const d of getGazetteer().divisions.values()) words.push({ word: d.name, tag: 'ns' });
  return words;
}

/** One shared jieba per thread: the shipped dictionary plus the user dictionaries (about 0.5 s). */
export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const user = dictLines(builtInUserWords());
    jieba.loadDict(user);
    tags = new TagTable();
    readTags(dict, tags);
    readTags(user, tags);
  }
  return jieba;
}

/** Adds words (watched people and their aliases) to this thread’s jieba. */
export function addUserWords(words: Iterable<UserWord>): void {
  const lines = dictLines(words);
  getJieba().loadDict(lines);
  if (tags) readTags(lines, tags);
}

/** jieba's POS tag of a word, as `tagWords` gives it. */
export function tagOf(word: string): string {
  getJieba();
  return (tags as TagTable).get(word) ?? unknownTag(word);
}

/** One word with its tag, as jieba's own `tag` gives them. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * jieba's words of a text and their POS tags: `tags[i]` is the tag of `words[i]`. Two arrays,
 * not an object per word: every stage walks a document's words, and a batch's words then take
 * half the memory (fewer cache misses per walk, less to allocate and collect).
 */
export interface TaggedWords {
  readonly words: readonly string[];
  readonly tags: readonly string[];
}

/** jieba's own `tag` output as `TaggedWords`. */
export function splitTagged(tagged: readonly TaggedWord[]): TaggedWords {
  return { words: tagged.map((t) => t.word), tags: tagged.map((t) => t.tag) };
}

/** jieba's tag of a word it does not know: `m` for ASCII digits, `eng` for other ASCII alphanumerics, else `x`. */
function unknownTag(word: string): string {
  let eng = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      eng++;
      digits++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) eng++;
  }
  return eng === 0 ? 'x' : eng === digits ? 'm' : 'eng';
}

/**
 * The same words and POS tags as `getJieba().tag(text, true)`, about twice as fast: jieba cuts
 * (one native call returning plain strings) and the tags are read from the dictionary in JS,
 * which is all jieba's tagger does for each word it cut.
 */
export function tagWords(text: string): TaggedWords {
  const words = getJieba().cut(text, true);
  const known = tags as TagTable;
  const tagsOf: string[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    tagsOf[i] = known.get(word) ?? unknownTag(word);
  }
  return { words, tags: tagsOf };
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_UNIT = 1;
const OTHER_UNIT = 2;
const SURROGATE = 3;
/** What each UTF-16 unit is, once seen (0: not yet): punctuation then costs a read, not a regex. */
const unitKinds = new Uint8Array(0x10000);

function unitKind(c: number): number {
  let kind = unitKinds[c] as number;
  if (kind === 0) {
    if (c >= 0xd800 && c <= 0xdfff) kind = SURROGATE;
    else kind = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? LETTER_OR_DIGIT_UNIT : OTHER_UNIT;
    unitKinds[c] = kind;
  }
  return kind;
}

/** Whether a UTF-16 unit outside the surrogates is a letter or a digit, by the same table. */
export function isLetterOrDigitUnit(c: number): boolean {
  return unitKind(c) === LETTER_OR_DIGIT_UNIT;
}

/**
 * Whether a word has a letter or a digit (`/[\p{L}\p{N}]/u`): ASCII and CJK are decided by their
 * code units, other units by a table filled as they are met (punctuation such as ，。“” is a fifth
 * of jieba's words); the regex runs on the word only for a surrogate (it reads the pair as one
 * code point).
 */
export function isWordlike(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
    } else if (c >= 0x4e00 && c <= 0x9fff) return true;
    else {
      const kind = unitKind(c);
      if (kind === LETTER_OR_DIGIT_UNIT) return true;
      if (kind === SURROGATE) return WORDLIKE.test(word);
    }
  }
  return false;
}

/** Words of a text in order, without whitespace and punctuation. Stop words are kept. */
export function segment(text: string): string[] {
  return getJieba()
    .cut(text, true)
    .filter(isWordlike)
    .map((w) => w.trim())
    .filter(Boolean);
}
