import type { Gazetteer } from '../regions/index.ts';
import type { TaggedWord } from './find-entities.ts';
import { extractFeatures } from './ner-features.ts';
import { getNerModel, type NerModel, type NerSpan, T, tagsToSpans } from './ner-model.ts';

/** Names in a text found by the trained tagger, as spans; `tokens` are the text's jieba words and tags. */
export function nerSpans(
  text: string,
  tokens: readonly TaggedWord[],
  gazetteer: Gazetteer,
  model: NerModel = getNerModel(),
): NerSpan[] {
  if (text.length === 0) return [];
  const features = extractFeatures(text, tokens, { buckets: model.buckets, tags: T, gazetteer });
  return tagsToSpans(model.tag(features));
}
