import { describe, expect, it } from 'vitest';
import { dedupTokens, dedupTokensOf } from '../dedup/index.ts';
import { addUserWords, getJieba, splitTagged, tagWords } from './segment.ts';
import { TagTable } from './tag-table.ts';

const TEXTS = [
  '宁波妇儿医院今天下午发生一起坠楼事件，有关部门正在调查。',
  '市民通过一网通办平台反映恩施土家族苗族自治州的欠薪问题，发改委和信访局回应',
  'iPhone 15 Pro 售价 7999 元，3.5% 的用户在 ABC123 上反映 x86_64 机器卡顿😀',
  '张三丰在海淀区食品安全检查中发现养老金问题，城区郊区都有',
];

describe('tagWords', () => {
  it('gives the same words and POS tags as jieba’s own tagger', () => {
    const jieba = getJieba();
    for (const text of TEXTS) expect(tagWords(text)).toEqual(splitTagged(jieba.tag(text, true)));
  });

  it('knows user words added later', () => {
    expect(tagWords('钱塘江大桥守护者发布了新消息').words).not.toContain('钱塘江大桥守护者');
    addUserWords([{ word: '钱塘江大桥守护者', tag: 'nz' }]);
    const tagged = tagWords('钱塘江大桥守护者发布了新消息');
    expect(tagged.tags[tagged.words.indexOf('钱塘江大桥守护者')]).toBe('nz');
    expect(tagged).toEqual(splitTagged(getJieba().tag('钱塘江大桥守护者发布了新消息', true)));
  });
});

describe('TagTable', () => {
  it('keeps the first tag of a word and knows nothing of other words', () => {
    const t = new TagTable(10);
    t.add('城区', 'n');
    t.add('城区', 'ns');
    t.add('海淀区', 'ns');
    expect(t.get('城区')).toBe('n');
    expect(t.get('海淀区')).toBe('ns');
    expect(t.get('海淀')).toBeUndefined();
    expect(t.size).toBe(2);
    // A word added after a look-up found nothing is found (the memo of look-ups is cleared).
    t.add('海淀', 'ns');
    expect(t.get('海淀')).toBe('ns');
    expect(t.get('城区')).toBe('n');
  });

  it('still answers once full (late words go to an overflow map)', () => {
    const t = new TagTable(10);
    const words = Array.from({ length: 60_000 }, (_, i) => `词${i}`);
    for (const [i, w] of words.entries()) t.add(w, i % 2 ? 'n' : 'v');
    for (const [i, w] of words.entries()) expect(t.get(w)).toBe(i % 2 ? 'n' : 'v');
    expect(t.get('词60000')).toBeUndefined();
  });
});

describe('dedupTokensOf', () => {
  it('drops links, @names and emoticons from the words already cut, like dedupTokens', () => {
    const text = '@人民日报 西湖区居民楼火灾两人受伤[蜡烛] 详见 http://t.cn/abc123 #杭州火灾#';
    const tokens = dedupTokensOf(text, tagWords(text).words);
    expect(tokens).toEqual(expect.arrayContaining(['西湖区', '居民楼', '火灾', '受伤']));
    for (const gone of ['人民日报', '蜡烛', 't.cn', 'abc123', '杭州']) expect(tokens).not.toContain(gone);
    expect(tokens).toEqual(dedupTokens(text));
  });
});
