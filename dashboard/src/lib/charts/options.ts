import { MEDIA_NAMES, SENTIMENT_COLORS, SENTIMENT_NAMES } from '../labels.ts';
import { PROVINCES } from '../regions.ts';
import { fillBuckets, formatBucket } from '../time.ts';

/** ECharts options for the cockpit panels, built from API data (pure, so they can be tested). */

type Option = Record<string, unknown>;
const AXIS = { axisLine: { lineStyle: { color: '#c9cdd4' } }, axisLabel: { color: '#646a73' } };
const PALETTE = [
  '#b3261e',
  '#fa8c16',
  '#fadb14',
  '#52c41a',
  '#13c2c2',
  '#1677ff',
  '#722ed1',
  '#eb2f96',
  '#8c8c8c',
];

/** A centred 暂无数据 when a chart has nothing to draw: never invented figures. */
function empty(option: Option, isEmpty: boolean): Option {
  return isEmpty
    ? {
        ...option,
        title: {
          text: '暂无数据',
          left: 'center',
          top: 'middle',
          textStyle: { color: '#a0a4ab', fontSize: 14, fontWeight: 'normal' },
        },
      }
    : option;
}

export interface TrendPoint {
  time: string;
  negative: number;
  neutral: number;
  positive: number;
  documents: number;
}

function filled(points: readonly TrendPoint[], from: string, to: string, bucket: 'hour' | 'day') {
  const byTime = new Map(points.map((p) => [Date.parse(p.time), p]));
  return fillBuckets(
    points.map((p) => ({ time: p.time, documents: p.documents })),
    from,
    to,
    bucket,
  ).map(
    (b) =>
      byTime.get(Date.parse(b.time)) ?? { time: b.time, negative: 0, neutral: 0, positive: 0, documents: 0 },
  );
}

export function volumeOption(
  points: readonly TrendPoint[],
  from: string,
  to: string,
  bucket: 'hour' | 'day',
): Option {
  const series = filled(points, from, to, bucket);
  return {
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: series.map((p) => formatBucket(p.time, bucket)),
      ...AXIS,
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f2' } }, ...AXIS },
    series: [
      {
        name: '信息量',
        type: 'line',
        symbolSize: 6,
        data: series.map((p) => p.documents),
        itemStyle: { color: '#b3261e' },
        areaStyle: { color: 'rgba(179, 38, 30, 0.12)' },
      },
    ],
  };
}

export function sentimentOption(
  points: readonly TrendPoint[],
  from: string,
  to: string,
  bucket: 'hour' | 'day',
): Option {
  const series = filled(points, from, to, bucket);
  const kinds = ['negative', 'neutral', 'positive'] as const;
  return {
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: kinds.map((k) => SENTIMENT_NAMES[k]) },
    xAxis: { type: 'category', data: series.map((p) => formatBucket(p.time, bucket)), ...AXIS },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f2' } }, ...AXIS },
    series: kinds.map((k) => ({
      name: SENTIMENT_NAMES[k],
      type: 'bar',
      stack: 'sentiment',
      data: series.map((p) => p[k]),
      itemStyle: { color: SENTIMENT_COLORS[k] },
    })),
  };
}

export interface Slice {
  key: string;
  documents: number;
}

export function pieOption(
  items: readonly Slice[],
  names: Readonly<Record<string, string>>,
  unknown: string,
): Option {
  const data = items.map((i) => ({ name: i.key ? (names[i.key] ?? i.key) : unknown, value: i.documents }));
  return empty(
    {
      color: PALETTE,
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          center: ['38%', '50%'],
          label: { formatter: '{b} {d}%' },
          data,
        },
      ],
    },
    data.length === 0,
  );
}

export const mediaPieOption = (items: readonly Slice[]) => pieOption(items, MEDIA_NAMES, '其他');
export const categoryPieOption = (items: readonly Slice[]) => pieOption(items, {}, '未分类');

/** Province totals on the shipped China map; codes `440000` become the map's short names. */
export function mapOption(items: readonly Slice[]): Option {
  const names = new Map(PROVINCES.map((p) => [p.code, p.name]));
  const data = items
    .filter((i) => names.has(i.key))
    .map((i) => ({ name: names.get(i.key) as string, value: i.documents, code: i.key }));
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    tooltip: { trigger: 'item' },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      text: ['多', '少'],
      calculable: true,
      inRange: { color: ['#fff1f0', '#ffa39e', '#f5222d', '#a8071a'] },
    },
    series: [
      {
        name: '信息量',
        type: 'map',
        map: 'china',
        roam: false,
        layoutCenter: ['50%', '55%'],
        layoutSize: '110%',
        itemStyle: { areaColor: '#f5f5f5', borderColor: '#bfbfbf' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
        data,
      },
    ],
  };
}

export interface Ranked {
  name: string;
  documents: number;
  negative: number;
}

/** Horizontal bars, largest on top (regional ranking, top keywords). */
export function rankingOption(items: readonly Ranked[], showNegative: boolean): Option {
  const rows = [...items].reverse();
  const series: Option[] = [
    {
      name: '信息量',
      type: 'bar',
      data: rows.map((r) => r.documents),
      itemStyle: { color: '#b3261e' },
      barMaxWidth: 16,
    },
  ];
  if (showNegative) {
    series.push({
      name: '负面',
      type: 'bar',
      data: rows.map((r) => r.negative),
      itemStyle: { color: '#fa8c16' },
      barMaxWidth: 16,
    });
  }
  return empty(
    {
      grid: { left: 8, right: 24, top: showNegative ? 28 : 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: showNegative ? { top: 0 } : undefined,
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f2' } }, ...AXIS },
      yAxis: { type: 'category', data: rows.map((r) => r.name), ...AXIS },
      series,
    },
    items.length === 0,
  );
}
