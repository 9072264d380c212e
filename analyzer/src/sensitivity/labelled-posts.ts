import { readFileSync } from 'node:fs';
import { readCedEvents } from '../ced-events.ts';
import type { SensitivityMatcher } from './matcher.ts';

/** A real post with the sensitivity categories (ids) a person filed it under; none for most. */
export interface LabelledPost {
  split: 'dev' | 'test';
  text: string;
  categories: string[];
}

/**
 * The hand-labelled CED source posts of `analyzer/scripts/sensitivity-posts.tsv` (see its header),
 * with their texts from the data directory.
 */
export function labelledPosts(dataDir: string): LabelledPost[] {
  const events = readCedEvents(dataDir);
  const labels = readFileSync(new URL('../../scripts/sensitivity-posts.tsv', import.meta.url), 'utf8');
  const posts: LabelledPost[] = [];
  for (const line of labels.split('\n')) {
    const [split, event, categories] = line.split('\t');
    if (line.startsWith('#') || categories === undefined || split === 'split') continue;
    const text = events.get(event ?? '')?.text;
    if (text === undefined) throw new Error(`sensitivity-posts.tsv: no CED event ${event}`);
    posts.push({
      split: split as LabelledPost['split'],
      text,
      categories: categories === '-' ? [] : categories.split(','),
    });
  }
  return posts;
}

export interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface DetectionScores {
  /** Whether a post is sensitive at all (any category). */
  posts: Counts;
  /** Category by category, summed (micro). */
  categories: Counts;
  byCategory: Map<string, Counts>;
}

const zero = (): Counts => ({ truePositive: 0, falsePositive: 0, falseNegative: 0 });

/** How well a matcher finds the labelled categories. */
export function scoreDetection(matcher: SensitivityMatcher, posts: readonly LabelledPost[]): DetectionScores {
  const scores: DetectionScores = { posts: zero(), categories: zero(), byCategory: new Map() };
  const count = (id: string, field: keyof Counts) => {
    scores.categories[field]++;
    const c = scores.byCategory.get(id) ?? zero();
    c[field]++;
    scores.byCategory.set(id, c);
  };
  for (const post of posts) {
    const found = new Set(matcher.match(post.text, { negativity: 0, authority: 0 }).categories);
    const gold = new Set(post.categories);
    if (found.size > 0 && gold.size > 0) scores.posts.truePositive++;
    else if (found.size > 0) scores.posts.falsePositive++;
    else if (gold.size > 0) scores.posts.falseNegative++;
    for (const id of found) count(id, gold.has(id) ? 'truePositive' : 'falsePositive');
    for (const id of gold) if (!found.has(id)) count(id, 'falseNegative');
  }
  return scores;
}

/** Precision, recall and F1 in [0, 1] (0 where undefined). */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.truePositive / Math.max(1, c.truePositive + c.falsePositive);
  const recall = c.truePositive / Math.max(1, c.truePositive + c.falseNegative);
  const f1 = (2 * c.truePositive) / Math.max(1, 2 * c.truePositive + c.falsePositive + c.falseNegative);
  return { precision, recall, f1 };
}
