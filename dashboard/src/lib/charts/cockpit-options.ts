import { LEVEL_COLORS, LEVEL_NAMES } from '../components/alert-labels.ts';
import { emptyTitle } from './empty-title.ts';

/** ECharts options of the cockpit's index and alert panels (pure, so they can be tested). */

type Option = Record<string, unknown>;
const LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;

/** The period's opinion index on a 0–100 gauge, the needle in the colour of its level. */
export function indexGaugeOption(score: number | null, level: string): Option {
  const color = LEVEL_COLORS[level] ?? '#8c8c8c';
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 12, itemStyle: { color } },
        axisLine: { lineStyle: { width: 12, color: [[1, '#eef0f2']] } },
        axisTick: { show: false },
        splitLine: { length: 8, lineStyle: { color: '#c9cdd4' } },
        axisLabel: { distance: 16, color: '#646a73', fontSize: 10 },
        pointer: { width: 4, itemStyle: { color } },
        anchor: { show: true, size: 10, itemStyle: { color } },
        title: { offsetCenter: [0, '70%'], fontSize: 13, color: '#646a73' },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '38%'],
          fontSize: 26,
          fontWeight: 600,
          color,
          formatter: score === null ? '—' : '{value}',
        },
        data: [
          {
            value: score === null ? 0 : Math.round(score),
            name: level ? `${LEVEL_NAMES[level]}预警` : '无预警',
          },
        ],
      },
    ],
  };
}

/** Alerts of the period by level: all and still open, in the level colours. */
export function alertLevelsOption(
  byLevel: Record<string, number>,
  openByLevel: Record<string, number>,
): Option {
  const names = LEVELS.map((l) => LEVEL_NAMES[l] ?? l);
  const total = LEVELS.reduce((n, l) => n + (byLevel[l] ?? 0), 0);
  const option: Option = {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['全部', '未解决'] },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f2' } } },
    series: [
      {
        name: '全部',
        type: 'bar',
        barMaxWidth: 28,
        data: LEVELS.map((l) => ({ value: byLevel[l] ?? 0, itemStyle: { color: LEVEL_COLORS[l] } })),
      },
      {
        name: '未解决',
        type: 'bar',
        barMaxWidth: 28,
        data: LEVELS.map((l) => ({
          value: openByLevel[l] ?? 0,
          itemStyle: { color: LEVEL_COLORS[l], opacity: 0.45 },
        })),
      },
    ],
  };
  if (total === 0) {
    option.title = emptyTitle('暂无预警');
  }
  return option;
}

/** Hot topics as horizontal bars of their index, highest on top, each in its level's colour. */
export function topicIndexOption(
  topics: ReadonlyArray<{ id: string; label: string; score: number; level: string; volume: number }>,
): Option {
  const rows = [...topics].reverse();
  const option: Option = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f2' } } },
    yAxis: {
      type: 'category',
      data: rows.map((t) => (t.label.length > 14 ? `${t.label.slice(0, 14)}…` : t.label)),
      axisLabel: { color: '#333' },
    },
    series: [
      {
        name: '舆情指数',
        type: 'bar',
        barMaxWidth: 16,
        label: { show: true, position: 'right', formatter: '{c}' },
        data: rows.map((t) => ({
          value: Math.round(t.score),
          id: t.id,
          itemStyle: { color: LEVEL_COLORS[t.level] ?? '#8c8c8c' },
        })),
      },
    ],
  };
  if (topics.length === 0) {
    option.title = emptyTitle('暂无话题');
  }
  return option;
}
