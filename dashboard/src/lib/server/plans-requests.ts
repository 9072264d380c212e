import { PLAN_SHARING } from '@yuqing/schemas';
import { z } from 'zod';

/**
 * Request bodies of the plans API. They check shape and give Chinese messages; the analyzer's
 * own schema (`validatePlan`, run by `savePlan`) then checks the expressions, so what is saved is
 * what the observer matches.
 */

const Names = (label: string, max: number) =>
  z
    .array(z.string().trim().min(1, `${label}不能为空`).max(100, `${label}过长`), {
      message: `${label}须为字符串数组`,
    })
    .max(max, `${label}不能超过 ${max} 个`);

const fields = {
  name: z
    .string({ message: '请提供方案名称' })
    .trim()
    .min(1, '请提供方案名称')
    .max(100, '名称不能超过 100 字'),
  expression: z.string({ message: '表达式须为字符串' }).max(2000, '表达式不能超过 2000 字'),
  persons: Names('人物', 200),
  regionCodes: z
    .array(z.string().regex(/^\d{6}$/, '地区须为 6 位行政区划代码'), { message: '地区须为代码数组' })
    .max(200, '地区不能超过 200 个'),
  exclusions: Names('排除表达式', 50),
  sharing: z.enum(PLAN_SHARING, { message: `sharing 须为 ${PLAN_SHARING.join('、')} 之一` }),
  enabled: z.boolean({ message: 'enabled 须为 true 或 false' }),
};

export const CreatePlanSchema = z
  .object({
    /** Defaults to the user's own department. */
    departmentId: z.string().trim().min(1, '请选择部门').max(64).optional(),
    name: fields.name,
    expression: fields.expression.default(''),
    persons: fields.persons.default([]),
    regionCodes: fields.regionCodes.default([]),
    exclusions: fields.exclusions.default([]),
    sharing: fields.sharing.default('private'),
    enabled: fields.enabled.default(true),
  })
  .strict();
export type CreatePlan = z.infer<typeof CreatePlanSchema>;

/** A plan never changes department (the analyzer refuses it), so there is no departmentId here. */
export const UpdatePlanSchema = z
  .object({
    name: fields.name.optional(),
    expression: fields.expression.optional(),
    persons: fields.persons.optional(),
    regionCodes: fields.regionCodes.optional(),
    exclusions: fields.exclusions.optional(),
    sharing: fields.sharing.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict();
export type UpdatePlan = z.infer<typeof UpdatePlanSchema>;

export const PlanStatsQuerySchema = z.object({
  days: z.coerce
    .number({ message: 'days 须为整数' })
    .int('days 须为整数')
    .min(1, 'days 须在 1–365 之间')
    .max(365, 'days 须在 1–365 之间')
    .default(30),
});

/** Names typed in a form: one a line, or separated by commas, 、 or semicolons. */
export function splitList(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Expressions typed in a form, one a line (an expression may hold commas: NEAR(a, b, 10)). */
export function splitLines(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The plan fields of a submitted form, for CreatePlanSchema / UpdatePlanSchema. */
export function planFields(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    name: text('name'),
    expression: text('expression').trim(),
    persons: splitList(text('persons')),
    regionCodes: splitList(text('regionCodes')),
    exclusions: splitLines(text('exclusions')),
    sharing: text('sharing') || 'private',
    enabled: form.get('enabled') === 'on',
  };
}
