export {
  type ClassScore,
  classifyLetter,
  FALLBACK_CLASS,
  type LetterClassification,
  matchTerms,
} from './classify-letter.ts';
export { buildLexicon, getLexicon, type Lexicon, type LexiconTerm, parseCuratedLexicon } from './lexicon.ts';
export { getTaxonomy, isLevel1, parseTaxonomy, type Taxonomy, type TaxonomyRow } from './taxonomy.ts';
