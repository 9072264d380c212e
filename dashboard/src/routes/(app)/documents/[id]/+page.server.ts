import { error, redirect } from '@sveltejs/kit';
import { getDocumentDetail } from '@yuqing/schemas';
import { hasRole, requireUser } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { parseForm } from '$lib/server/forms.ts';
import { publishFormAction } from '$lib/server/publish/pages.ts';
import { CreateDraftSchema } from '$lib/server/publish/requests.ts';
import { publishActor, publishService } from '$lib/server/publish/service.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const user = requireUser(locals);
  const document = params.id.length <= 128 ? await getDocumentDetail(appContext().store, params.id) : null;
  if (!document) error(404, { message: '文档不存在', code: 'not_found' });
  return { document, canDraft: hasRole(user, 'editor', 'chief_editor') };
};

export const actions: Actions = {
  /** 采编: pulls this document into a new draft of a column and opens it. */
  draft: async ({ locals, params, request }) => {
    const actor = publishActor(locals);
    const form = await request.formData();
    const parsed = parseForm(CreateDraftSchema, { documentId: params.id, column: form.get('column') });
    if (!parsed.ok) return parsed.failure;
    const result = await publishFormAction(async () =>
      (await publishService()).createDraft(actor, parsed.data),
    );
    if ('id' in result) redirect(303, `/publish/${result.id}`);
    return result;
  },
};
