import { json } from '@sveltejs/kit';
import { countSearchDocuments, searchDocuments } from '@yuqing/schemas';
import { requireUser } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { SearchQuerySchema, toSearchFilter } from '$lib/server/search.ts';
import type { RequestHandler } from './$types';

/**
 * Searches documents, newest first: `q` in the query language (words = AND, OR, -word / NOT word,
 * "phrase"), filters by time, source, media type, sentiment, category and region. Without `q` it
 * lists the latest documents. Page on with `cursor=<nextCursor>`; `total` comes with the first page.
 */
export const GET: RequestHandler = apiHandler('documents', async ({ locals, url }) => {
  requireUser(locals);
  const parsed = SearchQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  const { store } = appContext();
  const { filter, highlight } = await toSearchFilter(parsed.data);
  const [page, total] = await Promise.all([
    searchDocuments(store, { ...filter, limit: parsed.data.limit, cursor: parsed.data.cursor }),
    parsed.data.cursor ? Promise.resolve(null) : countSearchDocuments(store, filter),
  ]);
  return json({ ...page, total, highlight });
});
