import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/api.ts';
import {
  publishActor,
  publishErrorResponse,
  publishService,
  visibleDraft,
} from '$lib/server/publish/service.ts';
import type { RequestHandler } from './$types';

/** Checks a draft against the maintained lists (typos, sensitive words, forbidden names). */
export const POST: RequestHandler = apiHandler('publish.drafts.check', async ({ locals, params }) => {
  const actor = publishActor(locals);
  const draft = await visibleDraft(actor, params.id);
  try {
    return json({ check: await (await publishService()).check(actor, draft.id) });
  } catch (e) {
    return publishErrorResponse(e);
  }
});
