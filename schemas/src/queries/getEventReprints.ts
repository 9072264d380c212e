import type { BuiltQuery, Store } from '../store/engine.ts';
import { EVENT_DOCUMENTS } from './getEventDetail.ts';

export interface ReprintNode {
  id: string;
  site: string;
  source: string;
  mediaType: string;
  title: string;
  url: string;
  time: number;
}

/** One original and the documents that reprint it, directly or through another reprint. */
export interface ReprintChain {
  root: ReprintNode;
  size: number;
  depth: number;
  reprints: Array<ReprintNode & { parentId: string; depth: number; via: string }>;
}

/** A site that spread the event: its own documents and how often others reprinted them. */
export interface CoreNode {
  site: string;
  mediaType: string;
  documents: number;
  reprinted: number;
  first: number;
  /** documents + 2 × reprinted: reach counts more than volume. */
  score: number;
}

export interface EventReprints {
  chains: ReprintChain[];
  coreNodes: CoreNode[];
}

export function buildEventReprintsQueries(eventId: string): Record<'edges' | 'sites', BuiltQuery> {
  const params = { eventId };
  return {
    edges: {
      query: `SELECT id AS child, duplicate_of AS parent, 'duplicate' AS via FROM ${EVENT_DOCUMENTS}
          WHERE duplicate_of != ''
        UNION ALL
        SELECT from_id AS child, to_id AS parent, toString(kind) AS via FROM document_links FINAL
          WHERE from_id IN (SELECT id FROM ${EVENT_DOCUMENTS})
        LIMIT 20000`,
      params,
    },
    sites: {
      query: `SELECT site, any(media_type) AS media_type, count() AS documents,
          toUnixTimestamp64Milli(min(event_time)) AS first
        FROM ${EVENT_DOCUMENTS} GROUP BY site`,
      params,
    },
  };
}

export function buildReprintNodesQuery(ids: readonly string[]): BuiltQuery {
  return {
    query: `SELECT id, site, source, media_type, title, url, toUnixTimestamp64Milli(event_time) AS time
      FROM documents FINAL WHERE id IN {ids:Array(String)}`,
    params: { ids },
  };
}

type Num = number | string;
interface Edge {
  child: string;
  parent: string;
  via: string;
}

/** Reprint chains (near-duplicates and URL citations) and the core nodes of an event. */
export async function getEventReprints(store: Store, eventId: string, limit = 20): Promise<EventReprints> {
  const q = buildEventReprintsQueries(eventId);
  const [edges, sites] = await Promise.all([
    store.query<Edge>('getEventReprints.edges', q.edges),
    store.query<{ site: string; media_type: string; documents: Num; first: Num }>(
      'getEventReprints.sites',
      q.sites,
    ),
  ]);
  const ids = [...new Set(edges.flatMap((e) => [e.child, e.parent]))];
  const rows =
    ids.length === 0
      ? []
      : await store.query<{
          id: string;
          site: string;
          source: string;
          media_type: string;
          title: string;
          url: string;
          time: Num;
        }>('getEventReprints.nodes', buildReprintNodesQuery(ids));
  const nodes = new Map<string, ReprintNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        site: r.site,
        source: r.source,
        mediaType: r.media_type,
        title: r.title,
        url: r.url,
        time: Number(r.time),
      },
    ]),
  );
  const chains = buildChains(edges, nodes).slice(0, limit);

  const reprintedBySite = new Map<string, number>();
  for (const e of edges) {
    const site = nodes.get(e.parent)?.site;
    if (site !== undefined && nodes.get(e.child)?.site !== site) {
      reprintedBySite.set(site, (reprintedBySite.get(site) ?? 0) + 1);
    }
  }
  const coreNodes = sites
    .map((s) => {
      const documents = Number(s.documents);
      const reprinted = reprintedBySite.get(s.site) ?? 0;
      return {
        site: s.site,
        mediaType: s.media_type,
        documents,
        reprinted,
        first: Number(s.first),
        score: documents + 2 * reprinted,
      };
    })
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, limit);
  return { chains, coreNodes };
}

/** Trees from child → parent edges; a child keeps its earliest-found parent; cycles are cut. */
export function buildChains(edges: readonly Edge[], nodes: ReadonlyMap<string, ReprintNode>): ReprintChain[] {
  const parentOf = new Map<string, Edge>();
  for (const e of edges) {
    if (e.child !== e.parent && nodes.has(e.child) && nodes.has(e.parent) && !parentOf.has(e.child)) {
      parentOf.set(e.child, e);
    }
  }
  const children = new Map<string, Edge[]>();
  for (const e of parentOf.values()) {
    const list = children.get(e.parent) ?? [];
    list.push(e);
    children.set(e.parent, list);
  }
  const rootOf = (id: string): string => {
    const seen = new Set<string>([id]);
    let at = id;
    for (let p = parentOf.get(at); p && !seen.has(p.parent); p = parentOf.get(at)) {
      at = p.parent;
      seen.add(at);
    }
    return at;
  };
  const roots = new Set([...parentOf.keys()].map(rootOf));
  const chains: ReprintChain[] = [];
  for (const rootId of roots) {
    const root = nodes.get(rootId) as ReprintNode;
    const reprints: ReprintChain['reprints'] = [];
    const visited = new Set([rootId]);
    const queue: Array<{ id: string; depth: number }> = [{ id: rootId, depth: 0 }];
    for (let head = 0; head < queue.length; head++) {
      const { id, depth } = queue[head] as { id: string; depth: number };
      for (const e of children.get(id) ?? []) {
        if (visited.has(e.child)) continue;
        visited.add(e.child);
        reprints.push({ ...(nodes.get(e.child) as ReprintNode), parentId: id, depth: depth + 1, via: e.via });
        queue.push({ id: e.child, depth: depth + 1 });
      }
    }
    reprints.sort((a, b) => a.time - b.time);
    chains.push({
      root,
      size: reprints.length,
      depth: Math.max(0, ...reprints.map((r) => r.depth)),
      reprints,
    });
  }
  return chains.sort((a, b) => b.size - a.size || a.root.time - b.root.time);
}
