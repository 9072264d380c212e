import { describe, expect, it } from 'vitest';
import { type WordGroupsData, wordGroupsOption } from './word-groups.ts';

/** Two groups of a flood topic and a word of its own. */
const data: WordGroupsData = {
  nodes: [
    { word: '暴雨', documents: 10, group: 0 },
    { word: '地铁', documents: 6, group: 0 },
    { word: '救援', documents: 5, group: 1 },
    { word: '消防', documents: 4, group: 1 },
    { word: '气象台', documents: 1, group: 2 },
  ],
  links: [
    { a: '暴雨', b: '地铁', documents: 6, strength: 0.75 },
    { a: '救援', b: '消防', documents: 4, strength: 0.889 },
  ],
  groups: [{ words: ['暴雨', '地铁'] }, { words: ['救援', '消防'] }, { words: ['气象台'] }],
};

type Series = {
  data: Array<{ id: string; category: number; symbolSize: number; value: number }>;
  links: Array<{ source: string; target: string; value: number; lineStyle: { width: number } }>;
  categories: Array<{ name: string }>;
};

describe('wordGroupsOption', () => {
  it('draws words sized by their stories, coloured by group, linked by co-occurrence', () => {
    const option = wordGroupsOption(data);
    const series = (option.series as Series[])[0] as Series;
    expect(series.categories.map((c) => c.name)).toEqual(['暴雨 · 地铁', '救援 · 消防', '其他']);
    expect(series.data.map((n) => [n.id, n.category])).toEqual([
      ['暴雨', 0],
      ['地铁', 0],
      ['救援', 1],
      ['消防', 1],
      ['气象台', 2],
    ]);
    const size = (id: string) => series.data.find((n) => n.id === id)?.symbolSize ?? 0;
    expect(size('暴雨')).toBeGreaterThan(size('地铁'));
    expect(size('地铁')).toBeGreaterThan(size('气象台'));
    expect(series.links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['暴雨', '地铁', 6],
      ['救援', '消防', 4],
    ]);
    expect(series.links[1]?.lineStyle.width).toBeGreaterThan(series.links[0]?.lineStyle.width ?? 0);
    expect((option.legend as { data: string[] }).data).toEqual(['暴雨 · 地铁', '救援 · 消防']);
    expect(option.title).toBeUndefined();
  });

  it('says so when the topic has no keywords', () => {
    const option = wordGroupsOption({ nodes: [], links: [], groups: [] });
    expect((option.title as { text: string }).text).toBe('暂无关键词');
  });
});
