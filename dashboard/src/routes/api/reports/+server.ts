import { getDepartments, getPlans, writeAudit } from '@yuqing/schemas';
import { canSeeItem, departmentScope, requireRole } from '$lib/server/access.ts';
import { analyzer } from '$lib/server/analyzer.ts';
import { apiError, apiHandler, badRequest, queryParams } from '$lib/server/api.ts';
import { appContext, logger } from '$lib/server/context.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';
import { REPORT_ROLES, ReportQuerySchema } from './request.ts';

/**
 * The portal adapter, loaded on first use: TypeScript the platform process (tsx) holds, never
 * imported by the build's analysis of the server code (see $lib/server/analyzer.ts).
 */
const portalAdapter = () => import('@yuqing/portal-adapter');

/** One report at a time: a PDF or DOCX starts Chromium, and the machine is shared with the platform. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * `GET /api/reports?kind=daily|weekly|monthly|special&date=YYYY-MM-DD&format=html|pdf|docx`
 * (`q` and/or `plan`, `subject`, `days` for a special report): the report made now from the store. Audited as
 * an export; mailbox figures count only the letters of the user's departments.
 */
export const GET: RequestHandler = apiHandler('reports.generate', async (event) => {
  const user = requireRole(event.locals, ...REPORT_ROLES);
  const parsed = ReportQuerySchema.safeParse(queryParams(event.url));
  if (!parsed.success) return badRequest(parsed.error);
  const r = parsed.data;
  const adapter = await portalAdapter();
  let query: { text: string; compiled: ReturnType<typeof adapter.compileReportQuery> } | undefined;
  if (r.kind === 'special' && r.q) {
    try {
      query = { text: r.q, compiled: adapter.compileReportQuery(r.q, (await analyzer()).segment) };
    } catch (error) {
      if (!(error instanceof adapter.ReportQueryError)) throw error;
      return apiError(400, 'bad_request', `检索式无效：${error.message}`, 'q');
    }
  }
  const { store } = appContext();
  const tree = await getDepartments(store);
  const departments = user.roles.includes('admin') ? undefined : [...departmentScope(tree, user)];
  let plan: { id: string; name: string } | undefined;
  if (r.kind === 'special' && r.plan) {
    const [found] = await getPlans(store, { ids: [r.plan] });
    // A plan the user may not see answers like a missing one.
    if (!found || !canSeeItem(tree, user, { ownerDepartment: found.departmentId, visibility: found.sharing }))
      return apiError(404, 'not_found', '没有这个方案', 'plan');
    plan = { id: found.id, name: found.name };
  }
  await writeAudit(store, {
    actorId: user.id,
    action: 'report.generate',
    target: `${r.kind}:${r.date}:${r.format}`,
    detail: JSON.stringify({ q: r.q, plan: r.plan, days: r.days }),
    ip: clientAddress(event),
  });
  const report = await serially(() =>
    adapter.generateReport(
      store,
      { kind: r.kind, date: r.date, days: r.days, query, plan, subject: r.subject, departments },
      { formats: [r.format], dashboardUrl: event.url.origin, logger: logger() },
    ),
  );
  const file = report.files[0];
  if (!file) return apiError(500, 'internal', '报告生成失败');
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Disposition': `${r.format === 'html' ? 'inline' : 'attachment'}; filename="${file.name}"`,
    'Cache-Control': 'no-store',
  };
  // The HTML report is self-contained: inline styles and SVG, nothing else may load or run.
  if (r.format === 'html')
    headers['Content-Security-Policy'] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
  return new Response(new Uint8Array(file.data), { headers });
});
