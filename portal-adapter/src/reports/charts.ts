import * as echarts from 'echarts';
import type { ReportData } from './data.ts';
import { SENTIMENT_NAMES } from './labels.ts';

/**
 * The report's charts, rendered by ECharts on the server as SVG strings (no browser, no DOM):
 * inline in the HTML, printed into the PDF, screenshotted to PNG for the DOCX.
 */
export interface Chart {
  id: string;
  title: string;
  svg: string;
  width: number;
  height: number;
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const COLORS = ['#1d4ed8', '#d4380d', '#d48806', '#389e0d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];
const SENTIMENT_COLORS: Record<string, string> = {
  negative: '#d4380d',
  neutral: '#8c8c8c',
  positive: '#389e0d',
};

function render(
  id: string,
  title: string,
  option: echarts.EChartsCoreOption,
  width = 680,
  height = 300,
): Chart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: COLORS,
      textStyle: { fontFamily: FONT },
      backgroundColor: '#ffffff',
      ...option,
    });
    return { id, title, svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

const empty = {
  graphic: [
    {
      type: 'text',
      left: 'center',
      top: 'middle',
      style: { text: '本期暂无数据', fontSize: 16, fill: '#8c8c8c' },
    },
  ],
};

const beijing = (iso: string, bucket: 'hour' | 'day'): string => {
  const s = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return bucket === 'hour' ? `${s.slice(11, 13)}时` : s.slice(5, 10);
};

function barChart(
  id: string,
  title: string,
  items: ReadonlyArray<{ name: string; documents: number; negative: number }>,
): Chart {
  if (items.length === 0) return render(id, title, empty);
  const names = items.map((i) => i.name).reverse();
  return render(
    id,
    title,
    {
      grid: { left: 110, right: 40, top: 36, bottom: 24 },
      legend: { top: 4, data: ['信息量', '负面'] },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, axisLabel: { width: 96, overflow: 'truncate' } },
      series: [
        {
          name: '信息量',
          type: 'bar',
          barMaxWidth: 16,
          data: items.map((i) => i.documents).reverse(),
          label: { show: true, position: 'right' },
        },
        {
          name: '负面',
          type: 'bar',
          barMaxWidth: 16,
          data: items.map((i) => i.negative).reverse(),
          color: SENTIMENT_COLORS.negative,
        },
      ],
    },
    680,
    Math.max(220, 60 + items.length * 32),
  );
}

export function reportCharts(d: ReportData): Chart[] {
  const bucket = d.period.bucket;
  const trend =
    d.trend.length === 0
      ? render('trend', '信息量走势', empty)
      : render('trend', '信息量走势', {
          grid: { left: 48, right: 24, top: 40, bottom: 32 },
          legend: { top: 4, data: ['信息量', '负面', '敏感'] },
          xAxis: { type: 'category', data: d.trend.map((p) => beijing(p.time, bucket)), boundaryGap: false },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            {
              name: '信息量',
              type: 'line',
              data: d.trend.map((p) => p.documents),
              areaStyle: { opacity: 0.12 },
            },
            {
              name: '负面',
              type: 'line',
              data: d.trend.map((p) => p.negative),
              color: SENTIMENT_COLORS.negative,
            },
            { name: '敏感', type: 'line', data: d.trend.map((p) => p.sensitive), color: '#d48806' },
          ],
        });
  const o = d.overview;
  const sentimentData = (['negative', 'neutral', 'positive'] as const)
    .map((k) => ({ name: SENTIMENT_NAMES[k], value: o[k], itemStyle: { color: SENTIMENT_COLORS[k] } }))
    .filter((s) => s.value > 0);
  const sentiment =
    sentimentData.length === 0
      ? render('sentiment', '情感分布', empty, 680, 280)
      : render(
          'sentiment',
          '情感分布',
          {
            legend: { bottom: 4 },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                data: sentimentData,
                label: { formatter: '{b} {c}（{d}%）' },
              },
            ],
          },
          680,
          280,
        );
  return [
    trend,
    sentiment,
    barChart('media', '媒体类型分布', d.mediaTypes),
    barChart('regions', '地域分布（省级）', d.provinces),
    barChart('sensitivity', '敏感类别分布', d.sensitivityCategories),
  ];
}
