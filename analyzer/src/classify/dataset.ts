import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCedEvents } from '../ced-events.ts';
import { type Category, TOUTIAO_TO_CATEGORY } from './categories.ts';
import { weakLabel, weakLabelUnlabelled } from './weak-labels.ts';

/**
 * Development data for the category model (training, evaluation, regression tests). Reads the
 * shared research data next to the repository; nothing here ships in the product path.
 */
export interface LabelledText {
  readonly text: string;
  readonly label: Category;
  /** Where the row comes from and what its label was before weak supervision. */
  readonly source: string;
  readonly original: string;
  /** A factor on the row's training weight; 1 when absent. */
  readonly weight?: number;
  /** The rest of a Weibo post after its headline (measured headlines only). */
  readonly body?: string;
}

/** `../shared/data` relative to the repository root. */
export const DEFAULT_DATA_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

const TOUTIAO = 'topics/toutiao_titles/toutiao_titles_test_split.tsv';

function readRequired(dataRoot: string, path: string): string {
  const file = join(dataRoot, path);
  if (!existsSync(file)) {
    throw new Error(`Missing dev data ${file}: check out the shared data next to the repo (../shared/data).`);
  }
  return readFileSync(file, 'utf8');
}

/** Stable 32-bit FNV-1a of a string: the held-out split must not change between runs. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fixed 20 % held out for evaluation: by a hash of the text, so duplicates share a side. */
export function isHeldOut(text: string): boolean {
  return stableHash(text) % 5 === 0;
}

/** Toutiao headlines with toutiao's class mapped to ours and the weak labels applied. */
export function loadToutiao(dataRoot = DEFAULT_DATA_ROOT): LabelledText[] {
  const rows: LabelledText[] = [];
  for (const line of readRequired(dataRoot, TOUTIAO).split('\n').slice(1)) {
    const cols = line.split('\t');
    const code = cols[3];
    const title = cols[5]?.trim();
    if (!code || !title) continue;
    const base = TOUTIAO_TO_CATEGORY[code];
    if (!base) throw new Error(`Unknown toutiao class ${code} in ${TOUTIAO}`);
    rows.push({ text: title, label: weakLabel(title, base), source: 'toutiao', original: base });
  }
  return rows;
}

function msraSentences(dataRoot: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of readRequired(dataRoot, 'ner/msra/dh_msra_char_bio.txt').split('\n')) {
    const ch = line.split(/\s/)[0];
    if (ch) cur += ch;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

function jsonlTexts(dataRoot: string, path: string): string[] {
  return readRequired(dataRoot, path)
    .split('\n')
    .filter(Boolean)
    .map((l) => String((JSON.parse(l) as { text: unknown }).text));
}

/**
 * The CED posts less those whose headline is labelled by hand, in their own event or reposted in
 * another (compared as measured: without emoticon codes and hashtags).
 */
function cedPosts(dataRoot: string): string[] {
  const events = readCedEvents(dataRoot);
  const labelled = labelledHeadlineEvents();
  const headlines = new Set([...labelled].map((id) => headlineKey(events.get(id)?.text ?? '')));
  headlines.delete('');
  return [...events]
    .filter(([id, event]) => !labelled.has(id) && !headlines.has(headlineKey(event.text)))
    .map(([, event]) => event.text);
}

/** Keeps texts of headline-to-post length and cuts Weibo emoticon codes and links. */
function tidy(text: string): string {
  return text
    .replace(/\[[^\]]{1,8}\]/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .trim()
    .slice(0, 140);
}

const WEIBO_HEADLINES = new URL('../../scripts/weibo-headlines.tsv', import.meta.url);

/** The hand labels of `scripts/weibo-headlines.tsv`: CED event id, category and draw. */
function headlineLabels(): [event: string, label: Category, draw: string][] {
  return readFileSync(WEIBO_HEADLINES, 'utf8')
    .split('\n')
    .filter((l) => /^\d+\t/.test(l))
    .map((l) => l.split('\t') as [string, Category, string]);
}

/**
 * The CED events whose headline is labelled by hand: their posts (and reposts of their headlines)
 * are never weakly labelled training text. The measured ones are never training text at all.
 */
function labelledHeadlineEvents(): Set<string> {
  return new Set(headlineLabels().map(([event]) => event));
}

/** The 【…】 headline a Weibo news post opens with (after a hashtag or none), or ''. */
export function headlineOf(post: string): string {
  return /^\s*(?:#[^#]{1,20}#\s*)?【([^】]{8,40})】/.exec(post)?.[1]?.trim() ?? '';
}

/** A post's 【…】 headline as it is labelled and measured: emoticon codes and hashtags removed. */
function headlineKey(post: string): string {
  return tidy(headlineOf(post).replace(/#[^#]{1,20}#/g, ''));
}

/** A hand-labelled headline's text (`headlineKey` of its event's post). */
function headlineText(posts: Map<string, { text: string }>, event: string): string {
  const post = posts.get(event);
  if (!post) throw new Error(`weibo-headlines.tsv: no CED event ${event}`);
  return headlineKey(post.text);
}

/**
 * The measured headlines of Weibo news posts with their hand labels; `source` says which draw of
 * the file they come from (ced draw 1, ced draw 2).
 */
export function weiboHeadlines(dataRoot = DEFAULT_DATA_ROOT): LabelledText[] {
  const posts = readCedEvents(dataRoot);
  return headlineLabels()
    .filter(([, , draw]) => draw !== 'train')
    .map(([event, label, draw]) => {
      const post = posts.get(event)?.text ?? '';
      const body = tidy(post.slice(post.indexOf('】') + 1));
      return { text: headlineText(posts, event), label, source: `ced draw ${draw}`, original: label, body };
    });
}

/** The headlines of Weibo news posts labelled by hand for training (draw `train`), at `weight` each. */
export function loadLabelledHeadlines(dataRoot = DEFAULT_DATA_ROOT, weight = 1): LabelledText[] {
  const posts = readCedEvents(dataRoot);
  return headlineLabels()
    .filter(([, , draw]) => draw === 'train')
    .map(([event, label]) => ({
      text: headlineText(posts, event),
      label,
      source: 'ced labelled',
      original: label,
      weight,
    }));
}

/**
 * 时政 and 社会 examples from unlabelled news sentences (MSRA: People's Daily; CLUENER: THUCNews)
 * and Weibo event posts (CED, less those whose headline is measured), labelled by vocabulary; at
 * most `cap` per source and class, chosen by hash so the choice is deterministic.
 */
export function loadWeakExternal(dataRoot = DEFAULT_DATA_ROOT, cap = 700): LabelledText[] {
  const sources: [string, string[]][] = [
    ['msra', msraSentences(dataRoot)],
    ['cluener', jsonlTexts(dataRoot, 'ner/cluener2020/train.jsonl')],
    ['ced', cedPosts(dataRoot)],
  ];
  const rows: LabelledText[] = [];
  for (const [source, texts] of sources) {
    const picked = new Map<Category, LabelledText[]>();
    const seen = new Set<string>();
    for (const raw of texts) {
      const text = tidy(raw);
      if (text.length < 12 || seen.has(text)) continue;
      seen.add(text);
      const label = weakLabelUnlabelled(text);
      if (!label) continue;
      const list = picked.get(label) ?? [];
      list.push({ text, label, source, original: 'none' });
      picked.set(label, list);
    }
    for (const list of picked.values()) {
      list.sort((a, b) => stableHash(a.text) - stableHash(b.text));
      rows.push(...list.slice(0, cap));
    }
  }
  return rows;
}
