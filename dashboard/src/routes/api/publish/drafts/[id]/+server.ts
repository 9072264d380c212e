import { json } from '@sveltejs/kit';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { EditDraftSchema } from '$lib/server/publish/requests.ts';
import {
  publishActor,
  publishErrorResponse,
  publishService,
  visibleDraft,
} from '$lib/server/publish/service.ts';
import type { RequestHandler } from './$types';

/** A draft with its audit trail, its publications per target and what the caller may do next. */
export const GET: RequestHandler = apiHandler('publish.drafts.get', async ({ locals, params }) => {
  const actor = publishActor(locals);
  const draft = await visibleDraft(actor, params.id);
  const { allowedActions, getPublications, getPublishEvents } = await portalAdapter();
  const { store } = appContext();
  const [events, publications] = await Promise.all([
    getPublishEvents(store, draft.id),
    getPublications(store, draft.id),
  ]);
  return json({ draft, events, publications, actions: allowedActions(draft.state, actor.roles) });
});

/** Edits a draft: `{ expectedVersion, title?, summary?, body?, column? }`; a stale version is a 409. */
export const PATCH: RequestHandler = apiHandler(
  'publish.drafts.edit',
  async ({ locals, params, request }) => {
    const actor = publishActor(locals);
    const draft = await visibleDraft(actor, params.id);
    const body = await readBody(request, EditDraftSchema);
    if (!body.ok) return body.response;
    try {
      return json({ draft: await (await publishService()).edit(actor, draft.id, body.data) });
    } catch (e) {
      return publishErrorResponse(e);
    }
  },
);
