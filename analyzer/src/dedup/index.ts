export {
  blankText,
  cleanText,
  DEFAULT_MAX_DISTANCE,
  dedupTokens,
  dedupTokensOf,
  MIN_DEDUP_TOKENS,
  MIN_EXACT_TOKENS,
  maxDistanceFor,
  normalizeTokens,
} from './normalize.ts';
export { MAX_PASSAGES, passageFingerprints, passageLength } from './passages.ts';
export { fromHex, hamming, simhash, toHex } from './simhash.ts';
export {
  MIN_SHARED_CHARS,
  PASSAGE_COVERAGE,
  SimHashIndex,
  type SimHashIndexOptions,
} from './simhash-index.ts';
