import type { MediaType } from '@yuqing/schemas';
import { classify } from './classify/index.ts';
import {
  blankText,
  dedupTokensOf,
  maxDistanceFor,
  passageFingerprints,
  simhash,
  toHex,
} from './dedup/index.ts';
import { type Entities, findEntities, type WatchedPerson } from './entities/index.ts';
import { simplifiedForm } from './entities/traditional.ts';
import { DEFAULT_MEDIA_AUTHORITY } from './opinion-index/config.ts';
import { findRegions, getGazetteer, scanRegionNames } from './regions/index.ts';
import { compileRules, loadDefaultRules, mergeRules, SensitivityMatcher } from './sensitivity/index.ts';
import { analyzeSentiment, type SentimentResult } from './sentiment/index.ts';
import { removedRanges } from './sentiment/normalize.ts';
import { type TaggedWords, tagWords } from './text/segment.ts';
import { withWholeNames } from './text/whole-names.ts';
import { wordsOf } from './text/words-of.ts';

/** What one document brings to the stateless analysis. */
export interface TextInput {
  id: string;
  title: string;
  content: string;
  mediaType?: MediaType;
  /** 0..1; defaults by media type. */
  authority?: number;
  /** The source's home region (code or name): breaks ties between places of the same name. */
  defaultRegion?: string;
}

export interface RegionHit {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
}

/** The stateless part of a document's analysis; corpus-dependent parts are added on the main thread. */
export interface TextAnalysis {
  id: string;
  tokens: string[];
  category: string;
  sentiment: SentimentResult;
  sensitivity: {
    score: number;
    categories: string[];
    evidence: Array<{ category: string; terms: string[] }>;
  };
  regions: RegionHit[];
  persons: string[];
  orgs: string[];
  places: string[];
  /** 64-bit SimHash as 16 hex digits. */
  simhash: string;
  /** The largest SimHash distance at which it may be a duplicate (`maxDistanceFor`: short texts need a stricter one). */
  simhashDistance: number;
  /** Fingerprints of the same text's longest sentences (`passageFingerprints`). */
  passages: number[];
}

/**
 * The words the sentiment model reads: those of the text as `normalizeText` cleans it, as in
 * training. Emoticon codes are features of their own ([哈哈]) and user names are left out, so
 * neither may come back as words (哈哈, the words of an @name).
 */
function sentimentWords(d: Draft): string[] {
  const removed = removedRanges(d.text);
  return removed.length === 0 ? d.words : wordsOf(d.text, d.tagged, removed).words;
}

let matcher: SensitivityMatcher | undefined;
function defaultMatcher(): SensitivityMatcher {
  matcher ??= sensitivityMatcher().matcher;
  return matcher;
}
const categoryNames = new WeakMap<SensitivityMatcher, Map<string, string>>();

/** Sensitivity with categories by their Chinese names (群体性事件), as analysts and filters use them. */
function readableSensitivity(m: SensitivityMatcher, text: string, negativity: number, authority: number) {
  let names = categoryNames.get(m);
  if (!names) {
    names = new Map(m.ruleSet.categories.map((c) => [c.id, c.name ?? c.id]));
    categoryNames.set(m, names);
  }
  const result = m.match(text, { negativity, authority });
  const name = (id: string) => names.get(id) ?? id;
  return {
    score: result.score,
    categories: result.categories.map(name),
    evidence: result.evidence.map((e) => ({ category: name(e.category), terms: e.terms })),
  };
}

/**
 * The sensitivity matcher: the default rules, with an override rule file (YAML, same format)
 * merged over them when given. Rule errors are returned so the caller can report them.
 */
export function sensitivityMatcher(overrideYaml?: string): { matcher: SensitivityMatcher; errors: string[] } {
  const base = loadDefaultRules();
  const rules = overrideYaml ? mergeRules(base, compileRules(overrideYaml)) : base;
  return {
    matcher: new SensitivityMatcher(rules),
    errors: rules.errors.map((e) => JSON.stringify(e)),
  };
}

export interface AnalyzeTextOptions {
  watchList?: WatchedPerson[];
  sensitivity?: SensitivityMatcher;
}

/** One document between the stages of `analyzeTexts`. */
interface Draft {
  input: TextInput;
  /** Title and body as one text, as written: the entities are reported as they stand in it. */
  written: string;
  /** The same in simplified script (the same length), as every other stage reads it. */
  text: string;
  title: string;
  content: string;
  /** jieba words with tags of the body, and of the whole text when there is a title. */
  bodyTagged: TaggedWords;
  tagged: TaggedWords;
  titleWords: string[];
  bodyWords: string[];
  /** Title and body words, as `segment` gives them, less links and emoticon codes (`wordsOf`). */
  words: string[];
  /** The same without HMM fragments: the document's `tokens`, for keywords and topic terms. */
  tokens: string[];
}

