import type { AnalyzedDocument } from '@yuqing/schemas';

/** An analyzed document with neutral analysis; tests and benchmarks override what they need. */
export function analyzedDocument(
  fields: Pick<AnalyzedDocument, 'id' | 'title' | 'publishedAt'> & Partial<AnalyzedDocument>,
): AnalyzedDocument {
  return {
    url: `http://example.test/${fields.id}.html`,
    source: 'fixture',
    site: 'example.test',
    mediaType: 'news',
    summary: '',
    fetchedAt: fields.publishedAt ?? '2026-11-20T10:00:00.000Z',
    analyzedAt: '2026-11-20T10:00:01.000Z',
    contentHash: `h-${fields.id}`,
    tokens: [],
    keywords: [],
    category: '社会',
    sentiment: { label: 'neutral', score: 0, evidence: [] },
    sensitivity: { score: 0, categories: [], evidence: [] },
    regions: [],
    persons: [],
    orgs: [],
    places: [],
    simhash: '0000000000000000',
    duplicateOf: null,
    topicId: null,
    ...fields,
  };
}
