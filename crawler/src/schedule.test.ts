/**
 * The scheduler's choice, at 12:00 UTC: `fast` runs every 5 minutes, `slow` every 60, `daily` every
 * 1440, `new-one` never ran, `off` is disabled.
 */
import { describe, expect, it } from 'vitest';
import { dueSources, nextWakeAt } from './schedule.ts';
import { type Source, SourceSchema } from './sources/source-schema.ts';

const source = (id: string, intervalMinutes: number, enabled = true): Source =>
  SourceSchema.parse({
    id,
    name: id,
    kind: 'feed',
    urls: [`https://${id}.example.cn/rss`],
    intervalMinutes,
    enabled,
  });

const NOW = new Date('2026-11-23T12:00:00.000Z');
const at = (hhmmss: string, day = '2026-11-23') => `${day}T${hhmmss}.000Z`;
const ids = (xs: { source: Source }[]) => xs.map((x) => x.source.id);

const fast = source('fast', 5);
const slow = source('slow', 60);
const daily = source('daily', 1440);
const newOne = source('new-one', 30);
const off = source('off', 5, false);
const all = [fast, slow, daily, newOne, off];

describe('dueSources', () => {
  it('honours each source interval since its last run started', () => {
    const lastRuns = new Map([
      ['fast', at('11:54:00')], // due at 11:59
      ['slow', at('11:30:00')], // due at 12:30
      ['daily', at('11:00:00', '2026-11-22')], // due at 11:00 today: the most overdue
      ['off', at('08:00:00')],
    ]);
    const due = dueSources(all, lastRuns, NOW);
    expect(ids(due)).toEqual(['new-one', 'daily', 'fast']);
    expect(due.map((d) => d.reason)).toEqual(['never_run', 'interval', 'interval']);
    expect(due[1]?.dueSince).toBe(at('11:00:00'));
  });

  it('runs a source exactly at its due time (and a second early), not before', () => {
    const lastRuns = new Map([['fast', at('11:55:00')]]);
    expect(ids(dueSources([fast], lastRuns, NOW))).toEqual(['fast']);
    expect(ids(dueSources([fast], lastRuns, new Date('2026-11-23T11:59:59.500Z')))).toEqual(['fast']);
    expect(ids(dueSources([fast], lastRuns, new Date('2026-11-23T11:59:58.000Z')))).toEqual([]);
  });

  it('treats a run request newer than the last run as due now, first', () => {
    const lastRuns = new Map([
      ['slow', at('11:50:00')],
      ['daily', at('11:50:00')],
      ['fast', at('11:54:00')],
    ]);
    const requests = new Map([
      ['slow', at('11:58:00')], // pending
      ['daily', at('11:40:00')], // answered by the 11:50 run
      ['off', at('11:59:00')], // disabled: never
    ]);
    const due = dueSources(all, lastRuns, NOW, requests);
    expect(ids(due)).toEqual(['slow', 'new-one', 'fast']);
    expect(due[0]).toMatchObject({ reason: 'requested', dueSince: at('11:58:00') });
  });

  it('never schedules a disabled source, and ignores unreadable times as never run', () => {
    expect(dueSources([off], new Map(), NOW)).toEqual([]);
    expect(ids(dueSources([slow], new Map([['slow', 'not a time']]), NOW))).toEqual(['slow']);
  });
});

describe('nextWakeAt', () => {
  it('is the earliest due time of the enabled sources', () => {
    const lastRuns = new Map([
      ['fast', at('11:58:00')], // 12:03
      ['slow', at('11:30:00')], // 12:30
      ['off', at('11:00:00')],
    ]);
    expect(nextWakeAt([fast, slow, off], lastRuns, NOW)?.toISOString()).toBe(at('12:03:00'));
  });

  it('is now when a source is due or requested, null without enabled sources', () => {
    expect(nextWakeAt([slow], new Map([['slow', at('10:00:00')]]), NOW)?.toISOString()).toBe(
      NOW.toISOString(),
    );
    const requested = nextWakeAt(
      [slow],
      new Map([['slow', at('11:59:00')]]),
      NOW,
      new Map([['slow', at('11:59:30')]]),
    );
    expect(requested?.toISOString()).toBe(NOW.toISOString());
    expect(nextWakeAt([newOne], new Map(), NOW)?.toISOString()).toBe(NOW.toISOString());
    expect(nextWakeAt([off], new Map(), NOW)).toBeNull();
  });

  it('never sleeps past the poll period (requests can come at any time)', () => {
    const lastRuns = new Map([['daily', at('11:00:00')]]);
    expect(nextWakeAt([daily], lastRuns, NOW, new Map(), 60_000)?.toISOString()).toBe(at('12:01:00'));
    expect(nextWakeAt([], lastRuns, NOW, new Map(), 60_000)?.toISOString()).toBe(at('12:01:00'));
  });
});
