import { json } from '@sveltejs/kit';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { StatsQuerySchema } from '$lib/server/mailbox/requests.ts';
import { mailboxActor, mailboxStats, READER_ROLES } from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Letters received in [from, to) by responsible department: open, replied, closed, overdue, on-time rate. */
export const GET: RequestHandler = apiHandler('mailbox.stats', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const query = StatsQuerySchema.safeParse(queryParams(event.url));
  if (!query.success) return badRequest(query.error);
  return json({ items: await mailboxStats(appContext().store, actor, query.data.from, query.data.to) });
});
