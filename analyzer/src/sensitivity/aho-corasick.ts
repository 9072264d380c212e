/** One occurrence of a pattern: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface AcMatch {
  pattern: number;
  start: number;
  end: number;
}

/**
 * A small Aho–Corasick automaton over UTF-16 code units. Built once from all patterns, it reports
 * every occurrence of every pattern, overlapping ones included, in one pass over the text.
 * Patterns are matched as given: callers normalise patterns and text the same way.
 */
export class AhoCorasick {
  readonly patterns: readonly string[];
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at a state, its own and (through dictionary links) its suffixes'. */
  private readonly out: number[][] = [[]];
  /**
   * The root's transitions by code unit (0 = stay at the root), for automata whose root has many
   * (gazetteer, sensitivity terms): most characters are read at the root. 256 KB, so small
   * automata (one per alert rule or plan) keep the Map.
   */
  private readonly root?: Int32Array;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    patterns.forEach((p, id) => {
      if (p.length > 0) this.insert(p, id);
    });
    this.link();
    const rootEdges = this.next[0] as Map<number, number>;
    if (rootEdges.size >= 256) {
      this.root = new Int32Array(0x10000);
      for (const [c, to] of rootEdges) this.root[c] = to;
    }
  }

  private insert(pattern: string, id: number): void {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const edges = this.next[state] as Map<number, number>;
      let to = edges.get(c);
      if (to === undefined) {
        to = this.next.length;
        edges.set(c, to);
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
      }
      state = to;
    }
    (this.out[state] as number[]).push(id);
  }

  /** Breadth-first failure links; each state's output absorbs its failure state's output. */
  private link(): void {
    const queue: number[] = [...(this.next[0] as Map<number, number>).values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [c, to] of this.next[state] as Map<number, number>) {
        queue.push(to);
        let f = this.fail[state] as number;
        while (f !== 0 && !(this.next[f] as Map<number, number>).has(c)) f = this.fail[f] as number;
        const target = (this.next[f] as Map<number, number>).get(c);
        const link = target !== undefined && target !== to ? target : 0;
        this.fail[to] = link;
        const inherited = this.out[link] as number[];
        if (inherited.length > 0) this.out[to] = [...(this.out[to] as number[]), ...inherited];
      }
    }
  }

  /** Calls `onMatch(pattern, start, end)` for every occurrence, in order of end position. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    let state = 0;
    const root = this.root;
    const rootEdges = this.next[0] as Map<number, number>;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to: number | undefined;
      while (state !== 0) {
        to = (this.next[state] as Map<number, number>).get(c);
        if (to !== undefined) break;
        state = this.fail[state] as number;
      }
      state = to ?? (root ? (root[c] as number) : (rootEdges.get(c) ?? 0));
      if (state === 0) continue;
      const hits = this.out[state] as number[];
      for (const id of hits) {
        const len = (this.patterns[id] as string).length;
        onMatch(id, i + 1 - len, i + 1);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  findAll(text: string): AcMatch[] {
    const found: AcMatch[] = [];
    this.scan(text, (pattern, start, end) => found.push({ pattern, start, end }));
    return found;
  }
}

const FOLDABLE = /[A-Z\uff01-\uff5e]/g;
const HAS_FOLDABLE = /[A-Z\uff01-\uff5e]/;

function fold(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0xff01 ? String.fromCharCode(code - 0xfee0).toLowerCase() : c.toLowerCase();
}

/**
 * Lower-cases Latin letters and folds full-width ASCII to half-width, keeping every character's
 * position (one code unit in, one out), so match offsets still point into the original text.
 */
export function normalizeForMatch(text: string): string {
  return HAS_FOLDABLE.test(text) ? text.replace(FOLDABLE, fold) : text;
}
