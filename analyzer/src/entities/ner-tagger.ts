import type { Gazetteer } from '../regions/index.ts';
import { tagWords } from '../text/segment.ts';
import type { TaggedWords } from './find-entities.ts';
import { type PreparedText, prepareText } from './ner-features.ts';
import { getNerModel, type NerModel, type NerSpan, tagsToSpans } from './ner-model.ts';
import { tagPrepared } from './ner-scorer.ts';
import { simplifiedForm } from './traditional.ts';

/** Characters that end a clause: names never span them, so each clause is tagged on its own. */
const CLAUSE_CHARS = '。！？!?；;…\n\r，,、：:';
const clauseUnit = new Uint8Array(0x10000);
for (let i = 0; i < CLAUSE_CHARS.length; i++) clauseUnit[CLAUSE_CHARS.charCodeAt(i)] = 1;

/** A token made only of clause-ending punctuation. */
function endsClause(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) if (clauseUnit[word.charCodeAt(i)] !== 1) return false;
  return true;
}

/** Words that make a road of the place before them. */
const ROAD = /^(?:[东西南北中]?路|大街|大道|街)$/;

/** jieba tags of names (nr, nrfg, ns, nt, nz …) and abbreviations (j). */
function nameTag(tag: string): boolean {
  const a = tag.charCodeAt(0);
  if (a === 0x6a) return true; // j
  if (a !== 0x6e) return false; // n
  const b = tag.charCodeAt(1);
  return b === 0x72 || b === 0x73 || b === 0x74 || b === 0x7a; // r s t z
}
/** A word jieba's HMM made up (not in its dictionary): how unknown names come out. */
const NEW_HAN_WORD = /^[\u3400-\u9fff]{2,}$/;

export interface NerOptions {
  model?: NerModel;
  /** The gazetteer's names in the text, when the caller already scanned for them. */
  regionNames?: readonly { start: number; end: number }[];
  /** The text in simplified script, of which `tokens` are the words (see `FindEntitiesOptions`). */
  readAs?: string;
  /** Tag every clause, not only those with a name signal (slower; for measuring the gate). */
  everyClause?: boolean;
  /** Add the ns words that are exactly a listed place and that the tagger passed over (default). */
  listPlaces?: boolean;
}

/**
 * Names in a text found by the trained tagger, as spans; `tokens` are the text's jieba words and
 * tags. Only clauses with a sign of a name are tagged: a jieba name tag, a word jieba did not know,
 * or a region, world place or organisation ending of the lists. The rest of a post (most clauses)
 * costs no hashing and no weight reads. Features still read the whole text around each character.
 */
export function nerSpans(
  text: string,
  tokens: TaggedWords,
  gazetteer: Gazetteer,
  options: NerOptions | NerModel = {},
): NerSpan[] {
  if (text.length === 0) return [];
  const opts = options instanceof Object && 'tag' in options ? { model: options as NerModel } : options;
  const model = opts.model ?? getNerModel();
  // A post in traditional script (台灣, 瀋陽) is tagged in simplified form: jieba, the gazetteer and
  // the lists know it far better. Same length, so the spans hold for the text as written.
  const simplified = opts.readAs === undefined ? simplifiedForm(text) : undefined;
  const words = simplified === undefined ? tokens : tagWords(simplified);
  const prepared = simplified
    ? prepareText(simplified, words, { gazetteer })
    : prepareText(opts.readAs ?? text, tokens, { gazetteer, regionNames: opts.regionNames });
  const spans: NerSpan[] = [];
  if (opts.everyClause) tagRange(model, prepared, 0, text.length, spans);
  else gated(words, prepared, model, spans);
  if (opts.listPlaces !== false) addListedPlaces(words, prepared, spans);
  return dropPlacesInsideWords(words, spans);
}

