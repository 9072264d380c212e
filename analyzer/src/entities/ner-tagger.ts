import type { Gazetteer } from '../regions/index.ts';
import { tagWords } from '../text/segment.ts';
import type { TaggedWord } from './find-entities.ts';
import { FEATURES, hashFeatures, prepareText } from './ner-features.ts';
import { getNerModel, type NerModel, type NerSpan, tagsToSpans } from './ner-model.ts';
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

/** Feature hashes of the text being tagged: one buffer for every call. */
let features = new Int32Array(4096 * FEATURES);

export interface NerOptions {
  model?: NerModel;
  /** The gazetteer's names in the text, when the caller already scanned for them. */
  regionNames?: readonly { start: number; end: number }[];
  /** Tag every clause, not only those with a name signal (slower; for measuring the gate). */
  everyClause?: boolean;
}

/**
 * Names in a text found by the trained tagger, as spans; `tokens` are the text's jieba words and
 * tags. Only clauses with a sign of a name are tagged: a jieba name tag, a word jieba did not know,
 * or a region, world place or organisation ending of the lists. The rest of a post (most clauses)
 * costs no hashing and no weight reads. Features still read the whole text around each character.
 */
export function nerSpans(
  text: string,
  tokens: readonly TaggedWord[],
  gazetteer: Gazetteer,
  options: NerOptions | NerModel = {},
): NerSpan[] {
  if (text.length === 0) return [];
  const opts = options instanceof Object && 'tag' in options ? { model: options as NerModel } : options;
  const model = opts.model ?? getNerModel();
  // A post in traditional script (台灣, 瀋陽) is tagged in simplified form: jieba, the gazetteer and
  // the lists know it far better. Same length, so the spans hold for the text as written.
  const simplified = simplifiedForm(text);
  const words = simplified === undefined ? tokens : tagWords(simplified);
  const prepared = simplified
    ? prepareText(simplified, words, { gazetteer })
    : prepareText(text, tokens, { gazetteer, regionNames: opts.regionNames });
  if (features.length < text.length * FEATURES) features = new Int32Array(text.length * FEATURES * 2);
  const spans: NerSpan[] = [];
  const run = (from: number, to: number) => {
    if (to <= from) return;
    hashFeatures(prepared, features, from, to);
    for (const s of tagsToSpans(model.tag(features, from, to)))
      spans.push({ type: s.type, start: s.start + from, end: s.end + from });
  };
  if (opts.everyClause) {
    run(0, text.length);
    return spans;
  }
  const { region, world, org } = prepared;
  let clauseStart = 0;
  let signal = false;
  let at = 0;
  for (const { word, tag } of words) {
    const end = at + word.length;
    if (endsClause(word)) {
      if (signal) run(clauseStart, end);
      clauseStart = end;
      signal = false;
    } else if (!signal) {
      if (nameTag(tag) || (tag === 'x' && NEW_HAN_WORD.test(word))) signal = true;
      else
        for (let k = at; k < end && k < text.length; k++)
          if (region[k] || world[k] || org[k]) {
            signal = true;
            break;
          }
    }
    at = end;
  }
  if (signal) run(clauseStart, text.length);
  return spans;
}
