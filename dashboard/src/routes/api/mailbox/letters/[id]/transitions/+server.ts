import { json } from '@sveltejs/kit';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { TransitionSchema } from '$lib/server/mailbox/requests.ts';
import {
  changeState,
  HANDLER_ROLES,
  mailboxActor,
  workflowErrorResponse,
} from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Moves a letter: `{ to: assigned|replying|replied|closed, note?, department?, assignee?, reply?, deadlineAt? }`. */
export const POST: RequestHandler = apiHandler('mailbox.letters.transition', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), HANDLER_ROLES);
  const body = await readBody(event.request, TransitionSchema);
  if (!body.ok) return body.response;
  try {
    return json({ letter: await changeState(appContext().store, actor, event.params.id, body.data) });
  } catch (e) {
    return workflowErrorResponse(e);
  }
});
