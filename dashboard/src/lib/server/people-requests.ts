import { z } from 'zod';
import { splitList } from './plans-requests.ts';

/**
 * Request bodies of the watch list API, with Chinese messages; the analyzer's own schema
 * (`validatePerson`, run by `savePerson`) checks them again before anything is written.
 */

const Name = z
  .string({ message: '请提供姓名' })
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(30, '姓名不能超过 30 字');

const fields = {
  name: Name,
  aliases: z.array(Name, { message: '别名须为字符串数组' }).max(20, '别名不能超过 20 个'),
  roles: z
    .array(z.string().trim().min(1, '职务不能为空').max(50, '职务不能超过 50 字'), {
      message: '职务须为字符串数组',
    })
    .max(10, '职务不能超过 10 个'),
  note: z.string({ message: '备注须为字符串' }).max(500, '备注不能超过 500 字'),
  enabled: z.boolean({ message: 'enabled 须为 true 或 false' }),
};

export const CreatePersonSchema = z
  .object({
    /** Defaults to the user's own department. */
    departmentId: z.string().trim().min(1, '请选择部门').max(64).optional(),
    name: fields.name,
    aliases: fields.aliases.default([]),
    roles: fields.roles.default([]),
    note: fields.note.default(''),
    enabled: fields.enabled.default(true),
  })
  .strict();
export type CreatePerson = z.infer<typeof CreatePersonSchema>;

/** A watched person stays with the department that owns it. */
export const UpdatePersonSchema = z
  .object({
    name: fields.name.optional(),
    aliases: fields.aliases.optional(),
    roles: fields.roles.optional(),
    note: fields.note.optional(),
    enabled: fields.enabled.optional(),
  })
  .strict();
export type UpdatePerson = z.infer<typeof UpdatePersonSchema>;

export const SuggestionsQuerySchema = z.object({
  days: z.coerce
    .number({ message: 'days 须为整数' })
    .int('days 须为整数')
    .min(1, 'days 须在 1–90 之间')
    .max(90, 'days 须在 1–90 之间')
    .default(7),
  limit: z.coerce
    .number({ message: 'limit 须为整数' })
    .int('limit 须为整数')
    .min(1, 'limit 须在 1–100 之间')
    .max(100, 'limit 须在 1–100 之间')
    .default(20),
});

/** The person fields of a submitted form (names split on commas, 、 and lines). */
export function personFields(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    name: text('name'),
    aliases: splitList(text('aliases')),
    roles: splitList(text('roles')),
    note: text('note'),
    enabled: form.get('enabled') === 'on',
  };
}
