import { json } from '@sveltejs/kit';
import { apiHandler, readBody } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { InstructionSchema } from '$lib/server/mailbox/requests.ts';
import {
  INSTRUCTION_ROLES,
  instruct,
  mailboxActor,
  workflowErrorResponse,
} from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** A leader's instruction (批示) on a letter: `{ text }`. */
export const POST: RequestHandler = apiHandler('mailbox.letters.instruction', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), INSTRUCTION_ROLES);
  const body = await readBody(event.request, InstructionSchema);
  if (!body.ok) return body.response;
  try {
    return json(
      { event: await instruct(appContext().store, actor, event.params.id, body.data.text) },
      { status: 201 },
    );
  } catch (e) {
    return workflowErrorResponse(e);
  }
});
