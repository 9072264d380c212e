import { isHttpError } from '@sveltejs/kit';
import { getAlertRules } from '@yuqing/schemas';
import { requireRole } from '$lib/server/access.ts';
import { visibleDepartments } from '$lib/server/admin.ts';
import { ALERT_READ_ROLES, type AlertListPage, listAlerts } from '$lib/server/alerts.ts';
import { AlertListQuerySchema } from '$lib/server/alerts-requests.ts';
import { queryParams } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** The alerts center: the same filters as GET /api/alerts, read from the page URL. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireRole(locals, ...ALERT_READ_ROLES);
  const departments = await visibleDepartments(user);
  const rules = await getAlertRules(
    appContext().store,
    departments.map((d) => d.id),
  );
  const parsed = AlertListQuerySchema.safeParse(queryParams(url));
  const filter = parsed.success ? parsed.data : AlertListQuerySchema.parse({});
  let problem = parsed.success ? '' : (parsed.error.issues[0]?.message ?? '筛选条件无效');
  let page: AlertListPage = { items: [], nextBefore: null };
  if (!problem) {
    try {
      page = await listAlerts(user, filter);
    } catch (error) {
      // A department outside the user's scope: say so on the page instead of an error page.
      if (!isHttpError(error) || error.status !== 400) throw error;
      problem = (error.body as App.Error).message;
    }
  }
  return {
    page,
    problem,
    filter: {
      state: filter.state ?? [],
      level: filter.level ?? [],
      rule: filter.rule ?? '',
      department: filter.department ?? '',
    },
    departments,
    rules: rules.map((r) => ({ id: r.id, name: r.name })),
  };
};
