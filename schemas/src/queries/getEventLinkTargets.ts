import type { BuiltQuery, Store } from '../store/engine.ts';

/** Stored documents whose URL is one of `urls`: the targets of links found in texts. */
export function buildEventLinkTargetsQuery(urls: readonly string[]): BuiltQuery {
  return {
    query: `SELECT DISTINCT id, url FROM documents WHERE url IN {urls:Array(String)} LIMIT 10000`,
    params: { urls },
  };
}

export async function getEventLinkTargets(
  store: Store,
  urls: readonly string[],
): Promise<Map<string, string>> {
  if (urls.length === 0) return new Map();
  const rows = await store.query<{ id: string; url: string }>(
    'getEventLinkTargets',
    buildEventLinkTargetsQuery(urls),
  );
  return new Map(rows.map((r) => [r.url, r.id]));
}
