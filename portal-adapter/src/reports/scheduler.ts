import { getAlertChannels, getReportRuns, type Logger, type Store } from '@yuqing/schemas';
import { deliverReport } from './deliver.ts';
import { generateReport, writeReportFiles } from './generate.ts';
import { percent } from './labels.ts';
import { DEFAULT_REPORT_SCHEDULES, dueReports, type ReportSchedule } from './schedule.ts';

export interface ScheduledReportOptions {
  now?: Date;
  schedules?: readonly ReportSchedule[];
  dashboardUrl: string;
  /** Where the files are kept (`<data dir>/reports`). */
  outDir: string;
  logger: Logger;
  chromiumPath?: string;
}

interface RunRow {
  schedule_id: string;
  period_date: string;
  kind: string;
  state: 'generated' | 'delivered' | 'failed';
  title: string;
  files: string[];
  documents: number;
  delivered: string[];
  error: string;
  started_at: number;
  finished_at: number;
  version: number;
}

/**
 * One scheduler tick: makes and delivers every report that is due, recording each run in
 * `report_runs` (0009_reports) so the next tick, or a restarted platform, does not repeat it. A
 * failing report is recorded as failed and not retried until its next period; the other
 * schedules go on.
 */
export async function runScheduledReports(store: Store, options: ScheduledReportOptions): Promise<RunRow[]> {
  const now = options.now ?? new Date();
  const log = options.logger.child({ component: 'reports' });
  const last = new Map(
    (await getReportRuns(store, { limit: 1000, latestPerSchedule: true })).map((r) => [
      r.scheduleId,
      r.periodDate,
    ]),
  );
  const done: RunRow[] = [];
  for (const { schedule, date } of dueReports(now, last, options.schedules ?? DEFAULT_REPORT_SCHEDULES)) {
    const started = Date.now();
    const row: RunRow = {
      schedule_id: schedule.id,
      period_date: date,
      kind: schedule.kind,
      state: 'failed',
      title: '',
      files: [],
      documents: 0,
      delivered: [],
      error: '',
      started_at: started,
      finished_at: started,
      version: started,
    };
    try {
      const report = await generateReport(
        store,
        { kind: schedule.kind, date, issuer: schedule.issuer },
        {
          formats: schedule.formats,
          dashboardUrl: options.dashboardUrl,
          logger: log,
          now,
          chromiumPath: options.chromiumPath,
        },
      );
      row.title = report.title;
      row.documents = report.data.overview.documents;
      row.files = await writeReportFiles(options.outDir, report.files);
      row.state = 'generated';
      if (schedule.channelIds.length > 0) {
        const channels = await getAlertChannels(store, { ids: schedule.channelIds });
        const o = report.data.overview;
        const results = await deliverReport(
          channels,
          {
            deliveryId: `report-${schedule.id}-${date}`,
            title: report.title,
            kind: schedule.kind,
            date,
            periodLabel: report.data.period.label,
            summary: `${report.data.period.label}共监测到信息 ${o.documents} 条，负面 ${o.negative} 条（${percent(o.negative, o.documents)}），敏感 ${o.sensitive} 条。`,
            files: report.files,
          },
          log,
          now,
        );
        row.delivered = results.filter((r) => r.ok).map((r) => r.channelId);
        const failed = results.filter((r) => !r.ok);
        if (failed.length > 0) row.error = failed.map((f) => `${f.channelId}: ${f.error}`).join('; ');
        if (row.delivered.length > 0) row.state = 'delivered';
      }
    } catch (error) {
      row.error = (error as Error).message;
      log.error({ err: error, schedule: schedule.id, date }, 'scheduled report failed');
    }
    row.finished_at = Date.now();
    row.version = row.finished_at;
    await store.insert('report_runs', [row]);
    done.push(row);
  }
  return done;
}
