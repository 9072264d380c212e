import { json } from '@sveltejs/kit';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { DueQuerySchema } from '$lib/server/mailbox/requests.ts';
import { dueLetters, mailboxActor, READER_ROLES } from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Reminders: open letters due within `withinHours` (default 24) and overdue ones. */
export const GET: RequestHandler = apiHandler('mailbox.due', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const query = DueQuerySchema.safeParse(queryParams(event.url));
  if (!query.success) return badRequest(query.error);
  return json({ items: await dueLetters(appContext().store, actor, query.data.withinHours) });
});
