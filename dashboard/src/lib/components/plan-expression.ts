/**
 * Checks a plan's keyword expression in the browser as the analyst types, with the analyzer's own
 * parser (pure TypeScript, no dictionaries), so the form says exactly what the server will say.
 */
import { parsePlanExpression } from '../../../../analyzer/src/plans/expression.ts';

const PROBLEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^unclosed quote/, '引号未闭合'],
  [/^empty quotes/, '引号内为空'],
  [/~N needs/, '"…"~N 的引号内至少要有两个词'],
  [/^NEAR/, 'NEAR 需要整数距离，如 NEAR/10 或 NEAR(a, b, 10)'],
  [/^the expression ends/, '表达式不完整，此处缺少词语'],
  [/^expected/, '缺少配对的符号（如右括号或逗号）'],
  [/^unexpected text after/, '表达式后有多余内容（可能多了右括号）'],
  [/^unexpected/, '此处出现了不应有的符号'],
  [/^empty expression/, '表达式为空'],
  [/^the expression must need/, '表达式须要求至少一个词出现（单独的 NOT 会匹配全部信息）'],
];

/** Null when the expression parses; else a Chinese message with the 1-based character position. */
export function checkPlanExpression(source: string): string | null {
  if (source.trim() === '') return null;
  try {
    parsePlanExpression(source);
    return null;
  } catch (error) {
    const e = error as { message?: string; position?: number };
    const raw = (e.message ?? '').replace(/ \(at character \d+\)$/, '');
    const text = PROBLEMS.find(([re]) => re.test(raw))?.[1] ?? raw;
    return typeof e.position === 'number' ? `第 ${e.position + 1} 个字符处：${text}` : text;
  }
}