/** Tags characters [from, to) as a sequence of their own and adds the names to `spans`. */
function tagRange(model: NerModel, prepared: PreparedText, from: number, to: number, spans: NerSpan[]) {
  if (to <= from) return;
  for (const s of tagsToSpans(tagPrepared(model, prepared, from, to)))
    spans.push({ type: s.type, start: s.start + from, end: s.end + from });
}

/**
 * A place does not start in the middle of an ordinary jieba word (博卫庄 out of 微博|卫庄, 家博物馆
 * out of 国家|博物馆). Inside a name word (上海浦东/ns) it may.
 */
function dropPlacesInsideWords({ words, tags }: TaggedWords, spans: NerSpan[]): NerSpan[] {
  let dropped: Set<NerSpan> | undefined;
  for (const span of spans) {
    if (span.type !== 'LOC') continue;
    let at = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      const end = at + word.length;
      if (end > span.start) {
        if (at < span.start && word.length > 1 && !nameTag(tags[w] as string)) {
          dropped ??= new Set();
          dropped.add(span);
        }
        break;
      }
      at = end;
    }
  }
  return dropped ? spans.filter((s) => !dropped.has(s)) : spans;
}

/** Tags each clause with a sign of a name (see nerSpans). */
function gated({ words, tags }: TaggedWords, prepared: PreparedText, model: NerModel, spans: NerSpan[]) {
  const { n, region, world, org } = prepared;
  let clauseStart = 0;
  let signal = false;
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    const tag = tags[w] as string;
    const end = at + word.length;
    if (endsClause(word)) {
      if (signal) tagRange(model, prepared, clauseStart, end, spans);
      clauseStart = end;
      signal = false;
    } else if (!signal) {
      if (nameTag(tag) || (tag === 'x' && NEW_HAN_WORD.test(word))) signal = true;
      else
        for (let k = at; k < end && k < n; k++)
          if (region[k] || world[k] || org[k]) {
            signal = true;
            break;
          }
    }
    at = end;
  }
  if (signal) tagRange(model, prepared, clauseStart, n, spans);
}

/**
 * Places the tagger passed over although every list agrees: a word jieba tags as a place (ns) that
 * is, exactly, a division name of the gazetteer or a world place of the list, or a run of them
 * (上海浦东 → 上海, 浦东), and that no name found by the tagger overlaps (北京 in 启程去北京！).
 * Words inside a longer name (北京大学) are not ns words of their own, or are covered by the
 * tagger's name.
 */
function addListedPlaces({ words, tags }: TaggedWords, prepared: PreparedText, spans: NerSpan[]) {
  const found = spans.length;
  const free = (start: number, end: number) => {
    for (let s = 0; s < found; s++) {
      const span = spans[s] as NerSpan;
      if (span.start < end && start < span.end) return false;
    }
    return true;
  };
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    const end = at + word.length;
    if (tags[w] === 'ns' && word.length >= 2 && end <= prepared.n) {
      // A place word and a road word after it name a road (沧海|路, 延安|东路).
      const next = words[w + 1];
      if (next !== undefined && ROAD.test(next)) {
        if (free(at, end + next.length)) spans.push({ type: 'LOC', start: at, end: end + next.length });
      } else {
        const parts = listedNames(prepared, at, end);
        if (parts && free(at, end)) for (const part of parts) spans.push(part);
      }
    }
    at = end;
  }
}

/** Places that make up characters [start, end) exactly, one after another, by the lists' marks; else undefined. */
function listedNames(prepared: PreparedText, start: number, end: number): NerSpan[] | undefined {
  const parts: NerSpan[] = [];
  for (let at = start; at < end; ) {
    const marks =
      prepared.region[at] === 1 ? prepared.region : prepared.world[at] === 1 ? prepared.world : undefined;
    if (!marks) return undefined;
    let k = at + 1;
    while (k < end && marks[k] === 2) k++;
    if (k === end || marks[k] !== 3) return undefined;
    parts.push({ type: 'LOC', start: at, end: k + 1 });
    at = k + 1;
  }
  return parts;
}
