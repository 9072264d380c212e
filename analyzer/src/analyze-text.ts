import type { MediaType } from '@yuqing/schemas';
import { classify } from './classify/index.ts';
import { dedupTokensOf, simhash, toHex } from './dedup/index.ts';
import { findEntities, type WatchedPerson } from './entities/index.ts';
import { findRegions, getGazetteer, scanRegionNames } from './regions/index.ts';
import { compileRules, loadDefaultRules, mergeRules, SensitivityMatcher } from './sensitivity/index.ts';
import { analyzeSentiment, type SentimentResult } from './sentiment/index.ts';
import { type TaggedWord, tagWords } from './text/segment.ts';

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
  /** Normalised tokens behind the SimHash: short texts need a stricter duplicate threshold. */
  simhashTokens: number;
}

/** How far a source's word carries when nothing better is configured. */
const AUTHORITY_BY_MEDIA: Record<MediaType, number> = {
  government: 0.9,
  newspaper: 0.8,
  news: 0.7,
  video: 0.5,
  blog: 0.35,
  social: 0.3,
  forum: 0.25,
  other: 0.3,
};

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Words without whitespace and punctuation, as `segment` gives them, appended to `out`. */
function words(tagged: readonly TaggedWord[], out: string[] = []): string[] {
  for (const t of tagged) if (WORDLIKE.test(t.word)) out.push(t.word.trim());
  return out;
}
let matcher: SensitivityMatcher | undefined;
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

/**
 * Everything about one document that needs no other document: jieba runs once (with POS tags)
 * and every stage reuses its words. Stop words stay in `tokens`: sentiment needs 不 and 很.
 */
export function analyzeText(input: TextInput, options: AnalyzeTextOptions = {}): TextAnalysis {
  const text = input.title ? `${input.title}\n${input.content}` : input.content;
  const bodyTagged = tagWords(input.content);
  let tagged = bodyTagged;
  let titleWords: string[] = [];
  if (input.title) {
    const titleTagged = tagWords(input.title);
    titleWords = words(titleTagged);
    tagged = titleTagged;
    tagged.push({ word: '\n', tag: 'x' });
    for (const t of bodyTagged) tagged.push(t);
  }
  const bodyWords = words(bodyTagged);
  const tokens = input.title ? words(bodyTagged, titleWords.slice()) : bodyWords;

  const sentiment = analyzeSentiment(text, tokens);
  const negativity = Math.max(0, -sentiment.score);
  const authority = input.authority ?? AUTHORITY_BY_MEDIA[input.mediaType ?? 'other'];
  matcher ??= sensitivityMatcher().matcher;
  const sensitivity = readableSensitivity(options.sensitivity ?? matcher, text, negativity, authority);

  // One scan for division names serves the regions and the tagger's gazetteer features.
  const regionNames = scanRegionNames(text, getGazetteer());
  const regions = findRegions(text, { defaultRegion: input.defaultRegion, found: regionNames }).map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
  }));
  const entities = findEntities(text, { tagged, watchList: options.watchList, regionNames });
  // Reprints often change the headline: hash the body when it says enough on its own.
  const hashed = input.content.length >= 40 ? input.content : text;
  // The words already cut, less boilerplate, links and @names: jieba is not run again.
  const dedup = dedupTokensOf(hashed, hashed === text ? tagged : bodyTagged);
  return {
    id: input.id,
    tokens,
    category: classify(input.title, input.content, undefined, { title: titleWords, body: bodyWords })
      .category,
    sentiment,
    sensitivity,
    regions,
    persons: entities.persons,
    orgs: entities.orgs,
    places: entities.places,
    simhash: toHex(simhash(dedup)),
    simhashTokens: dedup.length,
  };
}
