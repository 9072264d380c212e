/** Chinese names of the codes the store uses (the dashboard shows the same ones). */
export const MEDIA_NAMES: Readonly<Record<string, string>> = {
  news: '新闻',
  government: '政务',
  forum: '论坛',
  blog: '博客',
  social: '社交',
  newspaper: '报刊',
  video: '视频',
  other: '其他',
};

export const SENTIMENT_NAMES: Readonly<Record<string, string>> = {
  negative: '负面',
  neutral: '中性',
  positive: '正面',
};

export const TOPIC_STATE_NAMES: Readonly<Record<string, string>> = {
  emerging: '萌发',
  rising: '上升',
  peak: '高峰',
  declining: '回落',
  ended: '平息',
};

export const LETTER_STATE_NAMES: Readonly<Record<string, string>> = {
  received: '已受理',
  assigned: '已交办',
  replying: '办理中',
  replied: '已答复',
  closed: '已办结',
};

export const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export const percent = (part: number, whole: number): string =>
  whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0.0%';

/** `较上期增加 12 条（+30.0%）`, `较上期减少 …`, `与上期持平`. */
export function change(current: number, previous: number, unit = '条'): string {
  const d = current - previous;
  if (d === 0) return '与上期持平';
  const rel = previous > 0 ? `（${d > 0 ? '+' : ''}${((100 * d) / previous).toFixed(1)}%）` : '';
  return `较上期${d > 0 ? '增加' : '减少'} ${Math.abs(d)} ${unit}${rel}`;
}

/** The change for a table cell: `+12（+30%）`, `-3`, `持平`. */
export function changeShort(current: number, previous: number): string {
  const d = current - previous;
  if (d === 0) return '持平';
  const rel = previous > 0 ? `（${d > 0 ? '+' : ''}${Math.round((100 * d) / previous)}%）` : '';
  return `${d > 0 ? '+' : ''}${d}${rel}`;
}
