import { describe, expect, it } from 'vitest';
import { KeywordExtractor } from './keywords.ts';
import { segment } from './segment.ts';

describe('segment', () => {
  it('cuts Chinese into words and drops punctuation and spaces', () => {
    const words = segment('宁波妇儿医院今天下午发生一起坠楼事件，有关部门正在调查。');
    expect(words).toContain('医院');
    expect(words).toContain('调查');
    expect(words.some((w) => /[，。\s]/.test(w))).toBe(false);
  });
});

describe('KeywordExtractor', () => {
  it('ranks topical words above function words', () => {
    const extractor = new KeywordExtractor();
    const tokens = segment('暴雨导致城区内涝，消防救援人员连夜转移被困群众，暴雨预警仍在持续。');
    const words = extractor.extract(tokens, 5).map((k) => k.word);
    expect(words).toContain('暴雨');
    expect(words).not.toContain('仍在');
    expect(words.every((w) => w.length >= 2)).toBe(true);
  });

  it('learns document frequencies: a word in every document loses weight', () => {
    const extractor = new KeywordExtractor();
    const before = extractor.idf('通报');
    for (let i = 0; i < 2000; i++) extractor.observe(['通报', `词${i}`]);
    expect(extractor.idf('通报')).toBeLessThan(before / 2);
    expect(extractor.idf('词1')).toBeGreaterThan(extractor.idf('通报'));
  });
});
