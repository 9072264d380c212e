/** Chinese names of topic life-cycle states, and a sentiment mix as percentages. */

export const TOPIC_STATE_NAMES: Readonly<Record<string, string>> = {
  emerging: '萌芽',
  rising: '上升',
  peak: '高峰',
  declining: '回落',
  ended: '结束',
};

export function sentimentShares(s: { negative: number; neutral: number; positive: number }) {
  const total = s.negative + s.neutral + s.positive;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  return { negative: pct(s.negative), neutral: pct(s.neutral), positive: pct(s.positive), total };
}
