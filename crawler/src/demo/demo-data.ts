import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One line of `fixtures/demo-news.jsonl` (real Weibo text, see fixtures/SOURCE.md). */
export const DemoItemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9]+$/),
  title: z.string().min(1),
  body: z.string().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  author: z.string().optional(),
  region: z.string().optional(),
});
export type DemoItem = z.infer<typeof DemoItemSchema>;

/** An item as the demo site serves it: time shifted to recent days, newest first. */
export interface DemoArticle {
  id: string;
  title: string;
  /** Paragraphs separated by `\n`. */
  body: string;
  /** ISO 8601 in UTC, whole minutes (the page shows minutes only). */
  publishedAt: string;
  author: string;
  source: string;
  region: string;
}

export const DEMO_FIXTURE = new URL('../../fixtures/demo-news.jsonl', import.meta.url);

const HOUR = 3_600_000;
const WINDOW = 14 * 24 * HOUR;

export function loadDemoItems(file: URL | string = DEMO_FIXTURE): DemoItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = DemoItemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`demo fixture line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * Moves the items into the last 14 days before `now`: the newest lands one hour ago, the others keep
 * their relative spacing, compressed, so a trend chart over the demo data looks alive.
 */
export function shiftToRecent(items: readonly DemoItem[], now: Date): DemoArticle[] {
  if (items.length === 0) return [];
  const times = items.map((item) => Date.parse(item.publishedAt));
  const newest = Math.max(...times);
  const oldest = Math.min(...times);
  const scale = newest === oldest ? 1 : Math.min(1, (WINDOW - HOUR) / (newest - oldest));
  const anchor = now.getTime() - HOUR;
  return items
    .map((item, i) => {
      const shifted = anchor - (newest - (times[i] as number)) * scale;
      return {
        id: item.id,
        title: item.title,
        body: item.body,
        publishedAt: new Date(Math.floor(shifted / 60_000) * 60_000).toISOString(),
        author: item.author ?? (item.region ? `${item.region.split(' ')[0]}网友` : '网友'),
        source: '微博网友投稿',
        region: item.region ?? '',
      };
    })
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
}
