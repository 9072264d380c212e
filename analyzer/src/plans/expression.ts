import { type Expr, ExpressionError, parseExpression, requiresTerm } from '../sensitivity/expression.ts';

/**
 * Parses the keyword expression of a monitoring plan: the sensitivity rules' language
 * (analyzer/rules/README.md), so the same evaluator runs both. Like a rule, it must need some word
 * to occur; the error says so at character 1.
 */
export function parsePlanExpression(source: string): Expr {
  const expr = parseExpression(source);
  if (!requiresTerm(expr)) {
    throw new ExpressionError(
      'the expression must need some word to occur (NOT alone matches everything)',
      0,
    );
  }
  return expr;
}
