import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageHeadlines } from '../analyzer/scripts/page-headlines.ts';
import { DEFAULT_DATA_ROOT } from '../analyzer/src/classify/dataset.ts';
import { CATEGORIES, classify } from '../analyzer/src/classify/index.ts';
import { evaluate } from '../analyzer/src/classify/metrics.ts';

/** `news-site-headlines.tsv`: page and text hash → category of the measured rows (not `-`). */
function labels(): Map<string, string> {
  const rows = readFileSync(new URL('../analyzer/scripts/news-site-headlines.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('page\t'))
    .map((l) => l.split('\t'));
  return new Map(
    rows.filter((r) => r[2] !== '-' && r[3] === 'measure').map((r) => [`${r[0]} ${r[1]}`, r[2] as string]),
  );
}

describe('classify on headlines that news and government pages link to (hand-labelled)', () => {
  // Reads the extraction dev pages of ../shared/data: fails, never skips, when they are missing.
  it('finds every labelled headline and keeps accuracy and macro-F1 above the floor', () => {
    const gold = labels();
    const found = pageHeadlines(DEFAULT_DATA_ROOT).filter((h) => gold.has(`${h.page} ${h.hash}`));
    expect(found).toHaveLength(gold.size);
    const r = evaluate(
      found.map((h) => gold.get(`${h.page} ${h.hash}`) as string),
      found.map((h) => classify(h.text).category),
      CATEGORIES,
    );
    // Measured 2026-11-24: accuracy 64.9 %, macro-F1 66.7 % (285 headlines; 58.2 % / 60.8 %
    // before the weakly labelled classes' bias was lifted and stock words were added).
    expect(r.accuracy).toBeGreaterThan(0.59);
    expect(r.macroF1).toBeGreaterThan(0.6);
  });
});
