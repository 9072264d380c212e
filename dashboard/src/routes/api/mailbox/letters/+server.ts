import { json } from '@sveltejs/kit';
import { apiHandler, badRequest, queryParams, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { CreateLetterSchema, LetterListQuerySchema } from '$lib/server/mailbox/requests.ts';
import {
  createLetter,
  HANDLER_ROLES,
  listLetters,
  mailboxActor,
  READER_ROLES,
  workflowErrorResponse,
} from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Letters of the caller's departments, newest first: `?state=received,assigned&department=&category=&from=&to=`. */
export const GET: RequestHandler = apiHandler('mailbox.letters.list', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const query = LetterListQuerySchema.safeParse(queryParams(event.url));
  if (!query.success) return badRequest(query.error);
  const { state, ...rest } = query.data;
  return json({ items: await listLetters(appContext().store, actor, { ...rest, states: state }) });
});

/**
 * The portal submits a letter (a session of a mailbox editor): it is triaged and stored with its
 * deadline. 201 with the letter; 200 with the stored one when the id was already submitted.
 */
export const POST: RequestHandler = apiHandler('mailbox.letters.create', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), HANDLER_ROLES);
  const body = await readBody(event.request, CreateLetterSchema);
  if (!body.ok) return body.response;
  try {
    const { letter, created } = await createLetter(appContext().store, actor, body.data);
    return json({ letter, created }, { status: created ? 201 : 200 });
  } catch (e) {
    return workflowErrorResponse(e);
  }
});
