/**
 * Builds crawler/fixtures/demo-news.jsonl from the CED Weibo data set (see fixtures/SOURCE.md).
 * Deterministic: the same input always gives the same fixture.
 *
 *   npx tsx crawler/scripts/make-demo-fixture.ts [ced_events.jsonl] [out.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface CedEvent {
  mid: string;
  label: 'rumor' | 'non-rumor';
  time_bjt: string;
  text: string;
  user_location: string;
}

interface DemoItem {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
  author?: string;
  region?: string;
}

const PER_LABEL = 150;
const MAX_TITLE = 30;

const here = path.dirname(new URL(import.meta.url).pathname);
const input = process.argv[2] ?? '/work/shared/data/events/weibo_rumor_ced/ced_events.jsonl';
const output = process.argv[3] ?? path.join(here, '../fixtures/demo-news.jsonl');

/** Emoticon codes like [泪], short links, and whitespace runs are noise on a news page. */
function clean(text: string): string {
  return text
    .replace(/\[[^[\]\s]{1,8}\]/g, '')
    .replace(/https?:\/\/t\.cn\/[A-Za-z0-9]+/g, '')
    .replace(/\uFFFD/g, '')
    .replace(/我在(这里)?[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string): string {
  if (text.length <= MAX_TITLE) return text;
  const head = text.slice(0, MAX_TITLE);
  const cut = Math.max(...['，', ',', '；', '：', ':', ' '].map((p) => head.lastIndexOf(p)));
  return cut >= 8 ? head.slice(0, cut).trim() : `${text.slice(0, MAX_TITLE - 1).trim()}…`;
}

/** A headline: the 【…】 lead if the post has one, else its first sentence, at most 30 characters. */
export function headline(text: string): { title: string; rest: string } {
  const lead = /^【([^】]{4,60})】\s*/.exec(text);
  if (lead?.[1]) {
    const rest = text.slice(lead[0].length);
    return { title: clip(lead[1].replace(/#/g, ' ').replace(/\s+/g, ' ').trim()), rest: rest || text };
  }
  // Mentions and a leading 转： read badly in a headline; the body keeps them.
  const plain = text
    .replace(/@[^\s:：,，。@]{1,30}\s*[:：]?/g, '')
    .replace(/^转[:：]/, '')
    .replace(/#/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = /^[^。！？!?…]+/.exec(plain)?.[0] ?? plain;
  return { title: clip(first.trim()), rest: text };
}

/** Splits a post into paragraphs of a few sentences each, as a news page would show it. */
function paragraphs(text: string): string {
  const sentences = text.match(/[^。！？!?]+[。！？!?]*/g) ?? [text];
  const out: string[] = [];
  let current = '';
  for (const s of sentences) {
    current += s;
    if (current.length >= 80) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out.join('\n');
}

function pick(events: CedEvent[], count: number): CedEvent[] {
  const sorted = [...events].sort((a, b) => a.time_bjt.localeCompare(b.time_bjt));
  const step = sorted.length / count;
  return Array.from({ length: count }, (_, i) => sorted[Math.floor(i * step)] as CedEvent);
}

function toItem(e: CedEvent): DemoItem {
  const { title, rest } = headline(clean(e.text));
  const region = e.user_location.trim();
  return {
    id: e.mid,
    title,
    body: paragraphs(rest),
    publishedAt: `${e.time_bjt.replace(' ', 'T')}+08:00`,
    ...(region && region !== '其他' ? { region } : {}),
  };
}

const events = readFileSync(input, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as CedEvent)
  // Long enough to read like an article, and with a headline that is not just a hashtag.
  .filter((e) => clean(e.text).length >= 60);

const chosen = [
  ...pick(
    events.filter((e) => e.label === 'rumor'),
    PER_LABEL,
  ),
  ...pick(
    events.filter((e) => e.label === 'non-rumor'),
    PER_LABEL,
  ),
];
const items = chosen
  .map(toItem)
  .filter((item) => item.title.length >= 4)
  .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));

writeFileSync(output, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
console.log(`wrote ${items.length} items to ${output}`);
