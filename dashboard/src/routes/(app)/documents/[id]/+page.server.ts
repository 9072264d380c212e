import { error } from '@sveltejs/kit';
import { getDocumentDetail } from '@yuqing/schemas';
import { requireUser } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  requireUser(locals);
  const document = params.id.length <= 128 ? await getDocumentDetail(appContext().store, params.id) : null;
  if (!document) error(404, { message: '文档不存在', code: 'not_found' });
  return { document };
};
