import { json } from '@sveltejs/kit';
import { getAuditLog } from '@yuqing/schemas';
import { requireRole } from '$lib/server/access.ts';
import { apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { AuditQuerySchema } from '$lib/server/requests-admin.ts';
import { DAY_MS } from '$lib/time.ts';
import type { RequestHandler } from './$types';

/** Admin: audit entries, newest first; defaults to the last 30 days. Page on with `before`. */
export const GET: RequestHandler = apiHandler('admin.audit', async ({ locals, url }) => {
  requireRole(locals, 'admin');
  const parsed = AuditQuerySchema.safeParse(queryParams(url));
  if (!parsed.success) return badRequest(parsed.error);
  const q = parsed.data;
  const to = q.to ?? new Date(Date.now() + 60_000).toISOString();
  const from = q.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  const items = await getAuditLog(appContext().store, { ...q, from, to });
  const last = items.at(-1);
  return json({ items, nextBefore: last && items.length === q.limit ? last.at : null });
});
