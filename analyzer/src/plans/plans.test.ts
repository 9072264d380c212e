import type { PlanRecord } from '@yuqing/schemas';
import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../sensitivity/expression.ts';
import { parsePlanExpression } from './expression.ts';
import { compilePlan, matchPlan, PlanError, validatePlan } from './plan.ts';

const plan = (fields: Partial<PlanRecord>): PlanRecord => ({
  id: 'p1',
  version: 1,
  matchVersion: 1,
  departmentId: 'city',
  name: '地铁运营',
  expression: '',
  persons: [],
  regionCodes: [],
  exclusions: [],
  sharing: 'private',
  enabled: true,
  deleted: false,
  createdBy: 'u',
  updatedBy: 'u',
  createdAt: 0,
  updatedAt: 0,
  ...fields,
});

const matches = (expression: string, text: string, extra: Partial<PlanRecord> = {}, regions: string[] = []) =>
  matchPlan(compilePlan(plan({ expression, ...extra })), { text, persons: [], regionCodes: regions }) !==
  null;

describe('plan expressions', () => {
  it('parses AND, OR, NOT and both forms of NEAR', () => {
    expect(parsePlanExpression('(地铁 | 轨道交通) & 故障 & !演练')).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'or',
          items: [
            { kind: 'term', text: '地铁' },
            { kind: 'term', text: '轨道交通' },
          ],
        },
        { kind: 'term', text: '故障' },
        { kind: 'not', item: { kind: 'term', text: '演练' } },
      ],
    });
    const fn = parsePlanExpression('NEAR(暴雨, 内涝, 10)');
    expect(fn).toEqual(parsePlanExpression('暴雨 NEAR/10 内涝'));
    expect(parsePlanExpression('NEAR（暴雨 | 大雨，内涝，5）')).toMatchObject({ kind: 'near', distance: 5 });
    expect(parsePlanExpression('"暴雨 内涝"~10')).toEqual(fn);
  });

  it('reports errors with their position', () => {
    const error = (s: string) => {
      try {
        parsePlanExpression(s);
      } catch (e) {
        return e as ExpressionError;
      }
      throw new Error(`no error for ${s}`);
    };
    expect(error('(地铁 | 故障').message).toContain('expected )');
    expect(error('地铁 & ').position).toBe(5);
    expect(error('NEAR(暴雨, 内涝)').message).toMatch(/before the distance/);
    expect(error('NEAR(暴雨, 内涝, 十)').message).toMatch(/whole number/);
    expect(error('!演练').message).toMatch(/need some word/);
    expect(error('')).toBeInstanceOf(ExpressionError);
    expect(error('地铁 "故障').message).toMatch(/unclosed quote \(at character 4\)/);
  });

  it('matches documents the way the department means it', () => {
    const e = '(地铁 | 轨道交通) & 故障 & !演练';
    expect(matches(e, '今晨地铁2号线信号故障，列车晚点')).toBe(true);
    expect(matches(e, '轨道交通应急演练：模拟故障处置')).toBe(false);
    expect(matches(e, '地铁新线开通')).toBe(false);
    expect(matches('NEAR(暴雨, 内涝, 10)', '暴雨过后多处路段内涝')).toBe(true);
    expect(matches('NEAR(暴雨, 内涝, 10)', `暴雨${'。'.repeat(30)}内涝`)).toBe(false);
    expect(matches('Metro & 故障', 'METRO故障')).toBe(true);
  });

  it('applies regions, watched persons and exclusions', () => {
    const regional = { regionCodes: ['330100'] };
    expect(matches('暴雨', '杭州暴雨', regional, ['330106'])).toBe(true);
    expect(matches('暴雨', '宁波暴雨', regional, ['330200'])).toBe(false);
    expect(matches('暴雨', '暴雨', regional, [])).toBe(false);
    const withPerson = compilePlan(plan({ persons: ['张三'] }));
    expect(matchPlan(withPerson, { text: '市长张三调研', persons: [], regionCodes: [] })).toEqual({
      terms: [],
      persons: ['张三'],
    });
    expect(matchPlan(withPerson, { text: '调研', persons: ['张三'], regionCodes: [] })?.persons).toEqual([
      '张三',
    ]);
    expect(matches('暴雨', '暴雨天气 广告推广', { exclusions: ['广告 | 推广'] })).toBe(false);
  });

  it('validates plans with a field for every problem', () => {
    expect(() => validatePlan({ departmentId: 'city', name: 'x' })).toThrow(PlanError);
    try {
      validatePlan({ departmentId: 'city', name: 'x', expression: '地铁 &' });
    } catch (e) {
      expect((e as PlanError).field).toBe('expression');
    }
    try {
      validatePlan({ departmentId: 'city', name: 'x', expression: '地铁', exclusions: ['a', '(b'] });
    } catch (e) {
      expect((e as PlanError).field).toBe('exclusions.1');
    }
    expect(validatePlan({ departmentId: 'city', name: 'x', persons: ['张三'] }).sharing).toBe('private');
    expect(() =>
      validatePlan({ departmentId: 'city', name: 'x', expression: 'a', regionCodes: ['33'] }),
    ).toThrow(/regionCodes\.0/);
  });
});
