import { json } from '@sveltejs/kit';
import { getDocumentDetail } from '@yuqing/schemas';
import { requireUser } from '$lib/server/access.ts';
import { apiError, apiHandler } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import type { RequestHandler } from './$types';

/** One document: text, source link, and its analysis with the evidence behind each label. */
export const GET: RequestHandler = apiHandler('documents.get', async ({ locals, params }) => {
  requireUser(locals);
  if (params.id.length > 128) return apiError(400, 'bad_request', '文档 id 过长', 'id');
  const document = await getDocumentDetail(appContext().store, params.id);
  if (!document) return apiError(404, 'not_found', '文档不存在');
  return json({ document });
});
