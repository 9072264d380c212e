import type { TopicLifecycle } from './types.ts';

const HOUR = 3_600_000;

/** Time scales and levels of the topic life cycle; hours and documents per hour. */
export interface LifecycleOptions {
  /** Fast and slow rate windows: rising when the fast rate runs ahead of the slow one. */
  shortHours: number;
  longHours: number;
  /** Fewer documents than this: still emerging. */
  minVolume: number;
  /** Quiet for this long: ended. */
  endedHours: number;
  /** Fast rate above this share of the topic's highest fast rate: at its peak. */
  peakShare: number;
  /** Fast rate above `rising` times the slow rate: rising. */
  rising: number;
}

export const DEFAULT_LIFECYCLE: LifecycleOptions = {
  shortHours: 1,
  longHours: 3,
  minVolume: 5,
  endedHours: 48,
  peakShare: 0.6,
  rising: 1.5,
};

/** Exponentially weighted document rates, O(1) per document, persisted with the topic. */
export interface Rates {
  /** Decayed counts at `at` (divide by the window in hours for documents per hour). */
  short: number;
  long: number;
  /** Highest short rate seen, documents per hour. */
  peak: number;
  at: number;
}

export const emptyRates = (at: number): Rates => ({ short: 0, long: 0, peak: 0, at });

function decayed(rates: Rates, now: number, o: LifecycleOptions): { short: number; long: number } {
  const dt = Math.max(0, now - rates.at) / HOUR;
  return {
    short: rates.short * Math.exp(-dt / o.shortHours),
    long: rates.long * Math.exp(-dt / o.longHours),
  };
}

/** Counts one document at `time` (documents may arrive a little out of order). */
export function countDocument(rates: Rates, time: number, o: LifecycleOptions): Rates {
  const now = Math.max(time, rates.at);
  const d = decayed(rates, now, o);
  const short = d.short + 1;
  return { short, long: d.long + 1, peak: Math.max(rates.peak, short / o.shortHours), at: now };
}

/** Documents per hour over roughly the last `shortHours`. */
export function velocity(rates: Rates, now: number, o: LifecycleOptions): number {
  return decayed(rates, now, o).short / o.shortHours;
}

/**
 * emerging (too few documents to tell) → rising (the fast rate runs ahead of the slow one) →
 * peak (near its highest rate) → declining (well below it) → ended (quiet for `endedHours`).
 * A declining topic that picks up again goes back to rising.
 */
export function lifecycle(
  rates: Rates,
  stats: { volume: number; lastSeen: number },
  now: number,
  o: LifecycleOptions = DEFAULT_LIFECYCLE,
): TopicLifecycle {
  if (now - stats.lastSeen > o.endedHours * HOUR) return 'ended';
  if (stats.volume < o.minVolume) return 'emerging';
  const d = decayed(rates, now, o);
  const fast = d.short / o.shortHours;
  const slow = d.long / o.longHours;
  if (fast < o.peakShare * rates.peak) return 'declining';
  if (fast > o.rising * slow) return 'rising';
  return 'peak';
}
