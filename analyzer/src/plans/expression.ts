import { normalizeForMatch } from '../sensitivity/aho-corasick.ts';
import { type Expr, ExpressionError, requiresTerm } from '../sensitivity/expression.ts';

/**
 * The keyword language of monitoring plans: the sensitivity rules' language (analyzer/rules/README.md)
 * plus the function form of proximity that analysts write in plan editors.
 *   term, "quoted phrase"        a word or phrase (Latin letters match any case)
 *   a & b, a AND b, a b          both
 *   a | b, a OR b                either
 *   !a, NOT a                    a does not occur
 *   NEAR(a, b, 10), a NEAR/10 b  both, at most 10 characters apart (a and b may be expressions)
 *   ( … )                        grouping; tightest first: NOT, NEAR, AND, OR
 * Full-width （）｜＆！，  work like their ASCII forms. The tree is the sensitivity rules' `Expr`,
 * so the same evaluator runs both.
 */

type Token =
  | { type: 'term'; text: string; pos: number }
  | { type: 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'comma' | 'nearfn'; pos: number }
  | { type: 'near'; distance: number; pos: number };

const PUNCT: Record<string, Token['type']> = {
  '(': 'lparen',
  ')': 'rparen',
  '&': 'and',
  '|': 'or',
  '!': 'not',
  ',': 'comma',
};
const WORD_OPS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not' };
const BARE = /[^\s()&|!",]+/y;

function tokenize(source: string): Token[] {
  // normalizeForMatch keeps one code unit per character, so positions point into `source`.
  const src = normalizeForMatch(source).replace(/\u3000/g, ' ');
  const upper = src.toUpperCase();
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (PUNCT[c]) {
      tokens.push({ type: PUNCT[c], pos: i } as Token);
      i++;
    } else if (c === '"') {
      const close = src.indexOf('"', i + 1);
      if (close < 0) throw new ExpressionError('unclosed quote', i);
      const text = src.slice(i + 1, close).trim();
      if (!text) throw new ExpressionError('empty quotes', i);
      tokens.push({ type: 'term', text, pos: i });
      i = close + 1;
    } else {
      BARE.lastIndex = i;
      const word = (BARE.exec(src) as RegExpExecArray)[0];
      const raw = upper.slice(i, i + word.length);
      const near = /^NEAR\/(\d+)$/.exec(raw);
      if (WORD_OPS[raw]) tokens.push({ type: WORD_OPS[raw], pos: i } as Token);
      else if (near) tokens.push({ type: 'near', distance: Number(near[1]), pos: i });
      else if (
        raw === 'NEAR' &&
        src
          .slice(i + 4)
          .trimStart()
          .startsWith('(')
      )
        tokens.push({ type: 'nearfn', pos: i });
      else if (raw.startsWith('NEAR/'))
        throw new ExpressionError('NEAR needs a whole number, e.g. NEAR/10', i);
      else tokens.push({ type: 'term', text: word, pos: i });
      i += word.length;
    }
  }
  return tokens;
}

const DESCRIBE: Record<string, string> = {
  rparen: ')',
  comma: ',',
  and: 'AND',
  or: 'OR',
  near: 'NEAR',
};

/** Parses a plan expression; throws ExpressionError with the 1-based character where it failed. */
export function parsePlanExpression(source: string): Expr {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const fail = (message: string, pos?: number): never => {
    throw new ExpressionError(message, pos ?? peek()?.pos ?? source.length);
  };
  const expect = (type: Token['type'], what: string): Token => {
    const t = peek();
    if (t?.type !== type) fail(`expected ${what}`);
    at++;
    return t as Token;
  };
  const startsOperand = (t: Token | undefined): boolean =>
    t !== undefined && (t.type === 'term' || t.type === 'not' || t.type === 'lparen' || t.type === 'nearfn');

  const parseOr = (): Expr => {
    const items = [parseAnd()];
    while (peek()?.type === 'or') {
      at++;
      items.push(parseAnd());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: 'or', items };
  };
  const parseAnd = (): Expr => {
    const items = [parseNear()];
    for (;;) {
      if (peek()?.type === 'and') at++;
      else if (!startsOperand(peek())) break;
      items.push(parseNear());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: 'and', items };
  };
  const parseNear = (): Expr => {
    let left = parseUnary();
    for (let t = peek(); t?.type === 'near'; t = peek()) {
      at++;
      left = { kind: 'near', left, right: parseUnary(), distance: t.distance };
    }
    return left;
  };
  const parseUnary = (): Expr => {
    const t = peek();
    if (!t) return fail('the expression ends where a word was expected');
    at++;
    switch (t.type) {
      case 'not':
        return { kind: 'not', item: parseUnary() };
      case 'term':
        return { kind: 'term', text: t.text };
      case 'lparen': {
        const inner = parseOr();
        expect('rparen', ')');
        return inner;
      }
      case 'nearfn': {
        expect('lparen', '( after NEAR');
        const left = parseOr();
        expect('comma', ', between the two parts of NEAR(a, b, distance)');
        const right = parseOr();
        expect('comma', ', before the distance of NEAR(a, b, distance)');
        const d = peek();
        if (d?.type !== 'term' || !/^\d+$/.test(d.text))
          fail('NEAR(a, b, distance) needs a whole number of characters');
        at++;
        expect('rparen', ') to close NEAR(');
        return { kind: 'near', left, right, distance: Number((d as { text: string }).text) };
      }
      default:
        at--;
        return fail(`unexpected ${DESCRIBE[t.type] ?? t.type}`);
    }
  };

  if (tokens.length === 0) fail('empty expression', 0);
  const expr = parseOr();
  if (at < tokens.length) fail('unexpected text after the expression');
  if (!requiresTerm(expr)) {
    throw new ExpressionError(
      'the expression must need some word to occur (NOT alone matches everything)',
      0,
    );
  }
  return expr;
}
