import { getDepartments, getPlans, getReportRuns } from '@yuqing/schemas';
import { canSeeItem, requireRole } from '$lib/server/access.ts';
import { appContext } from '$lib/server/context.ts';
import { REPORT_ROLES } from '../../api/reports/request.ts';
import type { PageServerLoad } from './$types';

const DAY_MS = 86_400_000;
const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** The report form's defaults (yesterday, last week, last month), the plans the user may see, the latest scheduled runs. */
export const load: PageServerLoad = async ({ locals }) => {
  const user = requireRole(locals, ...REPORT_ROLES);
  const { store } = appContext();
  const [tree, plans] = await Promise.all([getDepartments(store), getPlans(store)]);
  const now = Date.now();
  const today = beijingDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const runs = await getReportRuns(store, { limit: 20 });
  return {
    yesterday: beijingDate(now - DAY_MS),
    lastWeek: beijingDate(now - 7 * DAY_MS),
    plans: plans
      .filter((p) => canSeeItem(tree, user, { ownerDepartment: p.departmentId, visibility: p.sharing }))
      .map((p) => ({ id: p.id, name: p.name })),
    lastMonth: beijingDate(Date.parse(`${monthStart}T00:00:00+08:00`) - DAY_MS),
    runs: runs.map((r) => ({
      scheduleId: r.scheduleId,
      periodDate: r.periodDate,
      kind: r.kind,
      state: r.state,
      title: r.title,
      documents: r.documents,
      delivered: r.delivered.length,
      error: r.error,
      finishedAt: r.finishedAt,
    })),
  };
};
