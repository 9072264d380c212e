import type { AnalyzedDocument, RawDocument } from '@yuqing/schemas';
import type { KeywordExtractor } from './text/keywords.ts';
import { segment } from './text/segment.ts';

const SUMMARY_CHARS = 140;

export function summarize(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
}

/** The per-document analysis: pure apart from the corpus statistics the extractor learns. */
export function analyzeDocument(
  raw: RawDocument,
  keywords: KeywordExtractor,
  now = new Date(),
): AnalyzedDocument {
  const tokens = segment(`${raw.title}\n${raw.body}`);
  keywords.observe(tokens);
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
    tokens,
    keywords: keywords.extract(tokens, 10).map((k) => k.word),
  };
}
