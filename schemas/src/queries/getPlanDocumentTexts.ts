import type { BuiltQuery, Store } from '../store/engine.ts';

/** Title and body of documents as the crawler stored them, for keyword and name matching. */
export function buildPlanDocumentTextsQuery(ids: readonly string[]): BuiltQuery {
  return {
    query: `SELECT id, title, body FROM raw_documents FINAL WHERE id IN {ids:Array(String)}`,
    params: { ids },
  };
}

/** `title\nbody` by document id; documents without a raw row are missing from the map. */
export async function getPlanDocumentTexts(
  store: Store,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ id: string; title: string; body: string }>(
    'getPlanDocumentTexts',
    buildPlanDocumentTextsQuery(ids),
  );
  return new Map(rows.map((r) => [r.id, `${r.title}\n${r.body}`]));
}
