export {
  type ClassScore,
  classifyLetter,
  FALLBACK_CLASS,
  type LetterClassification,
  matchTerms,
} from './classify-letter.ts';
export {
  addWorkingDays,
  DEADLINE_DAYS_BY_CATEGORY,
  DEFAULT_DEADLINE_DAYS,
  type DeadlinePolicy,
  deadlineDays,
  deadlineFor,
  URGENT_DEADLINE_DAYS,
} from './deadlines.ts';
export { DEPARTMENT_BY_LEVEL1, DEPARTMENT_BY_LEVEL2, suggestDepartment } from './departments.ts';
export { type ImportProblem, importLetters, readLettersFile } from './import-letters.ts';
export {
  CHANNELS,
  type Channel,
  LETTER_STATES,
  type Letter,
  type LetterEvent,
  type LetterState,
  TRANSITIONS,
} from './letter.ts';
export { buildLexicon, getLexicon, type Lexicon, type LexiconTerm, parseCuratedLexicon } from './lexicon.ts';
export {
  canSeePersonalData,
  maskField,
  maskLetterFor,
  maskPersonalData,
  ROLES_SEEING_PERSONAL_DATA,
} from './mask.ts';
export { type Figures, formatFigures, scoreClassification } from './metrics.ts';
export { buildDueLettersQuery, type DueLetter, getDueLetters } from './queries/getDueLetters.ts';
export { buildLetterQuery, getLetter } from './queries/getLetter.ts';
export { buildLetterEventsQuery, getLetterEvents } from './queries/getLetterEvents.ts';
export { buildLettersQuery, getLetters, type LetterFilter } from './queries/getLetters.ts';
export {
  buildMailboxStatsQuery,
  type DepartmentMailboxStats,
  getMailboxStats,
} from './queries/getMailboxStats.ts';
export { buildRecentLetterTextsQuery, getRecentLetterTexts } from './queries/getRecentLetterTexts.ts';
export { checkReply, MIN_COVERAGE, type ReplyCheck } from './reply-check.ts';
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
export {
  addInstruction,
  LetterWorkflowError,
  loadTriage,
  type NewLetter,
  receiveLetter,
  type TransitionInput,
  transitionLetter,
  type WorkflowContext,
} from './workflow.ts';
