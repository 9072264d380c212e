import { json } from '@sveltejs/kit';
import { apiError, apiHandler, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { ActionBodySchema, DraftActionSchema } from '$lib/server/publish/requests.ts';
import {
  publishActor,
  publishErrorResponse,
  publishService,
  visibleDraft,
} from '$lib/server/publish/service.ts';
import type { RequestHandler } from './$types';

/**
 * A state change: submit, approve, reject (with `reason`), publish, retry, withdraw, archive.
 * Body `{ expectedVersion?, reason? }`; an illegal transition is a 409 that says what is allowed.
 */
export const POST: RequestHandler = apiHandler(
  'publish.drafts.action',
  async ({ locals, params, request }) => {
    const actor = publishActor(locals);
    const action = DraftActionSchema.safeParse(params.action);
    if (!action.success) return apiError(404, 'not_found', `未知操作：${params.action}`, 'action');
    const draft = await visibleDraft(actor, params.id);
    const body = await readBody(request, ActionBodySchema);
    if (!body.ok) return body.response;
    try {
      const next = await (await publishService()).act(actor, draft.id, action.data, body.data);
      const { getPublications } = await portalAdapter();
      return json({ draft: next, publications: await getPublications(appContext().store, draft.id) });
    } catch (e) {
      return publishErrorResponse(e);
    }
  },
);
