import { normalizeForMatch } from './aho-corasick.ts';

/**
 * The expression language of sensitivity rules and monitoring plans (analyzer/rules/README.md):
 *   term                 a word, or "a quoted phrase" (may hold spaces and operators)
 *   a b, a AND b         both (juxtaposition is AND; `&` also works)
 *   a OR b               either (`|` also works)
 *   NOT a                a does not occur (`!` also works)
 *   a NEAR/10 b          both, at most 10 characters apart (a and b may be expressions); the same
 *                        as NEAR(a, b, 10), the form plan editors know; "a b"~10 is a NEAR/10 b
 *   ( … )                grouping. Precedence, tightest first: NOT, NEAR, AND, OR.
 * Operator words may be written in any case; full-width （）｜＆！，＂ work like their ASCII forms.
 */
export type Expr =
  | { kind: 'term'; text: string }
  | { kind: 'and' | 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr }
  | { kind: 'near'; left: Expr; right: Expr; distance: number };

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { type: 'term'; text: string; pos: number; proximity?: number; words?: string[] }
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
const BARE_TERM = /[^\s()&|!",]+/y;
const NEAR_OP = /^NEAR\/(\d+)$/;

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
      const prox = /^~(\d+)/.exec(src.slice(close + 1));
      if (prox) {
        const words = text.split(/\s+/);
        if (words.length < 2) throw new ExpressionError('"…"~N needs at least two words', i);
        tokens.push({ type: 'term', text, pos: i, proximity: Number(prox[1]), words });
        i = close + 1 + prox[0].length;
      } else {
        tokens.push({ type: 'term', text, pos: i });
        i = close + 1;
      }
    } else {
      BARE_TERM.lastIndex = i;
      const word = (BARE_TERM.exec(src) as RegExpExecArray)[0];
      const raw = upper.slice(i, i + word.length);
      const near = NEAR_OP.exec(raw);
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
      else if (/^NEAR\b/.test(raw))
        throw new ExpressionError('NEAR needs a distance in characters: a NEAR/10 b or NEAR(a, b, 10)', i);
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

/** Parses one expression into its syntax tree; throws ExpressionError saying where it went wrong. */
export function parseExpression(source: string): Expr {
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
    if (!t) return fail('the expression ends where a term was expected');
    at++;
    switch (t.type) {
      case 'not':
        return { kind: 'not', item: parseUnary() };
      case 'term': {
        if (!t.words) return { kind: 'term', text: t.text };
        const distance = t.proximity as number;
        return t.words
          .map((w): Expr => ({ kind: 'term', text: w }))
          .reduce((left, right) => ({ kind: 'near', left, right, distance }));
      }
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
  return expr;
}

/** Distinct term texts of an expression, including those under NOT. */
export function termsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  if (expr.kind === 'term') into.add(expr.text);
  else if (expr.kind === 'not') termsOf(expr.item, into);
  else if (expr.kind === 'near') termsOf(expr.right, termsOf(expr.left, into));
  else for (const item of expr.items) termsOf(item, into);
  return into;
}

/** True when the expression can only hold if at least one of its terms (not under NOT) occurs. */
export function requiresTerm(expr: Expr): boolean {
  switch (expr.kind) {
    case 'term':
    case 'near':
      return true;
    case 'not':
      return false;
    case 'and':
      return expr.items.some(requiresTerm);
    case 'or':
      return expr.items.every(requiresTerm);
  }
}

/** Terms not under a NOT: those that can make an expression true. */
export function positiveTermsOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  if (expr.kind === 'term') into.add(expr.text);
  else if (expr.kind === 'near') positiveTermsOf(expr.right, positiveTermsOf(expr.left, into));
  else if (expr.kind !== 'not') for (const item of expr.items) positiveTermsOf(item, into);
  return into;
}
