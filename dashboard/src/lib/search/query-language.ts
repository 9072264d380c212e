/**
 * The search box's small query language, parsed into a typed AST:
 *
 *   暴雨 广州          both words (AND)
 *   暴雨 OR 台风       either word; `|` works too; OR binds tighter than AND
 *   -谣言, NOT 谣言    without the word
 *   "地铁 停运"        a phrase: its words must all be present and the text must contain it
 *
 * Every word is later segmented with jieba, so `广州暴雨` means the tokens 广州 and 暴雨. There are
 * no parentheses: a query is an AND of OR-groups, minus the NOT terms.
 */

export interface SearchTerm {
  kind: 'word' | 'phrase';
  text: string;
}

export interface ParsedQuery {
  /** AND over the groups; each group is an OR over its terms. */
  all: SearchTerm[][];
  none: SearchTerm[];
}

export class QueryError extends Error {
  override name = 'QueryError';
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_TERMS = 30;

interface Token {
  type: 'term' | 'or' | 'not';
  term?: SearchTerm;
  negated?: boolean;
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if ((c === '-' || c === '－') && i + 1 < input.length && !/\s/.test(input[i + 1] as string)) {
      negated = true;
      i++;
    }
    const q = input[i] as string;
    if (q === '"' || q === '“' || q === '”') {
      const close = input.slice(i + 1).search(/["“”]/);
      if (close < 0) throw new QueryError('引号没有闭合：短语请写成 "地铁 停运"');
      const text = input.slice(i + 1, i + 1 + close).trim();
      i += close + 2;
      if (text) tokens.push({ type: 'term', term: { kind: 'phrase', text }, negated });
      continue;
    }
    let j = i;
    while (j < input.length && !/[\s"“”]/.test(input[j] as string)) j++;
    const word = input.slice(i, j);
    i = j;
    if (!negated && (word === 'OR' || word === '|')) tokens.push({ type: 'or' });
    else if (!negated && word === 'NOT') tokens.push({ type: 'not' });
    else if (!negated && word === 'AND') continue;
    else tokens.push({ type: 'term', term: { kind: 'word', text: word }, negated });
  }
  return tokens;
}

/** Parses a query; throws QueryError with a message for the user when it cannot be understood. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) throw new QueryError(`检索式过长（最多 ${MAX_QUERY_LENGTH} 字）`);
  const out: ParsedQuery = { all: [], none: [] };
  let pendingNot = false;
  let pendingOr = false;
  let count = 0;
  for (const token of lex(input)) {
    if (token.type === 'not') {
      pendingNot = true;
      continue;
    }
    if (token.type === 'or') {
      if (out.all.length === 0 || pendingOr || pendingNot) throw new QueryError('OR 两边都需要检索词');
      pendingOr = true;
      continue;
    }
    const term = token.term as SearchTerm;
    if (++count > MAX_TERMS) throw new QueryError(`检索词过多（最多 ${MAX_TERMS} 个）`);
    if (token.negated || pendingNot) {
      if (pendingOr) throw new QueryError('OR 后面不能跟排除词');
      out.none.push(term);
      pendingNot = false;
      continue;
    }
    if (pendingOr) (out.all.at(-1) as SearchTerm[]).push(term);
    else out.all.push([term]);
    pendingOr = false;
  }
  if (pendingOr) throw new QueryError('OR 两边都需要检索词');
  if (pendingNot) throw new QueryError('NOT 后面需要检索词');
  if (out.all.length === 0 && out.none.length > 0)
    throw new QueryError('只有排除词时无法检索，请再加一个检索词');
  return out;
}

/** The words and phrases worth highlighting in results (the positive ones). */
export function highlightTerms(query: ParsedQuery): string[] {
  return [...new Set(query.all.flat().map((t) => t.text))];
}
