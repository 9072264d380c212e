import { json } from '@sveltejs/kit';
import { apiHandler, badRequest, queryParams, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { CreateDraftSchema, DraftListQuerySchema } from '$lib/server/publish/requests.ts';
import {
  draftScope,
  publishActor,
  publishErrorResponse,
  publishService,
} from '$lib/server/publish/service.ts';
import type { RequestHandler } from './$types';

/** Drafts of the caller's departments, newest change first: `?state=draft,pending_review&column=…`. */
export const GET: RequestHandler = apiHandler('publish.drafts.list', async ({ locals, url }) => {
  const actor = publishActor(locals);
  const query = DraftListQuerySchema.safeParse(queryParams(url));
  if (!query.success) return badRequest(query.error);
  const { allowedActions, getDrafts } = await portalAdapter();
  const drafts = await getDrafts(appContext().store, {
    states: query.data.state,
    column: query.data.column,
    departments: [...(await draftScope(actor))],
    limit: query.data.limit,
    offset: query.data.offset,
  });
  return json({ items: drafts.map((d) => ({ ...d, actions: allowedActions(d.state, actor.roles) })) });
});

/** Pulls an analyzed document into a new draft: `{ documentId, column }`. */
export const POST: RequestHandler = apiHandler('publish.drafts.create', async ({ locals, request }) => {
  const actor = publishActor(locals);
  const body = await readBody(request, CreateDraftSchema);
  if (!body.ok) return body.response;
  try {
    return json({ draft: await (await publishService()).createDraft(actor, body.data) }, { status: 201 });
  } catch (e) {
    return publishErrorResponse(e);
  }
});
