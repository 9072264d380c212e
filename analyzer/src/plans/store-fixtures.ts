/**
 * Documents for the store tests of plans, events, people and the index, written the way the
 * pipeline writes them: the raw document (title and body) and its analysis.
 */
import {
  type AnalyzedDocument,
  createLogger,
  loadConfig,
  migrate,
  openStore,
  type Store,
  writeDocuments,
  writeRawDocuments,
} from '@yuqing/schemas';
import { analyzedDocument } from '../../../tests/support/documents.ts';
import { tempDir } from '../../../tests/support/temp-dir.ts';

export const logger = createLogger('silent');

export type FixtureDoc = Pick<AnalyzedDocument, 'id' | 'title' | 'publishedAt'> &
  Partial<AnalyzedDocument> & { body?: string };

export function fixtureDocument(d: FixtureDoc): AnalyzedDocument {
  const { body: _body, ...fields } = d;
  return analyzedDocument({ summary: (d.body ?? '').slice(0, 60), ...fields });
}

export async function storeDocuments(store: Store, docs: readonly FixtureDoc[]): Promise<AnalyzedDocument[]> {
  const analyzed = docs.map(fixtureDocument);
  await writeRawDocuments(
    store,
    analyzed.map((a, i) => ({
      id: a.id,
      url: a.url,
      canonicalUrl: a.url,
      source: a.source,
      site: a.site,
      mediaType: a.mediaType,
      title: a.title,
      body: docs[i]?.body ?? '',
      author: '',
      publishedAt: a.publishedAt,
      fetchedAt: a.fetchedAt,
      contentHash: a.contentHash,
    })),
  );
  await writeDocuments(store, analyzed);
  return analyzed;
}

/** A migrated embedded store in a temporary directory. */
export async function openTestStore(prefix: string): Promise<{ store: Store; close: () => Promise<void> }> {
  const tmp = tempDir(prefix);
  const store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
  await migrate(store, logger);
  return {
    store,
    close: async () => {
      await store.close();
      tmp.cleanup();
    },
  };
}
