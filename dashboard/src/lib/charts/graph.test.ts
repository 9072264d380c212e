import { describe, expect, it } from 'vitest';
import { type Chain, reprintGraph, reprintGraphOption } from './graph.ts';

/** One original on `a.test` reprinted by `b.test` twice (once through a reprint) and by `c.test`. */
const node = (id: string, site: string, mediaType = 'news') => ({
  id,
  site,
  mediaType,
  title: `标题 ${id}`,
  time: 0,
});
const chains: Chain[] = [
  {
    root: node('d1', 'a.test'),
    reprints: [
      { ...node('d2', 'b.test', 'forum'), parentId: 'd1', via: 'duplicate' },
      { ...node('d3', 'c.test'), parentId: 'd1', via: 'url' },
      { ...node('d4', 'b.test', 'forum'), parentId: 'd2', via: 'duplicate' },
      { ...node('d5', 'a.test'), parentId: 'd1', via: 'duplicate' },
    ],
  },
];

describe('reprintGraph', () => {
  it('draws every document with an edge from the original to each reprint', () => {
    const g = reprintGraph(chains, 'document');
    expect(g.nodes.map((n) => n.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(g.links.map((l) => `${l.source}>${l.target}`)).toEqual(['d1>d2', 'd1>d3', 'd2>d4', 'd1>d5']);
    expect(g.nodes.find((n) => n.id === 'd1')?.value).toBe(3);
    expect(g.categories.map((c) => c.name)).toEqual(['新闻', '论坛']);
  });

  it('folds documents into sites, counts reprints between sites and drops a site reprinting itself', () => {
    const g = reprintGraph(chains, 'site');
    expect(g.nodes.map((n) => [n.id, n.value])).toEqual([
      ['a.test', 2],
      ['b.test', 2],
      ['c.test', 1],
    ]);
    expect(g.links.map((l) => [l.source, l.target, l.value])).toEqual([
      ['a.test', 'b.test', 1],
      ['a.test', 'c.test', 1],
    ]);
  });

  it('says 暂无转载 when there is nothing to draw', () => {
    expect(reprintGraph([], 'site').nodes).toEqual([]);
    expect(reprintGraphOption([], 'site').title).toMatchObject({ text: '暂无转载' });
    expect(reprintGraphOption(chains, 'site').title).toBeUndefined();
  });
});
