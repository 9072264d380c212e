/** One occurrence of a pattern: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface AcMatch {
  pattern: number;
  start: number;
  end: number;
}

/** Empty slot of the edge table. */
const NO_EDGE = -1;

/**
 * A small Aho–Corasick automaton over UTF-16 code units. Built once from all patterns, it reports
 * every occurrence of every pattern, overlapping ones included, in one pass over the text.
 * Patterns are matched as given: callers normalise patterns and text the same way.
 */
export class AhoCorasick {
  readonly patterns: readonly string[];
  /**
   * The transitions as scanning reads them: an open-addressed table of (state, code unit, next
   * state) triples, four int32 a slot, filled from the Maps the build uses. A Map per state cost
   * a hash of a boxed key per character; this is one or two reads in one typed array.
   */
  private readonly edges: Int32Array;
  private readonly edgeMask: number;
  /**
   * One bit, at a second hash of (state, code unit), for each pair whose next state is not simply
   * the root's transition: the state or a state on its failure chain (short of the root) has an
   * edge for that unit. The scan reads the root's transition and this bit, and walks the chain
   * only when the bit is set: rarely, and so without the mispredicted branches a walk per character
   * cost. Sixteen bits per pair, so that few bits are set by chance.
   */
  private readonly filter: Int32Array;
  private readonly filterMask: number;
  private readonly fail: Int32Array;
  /** Patterns ending at state s, its own and its suffixes': outIds[outStart[s] … outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly lengths: Int32Array;
  /**
   * The root's transitions by code unit (0 = stay at the root), for automata whose root has many
   * (gazetteer, sensitivity terms): most characters are read at the root. 256 KB, so small
   * automata (one per alert rule or plan) look the root up in the edge table.
   */
  private readonly root?: Int32Array;
  /** Without `root`: one bit per code unit the root has an edge for. */
  private readonly rootUnits?: Int32Array;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    patterns.forEach((p, id) => {
      if (p.length > 0) insert(next, out, p, id);
    });
    const fail = link(next, out);
    this.fail = Int32Array.from(fail);
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    this.outStart = new Int32Array(next.length + 1);
    for (let s = 0; s < next.length; s++)
      this.outStart[s + 1] = (this.outStart[s] as number) + (out[s] as number[]).length;
    this.outIds = Int32Array.from(out.flat());

