/** Report periods, the schedule's clock, the special-report query and the search links (no store). */
import {
  compileReportQuery,
  DEFAULT_REPORT_SCHEDULES,
  dueReports,
  type ReportSchedule,
  reportPeriod,
  searchLink,
} from '@yuqing/portal-adapter';
import { describe, expect, it } from 'vitest';

/** A Beijing wall-clock time as a Date. */
const bj = (s: string) => new Date(`${s}+08:00`);

describe('report periods', () => {
  it('covers a Beijing day, the Monday-to-Sunday week and the calendar month, each with the period before', () => {
    expect(reportPeriod('daily', '2026-11-20')).toMatchObject({
      from: '2026-11-19T16:00:00.000Z',
      to: '2026-11-20T16:00:00.000Z',
      previousFrom: '2026-11-18T16:00:00.000Z',
      bucket: 'hour',
      label: '2026年11月20日',
    });
    // 2026-11-20 is a Friday: its week is Monday 16th to Sunday 22nd.
    expect(reportPeriod('weekly', '2026-11-20')).toMatchObject({
      firstDay: '2026-11-16',
      lastDay: '2026-11-22',
      from: '2026-11-15T16:00:00.000Z',
      previousFrom: '2026-11-08T16:00:00.000Z',
      bucket: 'day',
      label: '2026年11月16日至22日',
    });
    expect(reportPeriod('monthly', '2026-03-31')).toMatchObject({
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
      previousFrom: '2026-01-31T16:00:00.000Z',
    });
    expect(reportPeriod('special', '2026-11-20', 3)).toMatchObject({
      firstDay: '2026-11-18',
      lastDay: '2026-11-20',
    });
  });

  it('rejects impossible dates', () => {
    expect(() => reportPeriod('daily', '2026-02-30')).toThrow(/no such date/);
    expect(() => reportPeriod('daily', '20261120')).toThrow(/YYYY-MM-DD/);
  });
});

describe('dueReports', () => {
  const none = new Map<string, string>();

  it('makes the daily report at 08:00 Beijing for the day before, once', () => {
    const daily = [DEFAULT_REPORT_SCHEDULES[0] as ReportSchedule];
    // Before 08:00 the newest trigger is yesterday's, for the day before yesterday: done already.
    expect(dueReports(bj('2026-11-20T07:59:00'), new Map([['daily', '2026-11-18']]), daily)).toEqual([]);
    const due = dueReports(
      bj('2026-11-20T08:00:00'),
      new Map([['daily', '2026-11-18']]),
      DEFAULT_REPORT_SCHEDULES,
    );
    expect(due.map((d) => [d.schedule.id, d.date])).toEqual([
      ['daily', '2026-11-19'],
      ['weekly', '2026-11-09'],
      ['monthly', '2026-10-01'],
    ]);
    const after = new Map([
      ['daily', '2026-11-19'],
      ['weekly', '2026-11-09'],
      ['monthly', '2026-10-01'],
    ]);
    expect(dueReports(bj('2026-11-20T08:01:00'), after)).toEqual([]);
  });

  it('makes the weekly report on Monday 08:30 for the week before and the monthly one on the 1st', () => {
    const last = new Map([
      ['daily', '2026-11-22'],
      ['weekly', '2026-11-09'],
      ['monthly', '2026-10-01'],
    ]);
    expect(dueReports(bj('2026-11-23T08:29:00'), last)).toEqual([]);
    expect(dueReports(bj('2026-11-23T08:30:00'), last).map((d) => [d.schedule.id, d.date])).toEqual([
      ['weekly', '2026-11-16'],
    ]);
    const month = dueReports(
      bj('2026-12-01T09:00:00'),
      new Map([
        ['daily', '2026-11-30'],
        ['weekly', '2026-11-23'],
      ]),
    );
    expect(month.map((d) => [d.schedule.id, d.date])).toEqual([['monthly', '2026-11-01']]);
    expect(reportPeriod('monthly', '2026-11-01')).toMatchObject({
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
    });
  });

  it('catches up after downtime with the newest period only, and handles the year boundary', () => {
    const due = dueReports(bj('2027-01-01T10:00:00'), none, [DEFAULT_REPORT_SCHEDULES[0] as ReportSchedule]);
    expect(due.map((d) => d.date)).toEqual(['2026-12-31']);
    const early = dueReports(bj('2027-01-01T07:00:00'), new Map([['daily', '2026-12-30']]));
    expect(early.find((d) => d.schedule.id === 'daily')).toBeUndefined();
  });
});

describe('special report query', () => {
  const cut = (s: string) => s.replace('广州暴雨', '广州 暴雨').split(/\s+/).filter(Boolean);

  it('compiles words, OR groups, exclusions and phrases the way the search box does', () => {
    expect(compileReportQuery('广州暴雨 OR 内涝 -演习 "地铁 停运"', cut)).toEqual({
      all: [
        [{ tokens: ['广州', '暴雨'] }, { tokens: ['内涝'] }],
        [{ tokens: ['地铁', '停运'], phrase: '地铁 停运' }],
      ],
      none: [{ tokens: ['演习'] }],
    });
    expect(() => compileReportQuery('-演习', cut)).toThrow(/at least one word/);
    expect(() => compileReportQuery('OR 暴雨', cut)).toThrow(/OR/);
  });
});

describe('searchLink', () => {
  it('opens the search page on the period with the figure filters', () => {
    const url = new URL(
      searchLink(
        { dashboardUrl: 'http://d.test', firstDay: '2026-11-16', lastDay: '2026-11-22', q: '暴雨' },
        { q: '"张三"', sentiment: 'negative', region: '440100', minSensitivity: 60 },
      ),
    );
    expect(url.pathname).toBe('/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '暴雨 "张三"',
      fromDate: '2026-11-16',
      toDate: '2026-11-22',
      sentiment: 'negative',
      region: '440100',
      minSensitivity: '60',
    });
  });
});

describe('GET /api/reports parameters', () => {
  it('takes kind, date and format, and asks a special report for its query', async () => {
    const { ReportQuerySchema } = await import('../dashboard/src/routes/api/reports/request.ts');
    expect(ReportQuerySchema.parse({ kind: 'weekly', date: '2026-11-20' })).toEqual({
      kind: 'weekly',
      date: '2026-11-20',
      format: 'html',
    });
    const bad = (input: Record<string, string>) => ReportQuerySchema.safeParse(input).error?.issues[0];
    expect(bad({ kind: 'yearly', date: '2026-11-20' })?.path).toEqual(['kind']);
    expect(bad({ kind: 'daily', date: '2026-02-30' })?.message).toBe('date 不是有效日期');
    expect(bad({ kind: 'daily', date: '2026-11-20', format: 'exe' })?.path).toEqual(['format']);
    expect(bad({ kind: 'special', date: '2026-11-20' })).toMatchObject({
      path: ['q'],
      message: '专报须填写检索式 q 或选择方案 plan',
    });
    expect(ReportQuerySchema.safeParse({ kind: 'special', date: '2026-11-20', plan: 'p1' }).success).toBe(
      true,
    );
  });
});
