import { segment } from '@yuqing/analyzer';
import { describe, expect, it } from 'vitest';
import { compileQuery, regionPrefix, SearchQuerySchema, toSearchFilter } from './search.ts';

function fieldOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string {
  return result.error?.issues[0]?.path.join('.') ?? '';
}

describe('SearchQuerySchema', () => {
  it('parses the query language and the filters', () => {
    const q = SearchQuerySchema.parse({
      q: '暴雨 -谣言',
      mediaType: 'news,forum',
      sentiment: 'negative',
      region: '440000,440100',
      limit: '50',
    });
    expect(q.q?.parsed.none).toEqual([{ kind: 'word', text: '谣言' }]);
    expect(q.mediaType).toEqual(['news', 'forum']);
    expect(q.limit).toBe(50);
  });

  it.each([
    [{ q: '"open' }, 'q'],
    [{ mediaType: 'tv' }, 'mediaType'],
    [{ sentiment: 'angry' }, 'sentiment'],
    [{ region: '44' }, 'region'],
    [{ limit: '1000' }, 'limit'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' }, 'from'],
    [{ cursor: 'nonsense' }, 'cursor'],
    [{ minSensitivity: '101' }, 'minSensitivity'],
  ])('rejects %o on the field %s', (params, field) => {
    const result = SearchQuerySchema.safeParse(params);
    expect(result.success).toBe(false);
    expect(fieldOf(result)).toBe(field);
  });
});

describe('compileQuery', () => {
  // A stand-in for jieba: splits on spaces and on 的.
  const cut = (text: string) => text.split(/[\s的]+/).filter(Boolean);

  it('segments words into tokens and keeps phrases for the text check', () => {
    const parsed = SearchQuerySchema.parse({ q: '广州 暴雨 OR 台风 "地铁 停运" -谣言' }).q?.parsed;
    expect(compileQuery(parsed ?? { all: [], none: [] }, cut)).toEqual({
      all: [
        [{ tokens: ['广州'] }],
        [{ tokens: ['暴雨'] }, { tokens: ['台风'] }],
        [{ tokens: ['地铁', '停运'], phrase: '地铁 停运' }],
      ],
      none: [{ tokens: ['谣言'] }],
    });
  });

  it('segments with jieba as the analyzer does', () => {
    const parsed = SearchQuerySchema.parse({ q: '广州暴雨' }).q?.parsed;
    expect(compileQuery(parsed ?? { all: [], none: [] }, segment).all[0]?.[0]?.tokens).toEqual([
      '广州',
      '暴雨',
    ]);
  });
});

describe('toSearchFilter', () => {
  it('turns region codes into prefixes and lists the highlight words (jieba by default)', async () => {
    const { filter, highlight } = await toSearchFilter(
      SearchQuerySchema.parse({ q: '广州暴雨', region: '440000,440100,440106' }),
    );
    expect(filter.regionPrefixes).toEqual(['44', '4401', '440106']);
    expect(highlight).toEqual(['广州暴雨', '广州', '暴雨']);
  });

  it('is an unfiltered listing without parameters', async () => {
    expect((await toSearchFilter(SearchQuerySchema.parse({}))).filter.all).toEqual([]);
  });
});

describe('regionPrefix', () => {
  it.each([
    ['110000', '11'],
    ['110100', '1101'],
    ['110105', '110105'],
  ])('%s → %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
});
