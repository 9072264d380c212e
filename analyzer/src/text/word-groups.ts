/**
 * Word groups (词群关系) of a set of documents, for topic word clouds: which keywords occur in the
 * same documents, and which of them form groups. Input is counted elsewhere (the store counts
 * keywords and keyword pairs per document); this module weighs the pairs and finds the groups.
 */

export interface WordCount {
  word: string;
  /** Documents that have the word among their keywords. */
  documents: number;
}

export interface PairCount {
  a: string;
  b: string;
  /** Documents that have both words among their keywords. */
  documents: number;
}

export interface WordGroupNode extends WordCount {
  /** Index into `groups`. */
  group: number;
}

export interface WordGroupLink extends PairCount {
  /** Dice coefficient, 2·n(ab) / (n(a) + n(b)), 0…1: how much the two words go together. */
  strength: number;
}

export interface WordGroup {
  /** The group's words, the most frequent first. */
  words: string[];
}

export interface WordGroups {
  nodes: WordGroupNode[];
  links: WordGroupLink[];
  groups: WordGroup[];
}

export interface WordGroupOptions {
  /**
   * Strongest links each word asks for (a link stays when either of its words still wants it), so
   * a frequent word does not tie itself to everything and a rare one keeps its best link.
   */
  linksPerWord?: number;
  /** Links kept in all. */
  maxLinks?: number;
}

const byCountThenWord = (x: WordCount, y: WordCount) =>
  y.documents - x.documents || (x.word < y.word ? -1 : x.word > y.word ? 1 : 0);

/**
 * Groups by modularity (greedy agglomeration, Clauset–Newman–Moore): two groups merge while
 * their words co-occur more than their frequencies alone would make them. A word every document
 * has links to everything and so pulls no group together, which plain co-occurrence counts would
 * not see. Deterministic: ties go to the pair of groups with the smallest indexes.
 */
function modularityGroups(n: number, pairs: readonly [number, number, number][]): number[] {
  const total = pairs.reduce((s, [, , w]) => s + w, 0);
  const group = Array.from({ length: n }, (_, i) => i);
  if (total === 0) return group;
  // between[i][j]: weight between groups i and j over 2·total; ends[i]: weight ending in i over 2·total.
  const between = Array.from({ length: n }, () => new Float64Array(n));
  const ends = new Float64Array(n);
  for (const [a, b, w] of pairs) {
    (between[a] as Float64Array)[b] = ((between[a] as Float64Array)[b] as number) + w / (2 * total);
    (between[b] as Float64Array)[a] = ((between[b] as Float64Array)[a] as number) + w / (2 * total);
    ends[a] = (ends[a] as number) + w / (2 * total);
    ends[b] = (ends[b] as number) + w / (2 * total);
  }
  const alive = new Array<boolean>(n).fill(true);
  for (;;) {
    let best = 1e-12;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = between[i] as Float64Array;
      for (let j = i + 1; j < n; j++) {
        if (!alive[j] || row[j] === 0) continue;
        const gain = 2 * ((row[j] as number) - (ends[i] as number) * (ends[j] as number));
        if (gain > best) {
          best = gain;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    // Merge bj into bi.
    const into = between[bi] as Float64Array;
    const from = between[bj] as Float64Array;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      into[k] = (into[k] as number) + (from[k] as number);
      (between[k] as Float64Array)[bi] = into[k] as number;
    }
    ends[bi] = (ends[bi] as number) + (ends[bj] as number);
    alive[bj] = false;
    for (let w = 0; w < n; w++) if (group[w] === bj) group[w] = bi;
  }
  return group;
}

/**
 * The word-group graph of counted keywords and keyword pairs. Every word becomes a node; links
 * are the strongest pairs by Dice coefficient (`linksPerWord`, `maxLinks`); groups come from every
 * pair, not only the links shown, and are numbered by their most frequent word.
 */
export function wordGroups(
  words: readonly WordCount[],
  pairs: readonly PairCount[],
  options: WordGroupOptions = {},
): WordGroups {
  const { linksPerWord = 4, maxLinks = 120 } = options;
  const sorted = [...words].sort(byCountThenWord);
  const index = new Map(sorted.map((w, i) => [w.word, i]));
  const known: [number, number, number][] = [];
  const candidates: WordGroupLink[] = [];
  for (const p of pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || i === j || p.documents <= 0) continue;
    known.push([i, j, p.documents]);
    const sum = (sorted[i] as WordCount).documents + (sorted[j] as WordCount).documents;
    candidates.push({ ...p, strength: sum > 0 ? Math.min(1, (2 * p.documents) / sum) : 0 });
  }
  candidates.sort(
    (x, y) =>
      y.strength - x.strength ||
      y.documents - x.documents ||
      (x.a + x.b < y.a + y.b ? -1 : x.a + x.b > y.a + y.b ? 1 : 0),
  );
  const kept = new Map<string, number>();
  const links: WordGroupLink[] = [];
  for (const c of candidates) {
    if (links.length >= maxLinks) break;
    if ((kept.get(c.a) ?? 0) >= linksPerWord && (kept.get(c.b) ?? 0) >= linksPerWord) continue;
    kept.set(c.a, (kept.get(c.a) ?? 0) + 1);
    kept.set(c.b, (kept.get(c.b) ?? 0) + 1);
    links.push({ ...c, strength: Math.round(c.strength * 1000) / 1000 });
  }

  // Renumber the groups in the order of their most frequent word (the words are sorted so).
  const raw = modularityGroups(sorted.length, known);
  const number = new Map<number, number>();
  const groups: WordGroup[] = [];
  const nodes = sorted.map((w, i) => {
    const r = raw[i] as number;
    let g = number.get(r);
    if (g === undefined) {
      g = groups.length;
      number.set(r, g);
      groups.push({ words: [] });
    }
    (groups[g] as WordGroup).words.push(w.word);
    return { word: w.word, documents: w.documents, group: g };
  });
  return { nodes, links, groups };
}