/** Everything about one document that needs no other document (see `analyzeTexts`). */
export function analyzeText(input: TextInput, options: AnalyzeTextOptions = {}): TextAnalysis {
  return analyzeTexts([input], options)[0] as TextAnalysis;
}

/**
 * Everything about each document that needs no other document: jieba runs once (with POS tags)
 * and every stage reuses its words. Stop words stay in `tokens`: sentiment needs 不 and 很.
 * The batch goes stage by stage, not document by document: each stage's tables (jieba's
 * dictionary, the tagger's and the classifiers' weights) then stay in the CPU's caches, which
 * makes a batch ~25 % cheaper than the same documents analysed one at a time.
 */
export function analyzeTexts(inputs: readonly TextInput[], options: AnalyzeTextOptions = {}): TextAnalysis[] {
  const drafts = inputs.map(segmented);
  const sentiments = drafts.map((d) => analyzeSentiment(d.text, sentimentWords(d)));

  const rules = options.sensitivity ?? defaultMatcher();
  const sensitivity = drafts.map((d, i) => {
    const negativity = Math.max(0, -(sentiments[i] as SentimentResult).score);
    const authority = d.input.authority ?? DEFAULT_MEDIA_AUTHORITY[d.input.mediaType ?? 'other'];
    return readableSensitivity(rules, d.text, negativity, authority);
  });

  // One scan for division names serves the tagger's gazetteer features and, unless a name starts
  // inside a word (台北 of 平台|北京, which must hide no other), the regions.
  const gazetteer = getGazetteer();
  const regionNames = drafts.map((d) => scanRegionNames(d.text, gazetteer));
  const entities = drafts.map((d, i) =>
    findEntities(d.written, {
      tagged: d.tagged,
      readAs: d.text,
      watchList: options.watchList,
      regionNames: regionNames[i],
    }),
  );
  // Entities are reported as written; the regions and tokens are of the simplified reading.
  const persons = entities.map((e) => e.persons.map((name) => simplifiedForm(name) ?? name));
  const regions = drafts.map((d, i) =>
    findRegions(d.text, {
      defaultRegion: d.input.defaultRegion,
      found: regionNames[i],
      tagged: d.tagged,
      persons: persons[i],
    }).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
    })),
  );
  const hashes = drafts.map((d) => {
    // Reprints often change the headline: hash the body when it says enough on its own.
    const hashed = d.content.length >= 40 ? d.content : d.text;
    // The words already cut, less boilerplate, links and @names: jieba is not run again.
    const blanked = blankText(hashed);
    const dedup = dedupTokensOf(hashed, (hashed === d.text ? d.tagged : d.bodyTagged).words, blanked);
    const passages = passageFingerprints(hashed, blanked);
    return { simhash: toHex(simhash(dedup)), simhashDistance: maxDistanceFor(dedup), passages };
  });
  const categories = drafts.map(
    (d) => classify(d.title, d.content, undefined, { title: d.titleWords, body: d.bodyWords }).category,
  );

  return drafts.map((d, i) => {
    const found = entities[i] as Entities;
    const hash = hashes[i] as Pick<TextAnalysis, 'simhash' | 'simhashDistance' | 'passages'>;
    return {
      id: d.input.id,
      tokens: withWholeNames(d.tokens, persons[i] as string[]),
      category: categories[i] as string,
      sentiment: sentiments[i] as SentimentResult,
      sensitivity: sensitivity[i] as TextAnalysis['sensitivity'],
      regions: regions[i] as RegionHit[],
      persons: found.persons,
      orgs: found.orgs,
      places: found.places,
      simhash: hash.simhash,
      simhashDistance: hash.simhashDistance,
      passages: hash.passages,
    };
  });
}

/**
 * jieba's cut of a document's title and body, and the words the stages read. A post in traditional
 * script (台灣, 貪污) is read in its simplified form, which the models, rules and lists know.
 */
function segmented(input: TextInput): Draft {
  const written = input.title ? `${input.title}\n${input.content}` : input.content;
  const text = simplifiedForm(written) ?? written;
  const title = text.slice(0, input.title.length);
  const content = input.title ? text.slice(input.title.length + 1) : text;
  const bodyTagged = tagWords(content);
  const body = wordsOf(content, bodyTagged);
  let tagged = bodyTagged;
  let titleWords: string[] = [];
  let words = body.words;
  let tokens = body.tokens;
  if (input.title) {
    const titleTagged = tagWords(title);
    const head = wordsOf(title, titleTagged);
    tagged = {
      words: [...titleTagged.words, '\n', ...bodyTagged.words],
      tags: [...titleTagged.tags, 'x', ...bodyTagged.tags],
    };
    titleWords = head.words;
    words = [...head.words, ...body.words];
    tokens = [...head.tokens, ...body.tokens];
  }
  // One object literal, no spread: every draft has one shape, which the stages' reads then stay on.
  return {
    input,
    written,
    text,
    title,
    content,
    bodyTagged,
    tagged,
    titleWords,
    bodyWords: body.words,
    words,
    tokens,
  };
}
