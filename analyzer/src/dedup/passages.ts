import { foldUnit } from '../sensitivity/aho-corasick.ts';
import { cleanText } from './normalize.ts';
import { fmix32 } from './simhash.ts';

/**
 * Passage fingerprints: a text's sentences (and 【headlines】) hashed one by one. A reprint that
 * puts a comment in front, adds a sentence or cuts one keeps most of its sentences word for word,
 * while its SimHash may move by more than the index's 3 bits; the sentences it shares with an
 * earlier text find it (`SimHashIndex.findNear`).
 *
 * A fingerprint is one safe integer: a 41-bit hash of the sentence's letters, digits and Chinese
 * characters (punctuation, spaces and case do not count) times 4096, plus its length in those
 * characters (at most 4095).
 */
const MIN_PASSAGE_CHARS = 10;
/** A text keeps the fingerprints of its longest sentences, at most this many. */
export const MAX_PASSAGES = 8;

const LENGTH_SPAN = 4096;

/** Characters that end a passage: sentence ends, line breaks and the brackets of a 【headline】. */
const BOUNDARY = new Uint8Array(0x10000);
for (const c of '。！？!?；;…\n\r【】｡') BOUNDARY[c.charCodeAt(0)] = 1;

/**
 * The code a character counts as in a passage, or 0 when it does not count: Chinese characters as
 * they are, ASCII and full-width letters and digits as lower-case ASCII.
 */
function counted(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return c;
  const f = foldUnit(c);
  return (f >= 0x61 && f <= 0x7a) || (f >= 0x30 && f <= 0x39) ? f : 0;
}

/**
 * The fingerprints of a text's longest distinct passages (of at least MIN_PASSAGE_CHARS), read
 * without boilerplate, links and @names: `clean` is the text as `cleanText` or `blankText` leaves
 * it, when the caller has it already.
 */
export function passageFingerprints(text: string, clean = cleanText(text)): number[] {
  const found: number[] = [];
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  let length = 0;
  for (let i = 0; i <= clean.length; i++) {
    const c = i < clean.length ? clean.charCodeAt(i) : 0x0a;
    if (BOUNDARY[c] === 1) {
      if (length >= MIN_PASSAGE_CHARS) {
        const key = fmix32(h1 >>> 0) * 512 + (fmix32(h2 >>> 0) >>> 23);
        found.push(key * LENGTH_SPAN + Math.min(length, LENGTH_SPAN - 1));
      }
      h1 = 0x811c9dc5;
      h2 = 0x050c5d1f;
      length = 0;
      continue;
    }
    const k = counted(c);
    if (k === 0) continue;
    h1 = Math.imul(h1 ^ k, 0x01000193);
    h2 = Math.imul(h2 ^ k, 0x5bd1e995) ^ (h2 >>> 15);
    length++;
  }
  const distinct = [...new Set(found)];
  if (distinct.length <= MAX_PASSAGES) return distinct;
  // The longest, the same ones in every copy of the text (ties by fingerprint, not by position).
  return distinct.sort((a, b) => passageLength(b) - passageLength(a) || a - b).slice(0, MAX_PASSAGES);
}

/** A passage's length in counted characters. */
export function passageLength(fingerprint: number): number {
  return fingerprint % LENGTH_SPAN;
}

/** The passage's 41-bit hash, without its length. */
export function passageKey(fingerprint: number): number {
  return Math.floor(fingerprint / LENGTH_SPAN);
}
