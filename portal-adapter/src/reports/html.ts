import type { Chart } from './charts.ts';
import { CN_NUMBERS } from './labels.ts';
import type { Block, Cell, ReportModel, Run } from './model.ts';

/**
 * The report as one self-contained HTML page: charts are inline SVG from ECharts, styles are
 * inline, every text is escaped (titles come from crawled pages: never rendered as HTML), and
 * links point only at http(s) URLs.
 */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const safeHref = (href: string): string | null => (/^https?:\/\//i.test(href) ? href : null);

function run(r: Run): string {
  let inner = escapeHtml(r.text);
  if (r.bold) inner = `<strong>${inner}</strong>`;
  const href = r.href ? safeHref(r.href) : null;
  return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
}

/** Numbers, dates and labels stay on one line; titles wrap. */
const short = (c: Cell): boolean => (typeof c === 'string' ? c : c.text).length <= 10;
const cell = (c: Cell): string => (typeof c === 'string' ? escapeHtml(c) : run(c));

function block(b: Block, charts: ReadonlyMap<string, Chart>, sub: { n: number }): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${b.runs.map(run).join('')}</p>`;
    case 'heading':
      return `<h3>（${CN_NUMBERS[sub.n++]}）${escapeHtml(b.text)}</h3>`;
    case 'figures':
      return `<div class="figures">${b.items
        .map(
          (f) =>
            `<div class="figure"><div class="label">${escapeHtml(f.label)}</div><div class="value">${run({
              text: f.value,
              href: f.href,
            })}</div>${f.note ? `<div class="note">${escapeHtml(f.note)}</div>` : ''}</div>`,
        )
        .join('')}</div>`;
    case 'table':
      return `<table><thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map(
          (r) => `<tr>${r.map((c) => `<td${short(c) ? ' class="nw"' : ''}>${cell(c)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'chart': {
      const chart = charts.get(b.chartId);
      if (!chart) return '';
      return `<figure class="chart" data-chart="${escapeHtml(chart.id)}">${chart.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
  }
}

const CSS = `
@page { size: A4; margin: 25mm 22mm 22mm 24mm; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 15pt; line-height: 1.7; color: #111; max-width: 820px; margin: 24px auto; padding: 0 16px; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; color: #c00; margin: 0.4em 0 0.2em; }
.subtitle { text-align: center; text-indent: 0; font-size: 15pt; margin: 0; }
.meta { text-align: center; text-indent: 0; font-size: 11pt; color: #555; border-bottom: 2px solid #c00; padding-bottom: 8px; margin-bottom: 16px; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; margin: 1.2em 0 0.4em; }
h3 { font-family: "KaiTi", "楷体_GB2312", "楷体", "Noto Serif CJK SC", serif; font-size: 15pt; margin: 0.8em 0 0.3em; }
p { text-indent: 2em; margin: 0.3em 0; }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; line-height: 1.45; margin: 0.4em 0 0.8em; page-break-inside: auto; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; white-space: nowrap; }
td.nw { white-space: nowrap; }
tr { page-break-inside: avoid; }
.figures { display: flex; gap: 10px; margin: 0.6em 0; }
.figure { flex: 1; border: 1px solid #ccc; padding: 6px 10px; text-align: center; }
.figure .label { font-size: 11pt; color: #555; }
.figure .value { font-size: 20pt; font-weight: bold; }
.figure .note { font-size: 10pt; color: #555; }
figure.chart { margin: 0.6em 0; text-align: center; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 11pt; color: #333; }
`;

export function renderReportHtml(model: ReportModel, charts: readonly Chart[]): string {
  const byId = new Map(charts.map((c) => [c.id, c]));
  const sections = model.sections
    .map((s, n) => {
      const sub = { n: 0 };
      return `<section><h2>${CN_NUMBERS[n]}、${escapeHtml(s.title)}</h2>${s.blocks.map((b) => block(b, byId, sub)).join('\n')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${model.title}（${model.subtitle}）`)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
<p class="meta">${escapeHtml(model.meta)}</p>
${sections}
</body>
</html>
`;
}
