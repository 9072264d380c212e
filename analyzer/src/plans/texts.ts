import { type AnalyzedDocument, getPlanDocumentTexts, type Store } from '@yuqing/schemas';

type Doc = Pick<AnalyzedDocument, 'id' | 'title' | 'summary'> & { text?: string };

/**
 * The full text (title and body) of a batch, read once from `raw_documents` and shared by the
 * observers that match words (plans, people, event links). A document that carries `text` (as the
 * alert engine's documents do) is not looked up; one without a raw row falls back to its summary.
 */
export class BatchTexts {
  private readonly cache = new WeakMap<readonly Doc[], Promise<Map<string, string>>>();

  get(store: Store, docs: readonly Doc[]): Promise<Map<string, string>> {
    let texts = this.cache.get(docs);
    if (!texts) {
      texts = load(store, docs);
      this.cache.set(docs, texts);
    }
    return texts;
  }
}

async function load(store: Store, docs: readonly Doc[]): Promise<Map<string, string>> {
  const missing = docs.filter((d) => d.text === undefined).map((d) => d.id);
  const raw = await getPlanDocumentTexts(store, missing);
  return new Map(docs.map((d) => [d.id, d.text ?? raw.get(d.id) ?? `${d.title}\n${d.summary}`]));
}
