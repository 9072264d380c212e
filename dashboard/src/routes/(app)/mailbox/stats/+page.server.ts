import { appContext } from '$lib/server/context.ts';
import { StatsQuerySchema } from '$lib/server/mailbox/requests.ts';
import { mailboxActor, mailboxStats, READER_ROLES } from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import { DAY_MS } from '$lib/time.ts';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` from the form as the start of that day in Beijing time. */
function day(value: string | null, fallback: number): { date: string; iso: string } {
  const ms = value && DATE.test(value) ? Date.parse(`${value}T00:00:00+08:00`) : Number.NaN;
  const at = Number.isNaN(ms) ? fallback : ms;
  const date = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
  return { date, iso: new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString() };
}

/** Letters received in [from, to] (whole Beijing days) by responsible department; last 30 days by default. */
export const load: PageServerLoad = async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), READER_ROLES);
  const now = Date.now();
  const from = day(event.url.searchParams.get('from'), now - 29 * DAY_MS);
  const to = day(event.url.searchParams.get('to'), now);
  // The upper bound is exclusive: the day after `to`.
  const toExclusive = new Date(Date.parse(to.iso) + DAY_MS).toISOString();
  const query = StatsQuerySchema.parse({ from: from.iso, to: toExclusive });
  const items = await mailboxStats(appContext().store, actor, query.from, query.to);
  return { from: from.date, to: to.date, items };
};
