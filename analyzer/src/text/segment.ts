import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** One shared jieba with the shipped dictionary; created on first use (about 0.3 s). */
export function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
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
