/**
 * A topic's word groups (词群关系) as an ECharts graph: each keyword a node sized by the stories
 * that have it and coloured by its group, each link a pair that occurs together, wider the more
 * the two go together. The shape is the analyzer's `wordGroups` result.
 */

import { emptyTitle } from './empty-title.ts';

type Option = Record<string, unknown>;

export interface WordGroupsData {
  nodes: Array<{ word: string; documents: number; group: number }>;
  links: Array<{ a: string; b: string; documents: number; strength: number }>;
  groups: Array<{ words: string[] }>;
}

const PALETTE = ['#1677ff', '#fa8c16', '#52c41a', '#b3261e', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];
/** Groups of two words or more named in the legend; the rest share the last colour as 其他. */
const NAMED_GROUPS = PALETTE.length - 1;

/** A group's legend name: its two most frequent words. */
const groupName = (words: readonly string[]) => words.slice(0, 2).join(' · ');

export function wordGroupsOption(g: WordGroupsData): Option {
  const max = Math.max(1, ...g.nodes.map((n) => n.documents));
  const named = g.groups.filter((x) => x.words.length > 1).slice(0, NAMED_GROUPS);
  const categoryOf = new Map(named.map((x, i) => [g.groups.indexOf(x), i]));
  const other = named.length;
  const option: Option = {
    color: [...PALETTE.slice(0, other), PALETTE[PALETTE.length - 1]],
    tooltip: { trigger: 'item' },
    legend: { top: 0, type: 'scroll', data: named.map((x) => groupName(x.words)) },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 36,
        force: { repulsion: 160, edgeLength: [40, 140], gravity: 0.1 },
        categories: [...named.map((x) => ({ name: groupName(x.words) })), { name: '其他' }],
        label: { show: true, position: 'right', color: '#1f1f1f' },
        lineStyle: { color: 'source', opacity: 0.5, curveness: 0.1 },
        emphasis: { focus: 'adjacency' },
        data: g.nodes.map((n) => ({
          id: n.word,
          name: n.word,
          value: n.documents,
          category: categoryOf.get(n.group) ?? other,
          symbolSize: 14 + 36 * Math.sqrt(n.documents / max),
          label: { fontSize: 11 + Math.round(7 * Math.sqrt(n.documents / max)) },
        })),
        links: g.links.map((l) => ({
          source: l.a,
          target: l.b,
          value: l.documents,
          lineStyle: { width: 1 + 5 * l.strength },
        })),
      },
    ],
  };
  if (g.nodes.length === 0) {
    option.title = emptyTitle('暂无关键词');
  }
  return option;
}
