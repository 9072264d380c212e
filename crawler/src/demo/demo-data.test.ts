import { describe, expect, it } from 'vitest';
import { loadDemoItems, shiftToRecent } from './demo-data.ts';

describe('demo data', () => {
  const items = loadDemoItems();
  const now = new Date('2026-11-20T12:00:00Z');
  const articles = shiftToRecent(items, now);

  it('holds about 300 real items with unique ids', () => {
    expect(items.length).toBeGreaterThanOrEqual(290);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => i.title.length <= 30 && !/\[[^\]]{1,8}\]/.test(i.body))).toBe(true);
  });

  it('moves the newest item to an hour ago and the rest into the last 14 days, in order', () => {
    expect(articles[0]?.publishedAt).toBe('2026-11-20T11:00:00.000Z');
    const oldest = Date.parse(articles.at(-1)?.publishedAt ?? '');
    expect(now.getTime() - oldest).toBeLessThanOrEqual(14 * 86_400_000);
    expect(now.getTime() - oldest).toBeGreaterThan(13 * 86_400_000);
    const originalOrder = [...items]
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
      .map((i) => i.id);
    // Minute rounding may tie two items; ties keep id order, so compare by time only.
    const times = articles.map((a) => Date.parse(a.publishedAt));
    expect(times.every((t, i) => i === 0 || t <= (times[i - 1] as number))).toBe(true);
    expect(articles[0]?.id).toBe(originalOrder[0]);
  });
});
