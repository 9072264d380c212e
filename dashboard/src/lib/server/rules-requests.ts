import { z } from 'zod';

/** Request bodies of the alert rules admin. `definition` is the rule as the engine reads it. */

const Name = z.string({ message: '请提供名称' }).trim().min(1, '请提供名称').max(64, '名称不能超过 64 字');
const DepartmentId = z.string({ message: '请选择部门' }).trim().min(1, '请选择部门').max(64);
const Definition = z.record(z.string(), z.unknown(), { message: 'definition 须为 JSON 对象' });

export const CreateRuleSchema = z
  .object({
    departmentId: DepartmentId,
    name: Name,
    enabled: z.boolean({ message: 'enabled 须为 true 或 false' }).default(true),
    definition: Definition,
  })
  .strict();
export type CreateRule = z.infer<typeof CreateRuleSchema>;

export const UpdateRuleSchema = z
  .object({
    departmentId: DepartmentId.optional(),
    name: Name.optional(),
    enabled: z.boolean({ message: 'enabled 须为 true 或 false' }).optional(),
    definition: Definition.optional(),
  })
  .strict();
export type UpdateRule = z.infer<typeof UpdateRuleSchema>;

/** A JSON text from a form field, as an object for the schemas above (a 400 names the field). */
export function parseJsonField(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // not an object: the schema says what is wrong
  }
}
