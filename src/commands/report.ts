import { createLogger, getPlans, loadConfig, migrate, openStore, type Store } from '@yuqing/schemas';
import { type Command, UsageError } from './index.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const reportCommand: Command = {
  summary: 'Generate an opinion report (舆情日报/周报/月报/专报) as HTML, PDF and DOCX.',
  usage:
    '--kind daily|weekly|monthly|special --date YYYY-MM-DD [--plan ID|NAME] [--query "…"] [--subject TEXT] [--days N] [--format html,pdf,docx] [--out DIR]',
  options: {
    kind: {
      type: 'string',
      help: 'daily (one day), weekly (Mon–Sun), monthly, special (needs --plan or --query)',
    },
    date: {
      type: 'string',
      help: 'A Beijing date in the period (the last day of a special report); default yesterday',
    },
    format: { type: 'string', help: 'Comma-separated: html, pdf, docx (default all three)' },
    out: { type: 'string', help: 'Output directory (default ./reports)' },
    query: { type: 'string', help: 'Special report: search expression, as in the dashboard search box' },
    plan: {
      type: 'string',
      help: 'Special report: a monitoring plan (方案), by id or name; its documents only',
    },
    subject: {
      type: 'string',
      help: 'Special report: the subject named in the title (default: plan or query)',
    },
    days: { type: 'string', help: 'Special report: days covered, ending on --date (default 7)' },
    issuer: { type: 'string', help: 'Issuing office printed before the title, e.g. 某市委网信办' },
    'dashboard-url': { type: 'string', help: 'Dashboard address for the links (default http://HOST:PORT)' },
  },
  async run(values) {
    const r = await import('@yuqing/portal-adapter');
    const kind = values.kind;
    if (typeof kind !== 'string' || !(r.REPORT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--kind must be one of ${r.REPORT_KINDS.join(', ')}`);
    const date = typeof values.date === 'string' ? values.date : r.beijingDate(Date.now() - 86_400_000);
    if (!DATE.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
    try {
      r.beijingMidnight(date);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const formats = String(values.format ?? 'html,pdf,docx')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const bad = formats.filter((f) => !(r.REPORT_FORMATS as readonly string[]).includes(f));
    if (formats.length === 0 || bad.length > 0)
      throw new UsageError(
        `--format takes ${r.REPORT_FORMATS.join(', ')} (got ${bad.join(', ') || 'nothing'})`,
      );
    let query: { text: string; compiled: ReturnType<typeof r.compileReportQuery> } | undefined;
    let days: number | undefined;
    if (kind === 'special') {
      const hasQuery = typeof values.query === 'string' && values.query.trim() !== '';
      if (!hasQuery && typeof values.plan !== 'string')
        throw new UsageError('a special report needs --plan or --query (e.g. --query "暴雨 OR 内涝")');
      if (hasQuery) {
        const { segment } = await import('@yuqing/analyzer');
        const text = String(values.query).trim();
        try {
          query = { text, compiled: r.compileReportQuery(text, segment) };
        } catch (error) {
          throw new UsageError(`--query: ${(error as Error).message}`);
        }
      }
      days = values.days === undefined ? 7 : Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError('--days must be 1 to 366');
    } else if ([values.query, values.plan, values.days, values.subject].some((v) => v !== undefined)) {
      throw new UsageError('--query, --plan, --subject and --days are for --kind special');
    }
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const dashboardUrl =
      typeof values['dashboard-url'] === 'string'
        ? values['dashboard-url']
        : `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
    if (!/^https?:\/\//.test(dashboardUrl))
      throw new UsageError('--dashboard-url must start with http:// or https://');
    const out = typeof values.out === 'string' ? values.out : 'reports';
    const store = await openStore(config, logger);
    try {
      await migrate(store, logger);
      const plan = typeof values.plan === 'string' ? await findPlan(store, values.plan) : undefined;
      const report = await r.generateReport(
        store,
        {
          kind: kind as (typeof r.REPORT_KINDS)[number],
          date,
          days,
          query,
          plan,
          subject: typeof values.subject === 'string' ? values.subject : undefined,
          issuer: typeof values.issuer === 'string' ? values.issuer : undefined,
        },
        { formats: formats as (typeof r.REPORT_FORMATS)[number][], dashboardUrl, logger },
      );
      const paths = await r.writeReportFiles(out, report.files);
      const { query: q, render, browser } = report.timings;
      console.log(
        `${report.title}（${report.data.period.label}）: ${report.data.overview.documents} documents; ` +
          `queries ${q} ms, charts ${render} ms, browser ${browser} ms`,
      );
      for (const p of paths) console.log(p);
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** A plan by id, else by name; a clear error listing the plans when there is none. */
async function findPlan(store: Store, key: string): Promise<{ id: string; name: string }> {
  const plans = await getPlans(store);
  const plan = plans.find((p) => p.id === key) ?? plans.find((p) => p.name === key);
  if (plan) return { id: plan.id, name: plan.name };
  const known = plans.map((p) => `${p.id} (${p.name})`).join(', ');
  throw new UsageError(
    `--plan: no plan with id or name "${key}"${known ? `; plans: ${known}` : '; no plan is defined yet'}`,
  );
}
