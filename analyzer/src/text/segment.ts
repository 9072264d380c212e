import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { getGazetteer } from '../regions/gazetteer.ts';

const GOV_TERMS = new URL('../../dict/gov-terms.txt', import.meta.url);
/** High enough to keep a user word whole, low enough not to swallow its neighbours. */
const USER_WORD_FREQ = 3000;

let jieba: Jieba | undefined;

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
    jieba.loadDict(dictLines(builtInUserWords()));
  }
  return jieba;
}

/** Adds words (watched people and their aliases, plan terms) to this thread's jieba. */
export function addUserWords(words: Iterable<UserWord>): void {
  getJieba().loadDict(dictLines(words));
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Words of a text in order, without whitespace and punctuation. Stop words are kept. */
export function segment(text: string): string[] {
  return getJieba()
    .cut(text, true)
    .filter((w) => WORDLIKE.test(w))
    .map((w) => w.trim())
    .filter(Boolean);
}
