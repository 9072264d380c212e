export { DEFAULT_CHROMIUM, ReportBrowser } from './browser.ts';
export { type Chart, reportCharts } from './charts.ts';
export { collectReportData, type NamedItem, type ReportData, type ReportSpec, reportScope } from './data.ts';
export { type DeliveryResult, deliverReport, type ReportDelivery, reportWebhookBody } from './deliver.ts';
export { renderReportDocx } from './docx.ts';
export {
  CONTENT_TYPES,
  type GeneratedReport,
  type GenerateOptions,
  generateReport,
  REPORT_FORMATS,
  type ReportFile,
  type ReportFormat,
  reportBaseName,
  writeReportFiles,
} from './generate.ts';
export { renderReportHtml } from './html.ts';
export { documentLink, type LinkBase, type SearchLinkFilter, searchLink } from './links.ts';
export {
  beijingDate,
  beijingMidnight,
  KIND_NAMES,
  PeriodError,
  REPORT_KINDS,
  type ReportKind,
  type ReportPeriod,
  reportPeriod,
} from './period.ts';
export { type CompiledQuery, compileReportQuery, ReportQueryError } from './query.ts';
export { type Recommendation, RULES as RECOMMENDATION_RULES, recommendations } from './recommend.ts';
export {
  DEFAULT_REPORT_SCHEDULES,
  type DueReport,
  dueReports,
  lastTrigger,
  type ReportSchedule,
  ReportScheduleSchema,
} from './schedule.ts';
export { runScheduledReports, type ScheduledReportOptions } from './scheduler.ts';
export { buildReportModel, reportTitle } from './template.ts';
