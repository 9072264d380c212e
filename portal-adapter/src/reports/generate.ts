import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger, Store } from '@yuqing/schemas';
import { ReportBrowser } from './browser.ts';
import { reportCharts } from './charts.ts';
import { collectReportData, type ReportData, type ReportSpec } from './data.ts';
import { renderReportDocx } from './docx.ts';
import { renderReportHtml } from './html.ts';
import { buildReportModel } from './template.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ReportFile {
  format: ReportFormat;
  /** `yuqing-daily-2026-11-20.pdf` */
  name: string;
  contentType: string;
  data: Buffer;
}

export interface GenerateOptions {
  formats: readonly ReportFormat[];
  /** Dashboard origin for the links back to documents. */
  dashboardUrl: string;
  chromiumPath?: string;
  logger?: Logger;
  now?: Date;
}

export interface GeneratedReport {
  title: string;
  data: ReportData;
  files: ReportFile[];
  /** Milliseconds spent reading the store, rendering charts, and in the browser. */
  timings: { query: number; render: number; browser: number };
}

export function reportBaseName(spec: Pick<ReportSpec, 'kind' | 'date'>): string {
  return `yuqing-${spec.kind}-${spec.date}`;
}

/**
 * Reads the figures, renders the charts once, and writes each asked format. Chromium is started
 * only for PDF or DOCX, once per report (it prints the PDF and screenshots the charts to PNG).
 */
export async function generateReport(
  store: Store,
  spec: ReportSpec,
  options: GenerateOptions,
): Promise<GeneratedReport> {
  const formats = [...new Set(options.formats)];
  if (formats.length === 0) throw new Error('no report format asked for');
  const t0 = performance.now();
  const data = await collectReportData(store, spec, options.now);
  const t1 = performance.now();
  const charts = reportCharts(data);
  const model = buildReportModel(data, options.dashboardUrl);
  const html = renderReportHtml(model, charts);
  const t2 = performance.now();
  const base = reportBaseName(spec);
  const files: ReportFile[] = [];
  const file = (format: ReportFormat, bytes: Buffer) =>
    files.push({ format, name: `${base}.${format}`, contentType: CONTENT_TYPES[format], data: bytes });
  if (formats.includes('html')) file('html', Buffer.from(html, 'utf8'));
  let browserMs = 0;
  if (formats.includes('pdf') || formats.includes('docx')) {
    const b0 = performance.now();
    const browser = await ReportBrowser.launch(options.chromiumPath);
    try {
      if (formats.includes('pdf')) file('pdf', await browser.pdf(html));
      if (formats.includes('docx'))
        file('docx', await renderReportDocx(model, charts, await browser.chartPngs(charts)));
    } finally {
      await browser.close();
    }
    browserMs = performance.now() - b0;
  }
  const timings = { query: Math.round(t1 - t0), render: Math.round(t2 - t1), browser: Math.round(browserMs) };
  options.logger?.info(
    { kind: spec.kind, date: spec.date, formats, documents: data.overview.documents, ...timings },
    'report generated',
  );
  files.sort((a, b) => formats.indexOf(a.format) - formats.indexOf(b.format));
  return { title: model.title, data, files, timings };
}

/** Writes the files into `dir` (created when missing) and returns their paths. */
export async function writeReportFiles(dir: string, files: readonly ReportFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const out: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.name);
    await writeFile(target, f.data);
    out.push(target);
  }
  return out;
}
