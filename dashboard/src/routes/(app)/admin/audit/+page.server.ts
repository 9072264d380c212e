import { getAuditLog } from '@yuqing/schemas';
import { requireRole } from '$lib/server/access.ts';
import { listUsers } from '$lib/server/admin.ts';
import { queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import { AuditQuerySchema } from '$lib/server/requests-admin.ts';
import { DAY_MS } from '$lib/time.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, 'admin');
  const parsed = AuditQuerySchema.safeParse(queryParams(url));
  const q = parsed.success ? parsed.data : AuditQuerySchema.parse({});
  const to = q.to ?? new Date(Date.now() + 60_000).toISOString();
  const from = q.from ?? new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  const [entries, users] = await Promise.all([
    getAuditLog(appContext().store, { ...q, from, to, limit: 200 }),
    listUsers(),
  ]);
  const names: Record<string, string> = { system: '系统', anonymous: '匿名' };
  for (const u of users) names[u.id] = u.displayName ? `${u.displayName}（${u.username}）` : u.username;
  return {
    entries,
    names,
    action: q.action ?? '',
    error: parsed.success ? '' : (parsed.error.issues[0]?.message ?? ''),
  };
};
