import { MEDIA_NAMES } from '../labels.ts';
import { emptyTitle } from './empty-title.ts';

/**
 * The reprint graph of an event (转载关系图) as an ECharts graph series, from its reprint chains
 * (getEventReprints). Edges run from the original to the reprint. `site` folds documents into
 * their sites, so a wall screen shows who carries whom; `document` shows every document.
 */

type Option = Record<string, unknown>;
export type GraphMode = 'site' | 'document';

interface Node {
  id: string;
  site: string;
  mediaType: string;
  title: string;
  time: number;
}
export interface Chain {
  root: Node;
  reprints: Array<Node & { parentId: string; via: string }>;
}

const PALETTE = ['#b3261e', '#fa8c16', '#1677ff', '#13c2c2', '#722ed1', '#52c41a', '#eb2f96', '#8c8c8c'];
/** How a reprint was found: near-duplicate text or a link to the original's URL. */
export const VIA_NAMES: Readonly<Record<string, string>> = { duplicate: '近似转载', url: '链接引用' };
const MAX_NODES = 200;

export interface GraphData {
  nodes: Array<{
    id: string;
    name: string;
    category: number;
    value: number;
    symbolSize: number;
    label: Option;
  }>;
  links: Array<{ source: string; target: string; value: number; lineStyle?: Option }>;
  categories: Array<{ name: string }>;
}

/** Nodes and edges of the graph; pure, so it can be tested without a browser. */
export function reprintGraph(chains: readonly Chain[], mode: GraphMode): GraphData {
  const mediaTypes: string[] = [];
  const category = (m: string) => {
    const i = mediaTypes.indexOf(m);
    if (i >= 0) return i;
    mediaTypes.push(m);
    return mediaTypes.length - 1;
  };
  const docs = new Map<string, Node>();
  const edges: Array<{ from: string; to: string; via: string }> = [];
  for (const c of chains) {
    docs.set(c.root.id, c.root);
    for (const r of c.reprints) {
      if (docs.size >= MAX_NODES && !docs.has(r.id)) break;
      docs.set(r.id, r);
      edges.push({ from: r.parentId, to: r.id, via: r.via });
    }
  }
  const categories = () => mediaTypes.map((m) => ({ name: MEDIA_NAMES[m] ?? (m || '其他') }));

  if (mode === 'document') {
    const out = new Map<string, number>();
    for (const e of edges) out.set(e.from, (out.get(e.from) ?? 0) + 1);
    const nodes = [...docs.values()].map((d) => {
      const reprinted = out.get(d.id) ?? 0;
      return {
        id: d.id,
        name: `${d.site} · ${d.title.slice(0, 30)}`,
        category: category(d.mediaType),
        value: reprinted,
        symbolSize: 8 + Math.min(30, 6 * Math.sqrt(reprinted)),
        label: { show: reprinted > 0, formatter: d.site.replace(/[{}|]/g, '') },
      };
    });
    const links = edges
      .filter((e) => docs.has(e.from) && docs.has(e.to))
      .map((e) => ({
        source: e.from,
        target: e.to,
        value: 1,
        lineStyle: e.via === 'duplicate' ? {} : { type: 'dashed' },
      }));
    return { nodes, links, categories: categories() };
  }

  const siteOf = (id: string) => docs.get(id)?.site ?? '';
  const siteDocs = new Map<string, { documents: number; mediaType: string }>();
  for (const d of docs.values()) {
    const s = siteDocs.get(d.site) ?? { documents: 0, mediaType: d.mediaType };
    s.documents += 1;
    siteDocs.set(d.site, s);
  }
  const pairs = new Map<string, { source: string; target: string; value: number }>();
  for (const e of edges) {
    const [a, b] = [siteOf(e.from), siteOf(e.to)];
    if (!a || !b || a === b) continue;
    const key = `${a}\u0000${b}`;
    const p = pairs.get(key) ?? { source: a, target: b, value: 0 };
    p.value += 1;
    pairs.set(key, p);
  }
  const nodes = [...siteDocs].map(([site, s]) => ({
    id: site,
    name: site,
    category: category(s.mediaType),
    value: s.documents,
    symbolSize: 16 + Math.min(40, 8 * Math.sqrt(s.documents)),
    label: { show: true },
  }));
  const links = [...pairs.values()].map((p) => ({
    ...p,
    lineStyle: { width: Math.min(8, 1 + Math.log2(p.value)) },
  }));
  return { nodes, links, categories: categories() };
}

export function reprintGraphOption(chains: readonly Chain[], mode: GraphMode): Option {
  const g = reprintGraph(chains, mode);
  const option: Option = {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    legend: { top: 0, type: 'scroll', data: g.categories.map((c) => c.name) },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        top: 36,
        force: {
          repulsion: mode === 'site' ? 320 : 90,
          edgeLength: mode === 'site' ? [90, 200] : [30, 90],
          gravity: 0.08,
        },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        categories: g.categories,
        label: { position: 'right', fontSize: 11, color: '#333' },
        lineStyle: { color: 'source', opacity: 0.6, curveness: 0.1 },
        emphasis: { focus: 'adjacency' },
        data: g.nodes,
        links: g.links,
      },
    ],
  };
  if (g.nodes.length === 0) {
    option.title = emptyTitle('暂无转载');
  }
  return option;
}
