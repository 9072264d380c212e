import type { BuiltQuery, Store } from '@yuqing/schemas';

/** Title and text of the latest letters, oldest first: to seed similar-letter search at start-up. */
export function buildRecentLetterTextsQuery(limit: number): BuiltQuery {
  return {
    query: `SELECT id, title, content FROM (
        SELECT id, title, content, received_at FROM letters FINAL ORDER BY received_at DESC, id LIMIT {limit:UInt32}
      ) ORDER BY received_at, id`,
    params: { limit },
  };
}

export async function getRecentLetterTexts(
  store: Store,
  limit = 5000,
): Promise<Array<{ id: string; title: string; content: string }>> {
  return store.query('getRecentLetterTexts', buildRecentLetterTextsQuery(limit));
}
