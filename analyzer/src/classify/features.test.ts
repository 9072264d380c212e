/**
 * The allocation-free features (unit-by-unit lower-casing, reused buffers, counting by open
 * addressing) must equal the plain construction: lower-case the strings, hash, count in a Map,
 * normalise.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.ts';
import { BODY_CHARS, extractFeatures, FeatureScratch, featuresInto, TITLE_WEIGHT } from './features.ts';

const fnv = (s: string, seed: number) => {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};
const bigram = (a: number, b: number) =>
  Math.imul(Math.imul(0x01000193 ^ a, 0x01000193) ^ b, 0x01000193) >>> 0;

/** The features as first written: strings lower-cased, a Map of counts, sorted buckets. */
function reference(title: string, body: string | undefined, dim: number) {
  const mask = dim - 1;
  const counts = (text: string) => {
    const m = new Map<number, number>();
    const add = (k: number) => m.set(k, (m.get(k) ?? 0) + 1);
    for (const w of segment(text)) add(fnv(w.toLowerCase(), 0x811c9dc5) & mask);
    const lower = text.toLowerCase();
    const cps = [...lower];
    let prev = -1;
    for (const cp of cps) {
      if (!/[\p{L}\p{N}]/u.test(cp)) {
        prev = -1;
        continue;
      }
      for (let u = 0; u < cp.length; u++) {
        const c = cp.charCodeAt(u);
        if (prev >= 0) add(bigram(prev, c) & mask);
        prev = c;
      }
    }
    const keys = [...m.keys()].sort((a, b) => a - b);
    const v = keys.map((k) => Math.log1p(m.get(k) as number));
    return { keys, v };
  };
  const t = counts(title);
  const b = body ? counts(body.slice(0, BODY_CHARS)) : { keys: [], v: [] };
  const scale = (v: number[], w: number) => {
    const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    return v.map((x) => (n === 0 ? 0 : (x * w) / n));
  };
  const tv = scale(t.v, b.keys.length > 0 ? TITLE_WEIGHT : 1);
  const bv = scale(b.v, t.keys.length > 0 ? 1 - TITLE_WEIGHT : 1);
  const merged = new Map<number, number>();
  t.keys.forEach((k, i) => {
    merged.set(k, tv[i] as number);
  });
  b.keys.forEach((k, i) => {
    merged.set(k, (merged.get(k) ?? 0) + (bv[i] as number));
  });
  const keys = [...merged.keys()].sort((a, c) => a - c);
  const norm = Math.sqrt(keys.reduce((s, k) => s + (merged.get(k) as number) ** 2, 0));
  return {
    index: Uint32Array.from(keys),
    value: Float32Array.from(keys, (k) => (norm > 0 ? (merged.get(k) as number) / norm : 0)),
  };
}

/** Features in bucket order (they come in the order the buckets first occur). */
function sorted(f: { index: Uint32Array; value: Float32Array }) {
  const order = Array.from(f.index.keys()).sort((a, b) => (f.index[a] as number) - (f.index[b] as number));
  return {
    index: Uint32Array.from(order, (i) => f.index[i] as number),
    value: Float32Array.from(order, (i) => f.value[i] as number),
  };
}

const CASES: [string, string | undefined][] = [
  ['华为发布新款5G芯片', '人工智能算力大幅提升，APP Store 上架'],
  ['iPhone 15 Pro 发布', undefined],
  ['ΣΟΦΙΑ 与 İstanbul 的 ＡＢＣ 全角', '𠮷野家 😀 开业，々〇 々'],
  ['今天天气真好😀😀出去玩🎉', '点赞👍👍OK，转发🔥'],
  ['', '只有正文，没有标题。'.repeat(80)],
  ['只有标题', ''],
  ['', undefined],
  ['梅西梅开二度，巴萨客场击败皇马', '本赛季中超联赛第十轮，上港主场迎战国安'.repeat(3)],
];

describe('category features', () => {
  it.each(CASES)('equal the plain construction: %s', (title, body) => {
    const got = sorted(extractFeatures(title, body, 1 << 18));
    const want = reference(title, body, 1 << 18);
    expect(Array.from(got.index)).toEqual(Array.from(want.index));
    for (let i = 0; i < want.value.length; i++) expect(got.value[i]).toBeCloseTo(want.value[i] as number, 6);
  });

  it('reuse a scratch between documents without leaking one into the next', () => {
    const s = new FeatureScratch();
    featuresInto('很长的一篇文章'.repeat(200), '正文'.repeat(500), 1 << 18, undefined, s);
    featuresInto('短标题', undefined, 1 << 18, undefined, s);
    const alone = extractFeatures('短标题', undefined, 1 << 18);
    expect(Array.from(s.index.subarray(0, s.length))).toEqual(Array.from(alone.index));
    expect(Array.from(s.value.subarray(0, s.length))).toEqual(Array.from(alone.value));
  });

  it('take the words when given, the same as segmenting', () => {
    const title = '央行下调存款准备金率';
    const body = '银行理财收益率走低，股市上涨';
    const given = extractFeatures(title, body, 1 << 18, { title: segment(title), body: segment(body) });
    expect(given).toEqual(extractFeatures(title, body, 1 << 18));
  });
});
