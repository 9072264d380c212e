import { describe, expect, it } from 'vitest';
import { KeywordExtractor } from './keywords.ts';
import { addUserWords, isWordlike, segment } from './segment.ts';

describe('segment', () => {
  it('cuts Chinese into words and drops punctuation and spaces', () => {
    const words = segment('宁波妇儿医院今天下午发生一起坠楼事件，有关部门正在调查。');
    expect(words).toContain('医院');
    expect(words).toContain('调查');
    expect(words.some((w) => /[，。\s]/.test(w))).toBe(false);
  });
});

describe('isWordlike', () => {
  it('agrees with /[\\p{L}\\p{N}]/u on words of every kind', () => {
    const words = [
      '医院',
      'abc',
      'ABC',
      'a',
      'Z',
      '9',
      '，',
      '。',
      ' ',
      '...',
      '@',
      '#',
      '_',
      '[',
      '`',
      '{',
      '～',
      '１２',
      'Ｗ',
      'αβ',
      'Ω',
      'カタカナ',
      '한국',
      '😀',
      '😀a',
      '–',
      '·',
      '、',
      '—',
      '١٢',
      '㐀',
      '𠀀',
      ' \t',
      'x y',
      '!a',
    ];
    for (const w of words) expect(isWordlike(w), w).toBe(/[\p{L}\p{N}]/u.test(w));
  });
});

describe('user dictionaries', () => {
  it('keeps policy terms and division names whole', () => {
    expect(segment('市民通过一网通办平台反映恩施土家族苗族自治州的欠薪问题')).toEqual(
      expect.arrayContaining(['一网通办', '恩施土家族苗族自治州', '欠薪']),
    );
  });

  it('learns watched names at run time', () => {
    expect(segment('网友举报张大力违规收费')).not.toContain('张大力');
    addUserWords([{ word: '张大力', tag: 'nr' }]);
    expect(segment('网友举报张大力违规收费')).toContain('张大力');
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

  it('takes no English function words: quoted slogans and "via" credits', () => {
    const extractor = new KeywordExtractor();
    const tokens = segment('马航旧广告语 Wherever you go, no one will ever know (via 新浪新闻)');
    const words = extractor.extract(tokens, 20).map((k) => k.word);
    expect(words).toEqual(expect.arrayContaining(['广告语', 'Wherever']));
    for (const w of ['you', 'go', 'no', 'one', 'will', 'ever', 'know', 'via']) expect(words).not.toContain(w);
  });

  it('takes no counts (第一个, 三万多元), but 两会', () => {
    const words = new KeywordExtractor()
      .extract(segment('两会期间他第一个发言，花了三万多元'), 20)
      .map((k) => k.word);
    expect(words).toContain('两会');
    for (const w of ['第一个', '三万多元']) expect(words).not.toContain(w);
  });

  it('takes no times or pointing words (六点半, 每周五, 12-14, 这部), but 五角场 and 二战时期', () => {
    const tokens = ['六点半', '每周五', '12-14', '这部', '第六届', '五角场', '二战时期', '查处'];
    const words = new KeywordExtractor().extract(tokens, 20).map((k) => k.word);
    expect(words.sort()).toEqual(['二战时期', '五角场', '查处'].sort());
  });

  it('learns document frequencies: a word in every document loses weight', () => {
    const extractor = new KeywordExtractor();
    const before = extractor.idf('通报');
    for (let i = 0; i < 2000; i++) extractor.observe(['通报', `词${i}`]);
    expect(extractor.idf('通报')).toBeLessThan(before / 2);
    expect(extractor.idf('词1')).toBeGreaterThan(extractor.idf('通报'));
  });

  it('counts only words that can be keywords, and forgets the rarest past 500 000', () => {
    const extractor = new KeywordExtractor();
    extractor.observe(['的', '暴', '2024', '3.5%', '暴雨', '暴雨']);
    expect(extractor.terms).toBe(1);
    // 600 000 words seen once each, and 通报 in every document.
    for (let d = 0; d < 6000; d++)
      extractor.observe(['通报', ...Array.from({ length: 100 }, (_, i) => `词${d}_${i}`)]);
    expect(extractor.terms).toBeLessThanOrEqual(500_000);
    expect(extractor.terms).toBeGreaterThan(100_000);
    // The frequent words keep their counts; a forgotten word weighs as an unseen one.
    expect(extractor.idf('通报')).toBeLessThan(extractor.idf('暴雨'));
    expect(extractor.idf('暴雨')).toBeLessThan(extractor.idf('词0_0'));
    expect(extractor.idf('词0_0')).toBe(extractor.idf('词未见过'));
  });
});
