import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { letterDetail, mailboxActor, READER_ROLES } from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** One letter with its history (state changes, 批示); viewing is audited. */
export const GET: RequestHandler = apiHandler('mailbox.letters.get', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  return json(await letterDetail(appContext().store, actor, event.params.id));
});
