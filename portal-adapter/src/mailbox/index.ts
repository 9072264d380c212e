export {
  type ClassScore,
  classifyLetter,
  FALLBACK_CLASS,
  type LetterClassification,
  matchTerms,
} from './classify-letter.ts';
export { DEPARTMENT_BY_LEVEL1, DEPARTMENT_BY_LEVEL2, suggestDepartment } from './departments.ts';
export { buildLexicon, getLexicon, type Lexicon, type LexiconTerm, parseCuratedLexicon } from './lexicon.ts';
export { type Figures, formatFigures, scoreClassification } from './metrics.ts';
export { letterTokens, type SimilarHit, SimilarLetters, type SimilarOptions } from './similar.ts';
export { getTaxonomy, isLevel1, parseTaxonomy, type Taxonomy, type TaxonomyRow } from './taxonomy.ts';
export {
  type LetterInput,
  LetterInputSchema,
  parseLetterLine,
  Triage,
  type TriageEvidence,
  type TriageOptions,
  type TriageResult,
} from './triage.ts';
export { type TriageFileOptions, triageFile } from './triage-file.ts';
export { assessUrgency, URGENCY_SIGNALS, type Urgency, type UrgencyResult } from './urgency.ts';
