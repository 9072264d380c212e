import type { Gazetteer } from '../regions/index.ts';
import type { TaggedWord } from './find-entities.ts';
import { FEATURES, hashFeatures, prepareText } from './ner-features.ts';
import { getNerModel, type NerModel, type NerSpan, T, tagsToSpans } from './ner-model.ts';

/** Tokens that end a clause: names never span them, so each clause is tagged on its own. */
const CLAUSE_END = /^[。！？!?；;…\n\r]+$|^[，,、：:]+$/;
/** jieba tags of names (nr, nrfg, ns, nt, nz …) and abbreviations (j). */
const NAME_TAG = /^(?:n[rstz]|j)/;
/** A word jieba's HMM made up (not in its dictionary): how unknown names come out. */
const NEW_HAN_WORD = /^[\u3400-\u9fff]{2,}$/;

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
  const prepared = prepareText(text, tokens, { gazetteer, regionNames: opts.regionNames });
  const features = new Int32Array(text.length * FEATURES);
  const spans: NerSpan[] = [];
  const run = (from: number, to: number) => {
    if (to <= from) return;
    hashFeatures(prepared, model.buckets, T, features, from, to);
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
  for (const { word, tag } of tokens) {
    const end = at + word.length;
    if (CLAUSE_END.test(word)) {
      if (signal) run(clauseStart, end);
      clauseStart = end;
      signal = false;
    } else if (!signal) {
      if (NAME_TAG.test(tag) || (tag === 'x' && NEW_HAN_WORD.test(word))) signal = true;
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
