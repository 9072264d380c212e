export * from './alerts/index.ts';
export { summarize, toAnalyzedDocument, toTextInput } from './analyze-document.ts';
export {
  type AnalyzeTextOptions,
  analyzeText,
  analyzeTexts,
  type RegionHit,
  sensitivityMatcher,
  type TextAnalysis,
  type TextInput,
} from './analyze-text.ts';
export { type AnalyzeFileOptions, analyzeFile } from './batch/analyze-file.ts';
export * from './classify/index.ts';
export { Corpus, type CorpusAnalysis } from './corpus.ts';
export * from './dedup/index.ts';
export * from './entities/index.ts';
export * from './events/index.ts';
export * from './notify/index.ts';
export type { DocumentObserver, ObserverContext } from './observer.ts';
export { alertAnnotations, createObservers, type ObserverOptions } from './observers.ts';
export * from './opinion-index/index.ts';
export * from './people/index.ts';
export {
  ANALYZE_STAGE,
  type AnalyzeOptions,
  analyzeOnce,
  type BatchAlerts,
  DEFAULT_BATCH_SIZE,
  type PipelineState,
  restoreCorpus,
  restoreState,
} from './pipeline.ts';
export * from './plans/index.ts';
export * from './regions/index.ts';
export {
  AhoCorasick,
  type Category as SensitivityCategory,
  compileRules,
  ExpressionError,
  loadDefaultRules,
  mergeRules,
  parseExpression,
  type RuleSet,
  SensitivityMatcher,
  type SensitivityResult,
} from './sensitivity/index.ts';
export * from './sentiment/index.ts';
export { type Keyword, KeywordExtractor } from './text/keywords.ts';
export { getJieba, segment } from './text/segment.ts';
export { STOP_WORDS } from './text/stopwords.ts';
export {
  type PairCount,
  type WordCount,
  type WordGroup,
  type WordGroupLink,
  type WordGroupNode,
  type WordGroups,
  wordGroups,
} from './text/word-groups.ts';
export { TextAnalyzer } from './text-analyzer.ts';
export * from './topics/index.ts';
