import { json } from '@sveltejs/kit';
import { getLatestDocuments } from '@yuqing/schemas';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { DocumentsQuerySchema } from '$lib/server/requests.ts';
import type { RequestHandler } from './$types';

/** The newest analysed documents, newest first; page on with `cursor=<nextCursor>`. */
export const GET: RequestHandler = apiHandler('documents', async ({ url }) => {
  const parsed = DocumentsQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  return json(await getLatestDocuments(appContext().store, parsed.data));
});
