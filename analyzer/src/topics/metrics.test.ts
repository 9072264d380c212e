import { describe, expect, it } from 'vitest';
import { scoreClustering } from './metrics.ts';

describe('scoreClustering', () => {
  it('is perfect on a perfect clustering, whatever the names', () => {
    const s = scoreClustering(['x', 'x', 'y'], ['a', 'a', 'b']);
    expect([s.precision, s.recall, s.f1, s.nmi]).toEqual([1, 1, 1, 1]);
  });

  it('computes B-cubed by hand', () => {
    // One cluster holding a,a,b: precision (2/3+2/3+1/3)/3 = 5/9, recall 1.
    const s = scoreClustering(['x', 'x', 'x'], ['a', 'a', 'b']);
    expect(s.precision).toBeCloseTo(5 / 9);
    expect(s.recall).toBe(1);
    expect(s.nmi).toBe(0);
  });

  it('gives singletons full precision and low recall', () => {
    const s = scoreClustering(['1', '2', '3', '4'], ['a', 'a', 'a', 'a']);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.25);
  });
});
