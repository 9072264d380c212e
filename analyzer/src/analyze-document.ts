import type { AnalyzedDocument, RawDocument } from '@yuqing/schemas';
import type { TextAnalysis, TextInput } from './analyze-text.ts';
import type { CorpusAnalysis } from './corpus.ts';

const SUMMARY_CHARS = 140;

export function summarize(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
}

/** What the text analysis reads of a crawled document; `authority` and region: its source’s, when known. */
export function toTextInput(raw: RawDocument, source: { authority?: number } = {}): TextInput {
  const input: TextInput = { id: raw.id, title: raw.title, content: raw.body, mediaType: raw.mediaType };
  if (source.authority !== undefined) input.authority = source.authority;
  if (raw.region) input.defaultRegion = raw.region;
  return input;
}

/** The facts of a text's analysis that every stored or written document carries. */
export function documentFacts(text: TextAnalysis) {
  const { category, sentiment, sensitivity, regions, persons, orgs, places, simhash } = text;
  return { category, sentiment, sensitivity, regions, persons, orgs, places, simhash };
}

/** The stored record: what lists need from the raw document plus the whole analysis. */
export function toAnalyzedDocument(
  raw: RawDocument,
  text: TextAnalysis,
  corpus: CorpusAnalysis,
  now = new Date(),
  topicId: string | null = null,
): AnalyzedDocument {
  return {
    id: raw.id,
    url: raw.url,
    source: raw.source,
    site: raw.site,
    mediaType: raw.mediaType,
    title: raw.title,
    summary: summarize(raw.body),
    publishedAt: raw.publishedAt,
    fetchedAt: raw.fetchedAt,
    analyzedAt: now.toISOString(),
    contentHash: raw.contentHash,
    tokens: text.tokens,
    keywords: corpus.keywords,
    ...documentFacts(text),
    passages: text.passages,
    duplicateOf: corpus.duplicateOf,
    topicId,
  };
}
