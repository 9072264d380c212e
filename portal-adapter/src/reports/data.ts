import { getGazetteer } from '@yuqing/analyzer';
import {
  type EventRecord,
  getEvents,
  getReportBreakdown,
  getReportDocuments,
  getReportMailbox,
  getReportOverview,
  getReportTopics,
  getReportTrend,
  REPORT_SENSITIVE_SCORE,
  type ReportBreakdownItem,
  type ReportDocument,
  type ReportMailbox,
  type ReportOverview,
  type ReportScope,
  type ReportTopic,
  type ReportTrendPoint,
  type Store,
} from '@yuqing/schemas';
import { MEDIA_NAMES } from './labels.ts';
import { type ReportKind, type ReportPeriod, reportPeriod } from './period.ts';
import type { CompiledQuery } from './query.ts';

/** What to report on. */
export interface ReportSpec {
  kind: ReportKind;
  /** `YYYY-MM-DD` (Beijing): a day of the period, the last day for a special report. */
  date: string;
  /** Special reports: days covered (default 7) and the subject. */
  days?: number;
  subject?: string;
  /** Special reports: a monitoring plan (方案); its documents are those the analyzer tagged. */
  plan?: { id: string; name: string };
  /** Special reports: the search query text and its compiled tokens. */
  query?: { text: string; compiled: CompiledQuery };
  /** Issuing office shown before the title. */
  issuer?: string;
  /** Mailbox statistics count only letters owned by these departments (all when absent). */
  departments?: readonly string[];
}

export interface NamedItem extends ReportBreakdownItem {
  /** What to show: a Chinese name for codes (provinces, media types), the key otherwise. */
  name: string;
}

/** Every figure of a report, read from the store once; templates only format it. */
export interface ReportData {
  spec: ReportSpec;
  period: ReportPeriod;
  generatedAt: string;
  overview: ReportOverview;
  trend: ReportTrendPoint[];
  mediaTypes: NamedItem[];
  categories: NamedItem[];
  sources: NamedItem[];
  provinces: NamedItem[];
  cities: NamedItem[];
  sensitivityCategories: NamedItem[];
  persons: NamedItem[];
  orgs: NamedItem[];
  topics: ReportTopic[];
  /** Events (事件) active in the period; for a special report, those of its topics. */
  events: EventRecord[];
  sensitiveDocuments: ReportDocument[];
  negativeDocuments: ReportDocument[];
  mailbox: ReportMailbox;
}

export function reportScope(spec: ReportSpec, period: ReportPeriod): ReportScope {
  return {
    all: spec.query?.compiled.all ?? [],
    none: spec.query?.compiled.none ?? [],
    from: period.from,
    to: period.to,
    planId: spec.plan?.id,
  };
}

/** Every bucket of the period, zero where nothing was published, so the chart's axis is whole. */
export function fillTrend(points: readonly ReportTrendPoint[], period: ReportPeriod): ReportTrendPoint[] {
  const step = period.bucket === 'hour' ? 3_600_000 : 86_400_000;
  const byTime = new Map(points.map((p) => [Date.parse(p.time), p]));
  const out: ReportTrendPoint[] = [];
  for (let t = Date.parse(period.from); t < Date.parse(period.to); t += step) {
    out.push(byTime.get(t) ?? { time: new Date(t).toISOString(), documents: 0, negative: 0, sensitive: 0 });
  }
  return out;
}

/** Reads every figure of the report; the queries run one after another (chDB has one thread). */
export async function collectReportData(
  store: Store,
  spec: ReportSpec,
  now = new Date(),
): Promise<ReportData> {
  const period = reportPeriod(spec.kind, spec.date, spec.days);
  const scope = reportScope(spec, period);
  const prev = period.previousFrom;
  const regionName = (code: string) => getGazetteer().divisions.get(code)?.name ?? code;
  const breakdown = async (
    dimension: Parameters<typeof getReportBreakdown>[2],
    limit: number,
    name: (key: string) => string = (k) => k,
  ): Promise<NamedItem[]> =>
    (await getReportBreakdown(store, scope, dimension, limit, prev)).map((i) => ({
      ...i,
      name: name(i.key),
    }));
  const topics = await getReportTopics(store, scope, prev, 10);
  const special = spec.kind === 'special';
  const topicIds = new Set(topics.map((t) => t.id));
  const events = (await getEvents(store, { since: Date.parse(period.from), orderBy: 'index', limit: 50 }))
    .filter((e) => e.firstReport.time < Date.parse(period.to))
    .filter((e) => !special || e.topicIds.some((id) => topicIds.has(id)))
    .slice(0, 10);
  return {
    spec,
    period,
    generatedAt: now.toISOString(),
    overview: await getReportOverview(store, scope, prev),
    trend: fillTrend(await getReportTrend(store, scope, period.bucket), period),
    mediaTypes: await breakdown('media_type', 10, (k) => MEDIA_NAMES[k] ?? k),
    categories: await breakdown('category', 10),
    sources: await breakdown('source', 10),
    provinces: await breakdown('province', 10, regionName),
    cities: await breakdown('city', 10, regionName),
    sensitivityCategories: await breakdown('sensitivity_category', 10),
    persons: await breakdown('person', 10),
    orgs: await breakdown('org', 10),
    topics,
    events,
    sensitiveDocuments: await getReportDocuments(
      store,
      { ...scope, minSensitivity: REPORT_SENSITIVE_SCORE },
      10,
    ),
    negativeDocuments: await getReportDocuments(store, { ...scope, sentiments: ['negative'] }, 10),
    mailbox: await getReportMailbox(store, period.from, period.to, now.toISOString(), spec.departments),
  };
}
