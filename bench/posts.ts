import { readFileSync } from 'node:fs';
import type { TextInput } from '@yuqing/analyzer';

const FIXTURE = new URL('../crawler/fixtures/demo-news.jsonl', import.meta.url);

/**
 * `count` 200-character posts of real Weibo text (the demo fixture's bodies joined, so short ones
 * run on into the next, like a typical Weibo post): post i starts at character i × step × 197.
 * The analyzer benches and scripts all time these.
 */
export function postTexts(count: number, step = 1): string[] {
  const text = readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body)
    .join('');
  return Array.from({ length: count }, (_, i) => {
    const start = (i * step * 197) % Math.max(1, text.length - 200);
    return text.slice(start, start + 200);
  });
}

/** `postTexts` as the analysis gets them: social-media posts without a title. */
export function posts(count: number): TextInput[] {
  return postTexts(count).map((content, i) => ({
    id: String(i),
    title: '',
    content,
    mediaType: 'social' as const,
  }));
}
