export { analyzeDocument, summarize } from './analyze-document.ts';
export { ANALYZE_STAGE, type AnalyzeOptions, analyzeOnce } from './pipeline.ts';
export { type Keyword, KeywordExtractor } from './text/keywords.ts';
export { getJieba, segment } from './text/segment.ts';
export { STOP_WORDS } from './text/stopwords.ts';
