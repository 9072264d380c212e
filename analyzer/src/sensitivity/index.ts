export { type AcMatch, AhoCorasick, normalizeForMatch } from './aho-corasick.ts';
export { type Expr, ExpressionError, parseExpression, termsOf } from './expression.ts';
export {
  type Counts,
  type DetectionScores,
  type LabelledPost,
  labelledPosts,
  prf,
  scoreDetection,
} from './labelled-posts.ts';
export {
  loadDefaultRules,
  type SensitivityInput,
  SensitivityMatcher,
  type SensitivityResult,
} from './matcher.ts';
export { mergeRules } from './merge.ts';
export {
  type Category,
  CategorySchema,
  compileRules,
  DEFAULT_SEVERITY,
  type Rule,
  type RuleError,
  RuleFileError,
  type RuleSet,
} from './rules.ts';
