import type { TokenTerm } from '@yuqing/schemas';

/**
 * A special report's query, in the dashboard search box's language (so the report's links open the
 * same documents): words are ANDed, `OR` / `|` joins the words around it, `-word` or `NOT word`
 * excludes, "quoted text" is a phrase. Words are segmented with the analyzer's jieba.
 */
export class ReportQueryError extends Error {
  override name = 'ReportQueryError';
}

export interface CompiledQuery {
  all: TokenTerm[][];
  none: TokenTerm[];
}

export function compileReportQuery(input: string, cut: (text: string) => string[]): CompiledQuery {
  if (input.length > 500) throw new ReportQueryError('query too long (at most 500 characters)');
  const out: CompiledQuery = { all: [], none: [] };
  let pendingOr = false;
  let pendingNot = false;
  const re = /(-|－)?(?:["“”]([^"“”]*)["“”]|([^\s"“”]+))/g;
  for (const m of input.matchAll(re)) {
    const phrase = m[2]?.trim();
    const word = m[3];
    const negated = Boolean(m[1]) || pendingNot;
    if (word === 'OR' || word === '|') {
      if (out.all.length === 0 || pendingOr) throw new ReportQueryError('OR needs a word on each side');
      pendingOr = true;
      continue;
    }
    if (word === 'NOT') {
      pendingNot = true;
      continue;
    }
    if (word === 'AND') continue;
    const text = phrase ?? word ?? '';
    if (!text) continue;
    const term: TokenTerm = phrase ? { tokens: cut(text), phrase: text } : { tokens: cut(text) };
    if (term.tokens.length === 0 && !term.phrase) continue;
    pendingNot = false;
    if (negated) out.none.push(term);
    else if (pendingOr) (out.all.at(-1) as TokenTerm[]).push(term);
    else out.all.push([term]);
    pendingOr = false;
  }
  if (pendingOr) throw new ReportQueryError('OR needs a word on each side');
  if (out.all.length === 0) throw new ReportQueryError('the query needs at least one word to look for');
  return out;
}
