import { describe, expect, it } from 'vitest';
import { labelledPageHeadlines } from '../analyzer/scripts/page-headlines.ts';
import { DEFAULT_DATA_ROOT } from '../analyzer/src/classify/dataset.ts';
import { CATEGORIES, classify } from '../analyzer/src/classify/index.ts';
import { evaluate } from '../analyzer/src/classify/metrics.ts';

describe('classify on headlines that news and government pages link to (hand-labelled)', () => {
  // Reads the extraction dev pages of ../shared/data: fails, never skips, when they are missing, and
  // when a labelled headline is not found in them.
  it('keeps accuracy and macro-F1 above the floor on the measured headlines', () => {
    const measured = labelledPageHeadlines(DEFAULT_DATA_ROOT).filter((h) => h.use === 'measure');
    expect(measured).toHaveLength(285);
    const r = evaluate(
      measured.map((h) => h.label),
      measured.map((h) => classify(h.text).category),
      CATEGORIES,
    );
    // Measured 2026-11-25: accuracy 64.2 %, macro-F1 65.8 % (285 headlines; 64.9 % / 66.7 % before
    // the retraining of that day, 58.2 % / 60.8 % before the weakly labelled classes' bias was lifted
    // and stock words were added).
    expect(r.accuracy).toBeGreaterThan(0.59);
    expect(r.macroF1).toBeGreaterThan(0.6);
  });
});
