import { describe, expect, it } from 'vitest';
import { fixtureDoc } from './fixtures.ts';
import { matchDocument } from './match.ts';
import { AlertRuleError, compileDocumentRule, type DocumentRule, parseAlertRule } from './rules.ts';
import { decideNotification, inQuietHours, type NotifyState } from './suppression.ts';
import { windowVolume, zScore } from './window.ts';
import { candidateKeys, findAlert, newAlert } from './working.ts';

const record = (definition: object) => ({
  id: 'r1',
  departmentId: 'd1',
  name: '规则',
  definition,
  enabled: true,
});

describe('alert rules', () => {
  it('fills defaults and reports every problem with its field', () => {
    const rule = parseAlertRule(record({ type: 'document', when: [{ kind: 'sensitivity', min: 60 }] }));
    expect(rule).toMatchObject({
      level: 'yellow',
      notify: { channels: [], minIntervalMinutes: 30, regrowthFactor: 2 },
    });
    expect(() => parseAlertRule(record({ type: 'document', when: [] }))).toThrow(/when/);
    expect(() => parseAlertRule(record({ type: 'volume_spike', scope: { regionCodes: ['33'] } }))).toThrow(
      /regionCodes/,
    );
    const error = (() => {
      try {
        parseAlertRule(
          record({ type: 'document', when: [{ kind: 'keyword', expression: '爆炸 NEAR 化工' }] }),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AlertRuleError);
    expect((error as Error).message).toMatch(/when\.0\.expression: NEAR needs a distance/);
  });
});

describe('document matching', () => {
  const compile = (when: object[]) =>
    compileDocumentRule(parseAlertRule(record({ type: 'document', when })) as DocumentRule);
  const doc = fixtureDoc('d1', {
    title: '滨江化工厂发生爆炸',
    body: '今天上午滨江区一化工厂发生爆炸，王建国副市长赶赴现场。',
    minute: 0,
    keywords: ['化工厂'],
    regions: [{ code: '330108', name: '滨江区', level: 'county' }],
    sensitivity: 72,
  });

  it('evaluates keyword expressions with NEAR and NOT on the full text', () => {
    expect(
      matchDocument(compile([{ kind: 'keyword', expression: '化工厂 NEAR/5 爆炸 NOT 演练' }]), doc),
    ).toEqual({
      reasons: ['关键词：化工厂、爆炸'],
      terms: ['化工厂', '爆炸'],
    });
    expect(matchDocument(compile([{ kind: 'keyword', expression: '爆炸 NOT 副市长' }]), doc)).toBeNull();
  });

  it('needs every condition: region (a city covers its districts), person, sensitivity category', () => {
    const all = compile([
      { kind: 'region', codes: ['330100'] },
      { kind: 'person', names: ['王建国'] },
      { kind: 'sensitivity', min: 60, categories: ['安全事故'] },
    ]);
    const named = { ...doc, sensitivity: { ...doc.sensitivity, categoryNames: ['安全事故'] } };
    expect(matchDocument(all, named)?.reasons).toEqual([
      '地区：滨江区',
      '关注人物：王建国',
      '敏感度 72 ≥ 60（accident）',
    ]);
    expect(matchDocument(all, doc)).toBeNull(); // category name unknown
    expect(matchDocument(compile([{ kind: 'region', codes: ['320000'] }]), doc)).toBeNull();
    expect(matchDocument(compile([{ kind: 'index', min: 50 }]), doc)).toBeNull();
    expect(matchDocument(compile([{ kind: 'index', min: 50 }]), { ...doc, opinionIndex: 80 })).not.toBeNull();
  });
});

describe('suppression', () => {
  it('knows quiet hours in Beijing time, across midnight', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(inQuietHours(new Date('2026-03-10T14:30:00Z'), quiet)).toBe(true); // 22:30
    expect(inQuietHours(new Date('2026-03-10T22:59:00Z'), quiet)).toBe(true); // 06:59
    expect(inQuietHours(new Date('2026-03-10T23:00:00Z'), quiet)).toBe(false); // 07:00
    expect(inQuietHours(new Date('2026-03-10T04:00:00Z'), { start: '12:00', end: '13:00' })).toBe(true);
  });

  const policy = { channels: [], minIntervalMinutes: 30, regrowthFactor: 2 };
  const now = new Date('2026-03-10T03:00:00Z');
  const state = (over: Partial<NotifyState>): NotifyState => ({
    level: 'yellow',
    documents: 1,
    notifiedAt: null,
    notifiedDocuments: 0,
    notifiedLevel: '',
    notifyPending: false,
    state: 'new',
    feedback: '',
    ...over,
  });
  const notified = {
    notifiedAt: '2026-03-10T02:50:00Z',
    notifiedDocuments: 4,
    notifiedLevel: 'yellow' as const,
  };

  it('notifies a new alert, then only when it grows, escalates or waited', () => {
    expect(decideNotification(state({}), policy, now)).toEqual({ notify: true, reason: 'new' });
    expect(decideNotification(state({ ...notified, documents: 5 }), policy, now)).toMatchObject({
      reason: 'no_growth',
    });
    expect(decideNotification(state({ ...notified, documents: 8 }), policy, now)).toEqual({
      notify: false,
      reason: 'min_interval',
      defer: true,
    });
    expect(
      decideNotification(state({ ...notified, documents: 5, level: 'orange' }), policy, now),
    ).toMatchObject({
      notify: true,
      reason: 'escalated',
    });
    const later = new Date('2026-03-10T03:21:00Z');
    expect(
      decideNotification(state({ ...notified, documents: 5, notifyPending: true }), policy, later),
    ).toMatchObject({
      notify: true,
      reason: 'pending',
    });
  });

  it('is silenced by feedback or resolution, and quiet hours hold back all but red', () => {
    expect(decideNotification(state({ feedback: 'not_relevant' }), policy, now)).toMatchObject({
      notify: false,
      defer: false,
    });
    expect(decideNotification(state({ state: 'resolved' }), policy, now)).toMatchObject({
      reason: 'resolved',
    });
    const quiet = { ...policy, quietHours: { start: '10:00', end: '12:00', exceptLevel: 'red' as const } };
    expect(decideNotification(state({}), quiet, now)).toMatchObject({ reason: 'quiet_hours', defer: true });
    expect(decideNotification(state({ level: 'red' }), quiet, now)).toMatchObject({ notify: true });
  });
});

describe('windows', () => {
  it('scores the last period against its baseline with a Poisson floor', () => {
    expect(zScore(10, new Array(12).fill(0)).z).toBe(10);
    expect(zScore(3, [2, 4, 2, 4]).z).toBeCloseTo(0, 5);
    const hourly = [{ hoursAgo: 0, documents: 9 }, ...[1, 2, 3].map((h) => ({ hoursAgo: h, documents: 1 }))];
    expect(windowVolume(hourly, 'hour')).toMatchObject({ count: 9, baselineMean: 0.25, baselinePeriods: 12 });
    const daily = windowVolume(
      [
        { hoursAgo: 5, documents: 30 },
        { hoursAgo: 30, documents: 14 },
      ],
      'day',
    );
    expect(daily).toMatchObject({ count: 30, baselineMean: 1, baselinePeriods: 14 });
  });
});

describe('grouping', () => {
  const rule = parseAlertRule(record({ type: 'document', when: [{ kind: 'sensitivity', min: 1 }] }));
  it('joins by topic or duplicate cluster first, else by shared keywords, within a department', () => {
    const open = newAlert(rule, 'dup:a', new Date());
    open.alert.keys = ['dup:a', 'topic:t1'];
    open.alert.keywords = ['化工厂', '爆炸', '滨江', '消防'];
    const reprint = fixtureDoc('b', { title: '', body: '', minute: 0, keywords: [], duplicateOf: 'a' });
    expect(candidateKeys(reprint)).toEqual(['dup:a']);
    expect(findAlert([open], 'd1', candidateKeys(reprint), [])).toBe(open);
    expect(findAlert([open], 'd2', candidateKeys(reprint), [])).toBeUndefined();
    expect(findAlert([open], 'd1', ['dup:c'], ['化工厂', '爆炸', '滨江', '伤亡'])).toBe(open);
    expect(
      findAlert([open], 'd1', ['dup:c'], ['化工厂', '爆炸', '天气', '气温', '多云', '降雨']),
    ).toBeUndefined();
  });
});
