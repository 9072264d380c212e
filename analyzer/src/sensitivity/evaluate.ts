import type { Expr } from './expression.ts';

/** Where a term (or a NEAR group) occurs: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

const NO_SPANS: Span[] = [];

/**
 * Evaluates an expression against the term occurrences of one text. Returns null when the
 * expression is false, else the spans that made it true (empty for a bare NOT), which NEAR uses.
 */
export function evaluate(expr: Expr, hits: ReadonlyMap<string, Span[]>): Span[] | null {
  switch (expr.kind) {
    case 'term':
      return hits.get(expr.text) ?? null;
    case 'not':
      return evaluate(expr.item, hits) === null ? NO_SPANS : null;
    case 'and': {
      let spans: Span[] = [];
      for (const item of expr.items) {
        const s = evaluate(item, hits);
        if (s === null) return null;
        if (s.length > 0) spans = spans.length === 0 ? s : spans.concat(s);
      }
      return spans;
    }
    case 'or': {
      let spans: Span[] | null = null;
      for (const item of expr.items) {
        const s = evaluate(item, hits);
        if (s !== null) spans = spans === null || spans.length === 0 ? s : spans.concat(s);
      }
      return spans;
    }
    case 'near': {
      const left = evaluate(expr.left, hits);
      if (left === null || left.length === 0) return null;
      const right = evaluate(expr.right, hits);
      if (right === null || right.length === 0) return null;
      const joined: Span[] = [];
      for (const a of left) {
        for (const b of right) {
          const gap = Math.max(a.start, b.start) - Math.min(a.end, b.end);
          if (gap <= expr.distance) {
            joined.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
          }
        }
      }
      return joined.length > 0 ? joined : null;
    }
  }
}

/** Terms that occur in the text and count for the expression (those under NOT never do). */
export function positiveTerms(expr: Expr, hits: ReadonlyMap<string, Span[]>, into: Set<string>): void {
  if (expr.kind === 'term') {
    if (hits.has(expr.text)) into.add(expr.text);
  } else if (expr.kind === 'near') {
    positiveTerms(expr.left, hits, into);
    positiveTerms(expr.right, hits, into);
  } else if (expr.kind !== 'not') {
    for (const item of expr.items) positiveTerms(item, hits, into);
  }
}
