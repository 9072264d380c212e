import type { EvidenceVolume } from './types.ts';

/** Hours of history a window needs: the current period plus its baseline periods. */
export const WINDOWS = {
  hour: { hours: 1, baselinePeriods: 12 },
  day: { hours: 24, baselinePeriods: 14 },
} as const;

export const historyHours = (window: keyof typeof WINDOWS): number =>
  WINDOWS[window].hours * (WINDOWS[window].baselinePeriods + 1);

/**
 * The z-score of the current period against the baseline periods. Counts are small and often zero,
 * so the spread is at least the Poisson one, √max(mean, 1): ten documents after a silent half-day
 * score z = 10, one document after a silent half-day z = 1.
 */
export function zScore(count: number, baseline: readonly number[]): { mean: number; std: number; z: number } {
  const n = baseline.length;
  const mean = n === 0 ? 0 : baseline.reduce((a, b) => a + b, 0) / n;
  const variance = n === 0 ? 0 : baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const std = Math.sqrt(variance);
  const sigma = Math.max(std, Math.sqrt(Math.max(mean, 1)));
  return { mean, std, z: (count - mean) / sigma };
}

/**
 * Splits rolling-hour counts (0 = the last hour) into the current period and its baseline periods
 * and scores it.
 */
export function windowVolume(
  hourly: ReadonlyArray<{ hoursAgo: number; documents: number }>,
  window: keyof typeof WINDOWS,
): EvidenceVolume {
  const { hours, baselinePeriods } = WINDOWS[window];
  const periods = new Array<number>(baselinePeriods + 1).fill(0);
  for (const h of hourly) {
    const period = Math.floor(h.hoursAgo / hours);
    if (period >= 0 && period <= baselinePeriods) periods[period] = (periods[period] as number) + h.documents;
  }
  const [count, ...baseline] = periods as [number, ...number[]];
  const { mean, std, z } = zScore(count, baseline);
  return { window, count, baselineMean: round(mean), baselineStd: round(std), baselinePeriods, z: round(z) };
}

const round = (x: number): number => Math.round(x * 100) / 100;
