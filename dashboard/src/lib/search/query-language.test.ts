import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight.ts';
import { highlightTerms, parseQuery, QueryError } from './query-language.ts';

const w = (text: string) => ({ kind: 'word', text });
const p = (text: string) => ({ kind: 'phrase', text });

describe('parseQuery', () => {
  it('ANDs words separated by spaces', () => {
    expect(parseQuery('暴雨  广州')).toEqual({ all: [[w('暴雨')], [w('广州')]], none: [] });
  });

  it('ORs neighbours joined by OR or |, tighter than AND', () => {
    expect(parseQuery('暴雨 OR 台风 广州')).toEqual({ all: [[w('暴雨'), w('台风')], [w('广州')]], none: [] });
    expect(parseQuery('a | b | c')).toEqual({ all: [[w('a'), w('b'), w('c')]], none: [] });
  });

  it('excludes -word and NOT word', () => {
    expect(parseQuery('暴雨 -谣言 NOT 演习')).toEqual({ all: [[w('暴雨')]], none: [w('谣言'), w('演习')] });
  });

  it('keeps quoted phrases, in ASCII or Chinese quotes, negated too', () => {
    expect(parseQuery('"地铁 停运" 广州')).toEqual({ all: [[p('地铁 停运')], [w('广州')]], none: [] });
    expect(parseQuery('“地铁停运”')).toEqual({ all: [[p('地铁停运')]], none: [] });
    expect(parseQuery('广州 -"演练"')).toEqual({ all: [[w('广州')]], none: [p('演练')] });
  });

  it('treats lower-case or and a lone hyphen as words, and AND as noise', () => {
    expect(parseQuery('a or b')).toEqual({ all: [[w('a')], [w('or')], [w('b')]], none: [] });
    expect(parseQuery('a AND b')).toEqual({ all: [[w('a')], [w('b')]], none: [] });
    expect(parseQuery('a - b').all).toHaveLength(3);
  });

  it('is empty for an empty query', () => {
    expect(parseQuery('   ')).toEqual({ all: [], none: [] });
  });

  it.each([
    ['"未闭合', '引号'],
    ['OR 暴雨', 'OR'],
    ['暴雨 OR', 'OR'],
    ['暴雨 OR -谣言', 'OR'],
    ['-谣言', '排除词'],
    ['暴雨 NOT', 'NOT'],
    ['x'.repeat(501), '过长'],
    [Array.from({ length: 31 }, (_, i) => `w${i}`).join(' '), '过多'],
  ])('rejects %s with a message about %s', (input, words) => {
    expect(() => parseQuery(input)).toThrow(QueryError);
    expect(() => parseQuery(input)).toThrow(words);
  });

  it('highlights the positive words and phrases only', () => {
    expect(highlightTerms(parseQuery('暴雨 OR 台风 "地铁停运" -谣言'))).toEqual(['暴雨', '台风', '地铁停运']);
  });
});

describe('highlightSegments', () => {
  it('splits text into plain and matching parts, longest term first', () => {
    expect(highlightSegments('广州暴雨致地铁停运，暴雨橙色预警', ['暴雨', '地铁停运', '地铁'])).toEqual([
      { text: '广州', match: false },
      { text: '暴雨', match: true },
      { text: '致', match: false },
      { text: '地铁停运', match: true },
      { text: '，', match: false },
      { text: '暴雨', match: true },
      { text: '橙色预警', match: false },
    ]);
  });

  it('matches Latin text case-insensitively and keeps markup as text', () => {
    expect(highlightSegments('<b>GDP</b> up', ['gdp'])).toEqual([
      { text: '<b>', match: false },
      { text: 'GDP', match: true },
      { text: '</b> up', match: false },
    ]);
  });

  it('returns the text unchanged without terms', () => {
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlightSegments('', ['a'])).toEqual([]);
  });
});