    let count = 0;
    for (const edges of next) count += edges.size;
    let slots = 16;
    while (slots < count * 2) slots *= 2;
    this.edgeMask = slots - 1;
    this.edges = new Int32Array(slots * 4).fill(NO_EDGE);
    next.forEach((edges, state) => {
      for (const [c, to] of edges) {
        let h = edgeHash(state, c, this.edgeMask);
        while (this.edges[h * 4] !== NO_EDGE) h = (h + 1) & this.edgeMask;
        this.edges[h * 4] = state;
        this.edges[h * 4 + 1] = c;
        this.edges[h * 4 + 2] = to;
      }
    });
    // The pairs (state, unit) with an edge on the state's failure chain short of the root.
    const pairs: number[] = [];
    for (let state = 1; state < next.length; state++) {
      const seen = new Set<number>();
      for (let f = state; f !== 0; f = fail[f] as number)
        for (const c of (next[f] as Map<number, number>).keys())
          if (!seen.has(c)) seen.add(c) && pairs.push(state, c);
    }
    let bits = 32;
    while (bits < (pairs.length / 2) * 16) bits *= 2;
    this.filterMask = bits - 1;
    this.filter = new Int32Array(bits / 32);
    for (let k = 0; k < pairs.length; k += 2) {
      const f = filterHash(pairs[k] as number, pairs[k + 1] as number, this.filterMask);
      this.filter[f >>> 5] = (this.filter[f >>> 5] as number) | (1 << (f & 31));
    }
    const rootEdges = next[0] as Map<number, number>;
    if (rootEdges.size >= 256) {
      this.root = new Int32Array(0x10000);
      for (const [c, to] of rootEdges) this.root[c] = to;
    } else {
      this.rootUnits = new Int32Array(0x10000 / 32);
      for (const c of rootEdges.keys())
        this.rootUnits[c >>> 5] = (this.rootUnits[c >>> 5] as number) | (1 << (c & 31));
    }
  }

  /** The state after reading `c` in `state`, or NO_EDGE. */
  private step(state: number, c: number): number {
    const edges = this.edges;
    const mask = this.edgeMask;
    for (let h = edgeHash(state, c, mask); ; h = (h + 1) & mask) {
      const o = h * 4;
      const s = edges[o] as number;
      if (s === NO_EDGE) return NO_EDGE;
      if (s === state && edges[o + 1] === c) return edges[o + 2] as number;
    }
  }

  /** The state after reading `c` in `state`: along the failure chain, then at the root. */
  private walk(state: number, c: number): number {
    for (let s = state; s !== 0; s = this.fail[s] as number) {
      const to = this.step(s, c);
      if (to !== NO_EDGE) return to;
    }
    const to = this.root ? (this.root[c] as number) : this.step(0, c);
    return to === NO_EDGE ? 0 : to;
  }

  /**
   * Calls `onMatch(pattern, start, end)` for every occurrence, in order of end position. `folded`:
   * scan the text as `normalizeForMatch` gives it, without building that string.
   */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void, folded = false): void {
    let state = 0;
    const { root, rootUnits, filter, filterMask, outStart } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const u = text.charCodeAt(i);
      const c = folded ? foldUnit(u) : u;
      const f = filterHash(state, c, filterMask);
      if (((filter[f >>> 5] as number) & (1 << (f & 31))) !== 0) state = this.walk(state, c);
      else if (root) state = root[c] as number;
      else state = ((rootUnits as Int32Array)[c >>> 5] as number) & (1 << (c & 31)) ? this.walk(0, c) : 0;
      // Few states end a pattern: the reporting loop is out of the way of the character loop.
      if (outStart[state] !== outStart[state + 1]) this.report(state, i, onMatch);
    }
  }

  /** Reports the patterns that end at `state`, the character at `i` their last. */
  private report(
    state: number,
    i: number,
    onMatch: (pattern: number, start: number, end: number) => void,
  ): void {
    const { outStart, outIds, lengths } = this;
    for (let k = outStart[state] as number, end = outStart[state + 1] as number; k < end; k++) {
      const id = outIds[k] as number;
      onMatch(id, i + 1 - (lengths[id] as number), i + 1);
    }
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  findAll(text: string): AcMatch[] {
    const found: AcMatch[] = [];
    this.scan(text, (pattern, start, end) => found.push({ pattern, start, end }));
    return found;
  }
}

function edgeHash(state: number, c: number, mask: number): number {
  const h = Math.imul(Math.imul(state, 0x01000193) ^ c, 0x9e3779b1);
  return (h ^ (h >>> 16)) & mask;
}

function filterHash(state: number, c: number, mask: number): number {
  const h = Math.imul(Math.imul(state, 0x85ebca6b) ^ c, 0xc2b2ae35);
  return (h ^ (h >>> 15)) & mask;
}

function insert(next: Map<number, number>[], out: number[][], pattern: string, id: number): void {
  let state = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    const edges = next[state] as Map<number, number>;
    let to = edges.get(c);
    if (to === undefined) {
      to = next.length;
      edges.set(c, to);
      next.push(new Map());
      out.push([]);
    }
    state = to;
  }
  (out[state] as number[]).push(id);
}

/** Breadth-first failure links; each state's output absorbs its failure state's output. */
function link(next: Map<number, number>[], out: number[][]): number[] {
  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [...(next[0] as Map<number, number>).values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    for (const [c, to] of next[state] as Map<number, number>) {
      queue.push(to);
      let f = fail[state] as number;
      while (f !== 0 && !(next[f] as Map<number, number>).has(c)) f = fail[f] as number;
      const target = (next[f] as Map<number, number>).get(c);
      const linked = target !== undefined && target !== to ? target : 0;
      fail[to] = linked;
      const inherited = out[linked] as number[];
      if (inherited.length > 0) out[to] = [...(out[to] as number[]), ...inherited];
    }
  }
  return fail;
}

const FOLDABLE = /[A-Z\uff01-\uff5e]/g;
const HAS_FOLDABLE = /[A-Z\uff01-\uff5e]/;

/** One code unit as `normalizeForMatch` gives it: full-width ASCII to half-width, then A–Z to a–z. */
export function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

const fold = (c: string) => String.fromCharCode(foldUnit(c.charCodeAt(0)));

/**
 * Lower-cases Latin letters and folds full-width ASCII to half-width, keeping every character's
 * position (one code unit in, one out), so match offsets still point into the original text.
 */
export function normalizeForMatch(text: string): string {
  return HAS_FOLDABLE.test(text) ? text.replace(FOLDABLE, fold) : text;
}
