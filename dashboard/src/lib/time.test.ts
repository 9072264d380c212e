import { describe, expect, it } from 'vitest';
import { fillBuckets, formatBucket, formatDateTime, startOfDayShanghai } from './time.ts';

describe('time helpers', () => {
  it('formats in Beijing time', () => {
    expect(formatDateTime('2025-03-01T16:30:00.000Z')).toBe('2025-03-02 00:30');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('nonsense')).toBe('');
    expect(formatBucket('2025-03-01T16:00:00.000Z', 'day')).toBe('03-02');
    expect(formatBucket('2025-03-01T16:00:00.000Z', 'hour')).toBe('03-02 00时');
  });

  it('finds the start of the Beijing day', () => {
    expect(new Date(startOfDayShanghai(Date.parse('2025-03-01T15:59:59Z'))).toISOString()).toBe(
      '2025-02-28T16:00:00.000Z',
    );
    expect(new Date(startOfDayShanghai(Date.parse('2025-03-01T16:00:00Z'))).toISOString()).toBe(
      '2025-03-01T16:00:00.000Z',
    );
  });

  it('fills missing buckets with zeros', () => {
    const filled = fillBuckets(
      [{ time: '2025-03-02T16:00:00.000Z', documents: 4 }],
      '2025-02-28T16:00:00.000Z',
      '2025-03-03T04:00:00.000Z',
      'day',
    );
    expect(filled.map((p) => p.documents)).toEqual([0, 0, 4]);
    expect(filled[0]?.time).toBe('2025-02-28T16:00:00.000Z');
  });
});
