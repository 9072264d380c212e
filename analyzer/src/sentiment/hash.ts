/**
 * Feature hashing without building strings: FNV-1a over UTF-16 code units, seeded per feature
 * kind, then a murmur3 finaliser so that the low bits (the bucket) are well mixed.
 */

export const SEED = {
  word: 0x811c9dc5,
  negatedWord: 0x2f3a9b17,
  bigram: 0x6b43a9b5,
  char2: 0x1b873593,
  char3: 0x3c6ef372,
  emoticon: 0x5bd1e995,
  pattern: 0x27d4eb2f,
  dense: 0x165667b1,
  lexicon: 0x7f4a7c15,
} as const;

export function hashString(seed: number, s: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Continues a hash with one more code unit (used for separators and character n-grams). */
export function hashCode(h: number, code: number): number {
  return Math.imul((h ^ code) >>> 0, 0x01000193) >>> 0;
}

export function finalise(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
