import { z } from 'zod';
import { CHANNEL_KINDS } from './alerts-engine.ts';

/** Request bodies of the alert channels admin; `config` is checked against the kind's own schema. */

const Name = z.string({ message: '请提供名称' }).trim().min(1, '请提供名称').max(64, '名称不能超过 64 字');
const DepartmentId = z.string({ message: '请选择部门' }).trim().min(1, '请选择部门').max(64);
const Config = z.record(z.string(), z.unknown(), { message: 'config 须为 JSON 对象' });
const Kind = z.enum(CHANNEL_KINDS as [string, ...string[]], {
  message: `kind 须为 ${CHANNEL_KINDS.join('、')} 之一`,
});

export const CreateChannelSchema = z
  .object({
    departmentId: DepartmentId,
    name: Name,
    kind: Kind,
    enabled: z.boolean({ message: 'enabled 须为 true 或 false' }).default(true),
    config: Config,
  })
  .strict();
export type CreateChannel = z.infer<typeof CreateChannelSchema>;

/** A secret shown masked may be sent back unchanged: the stored value is kept. */
export const UpdateChannelSchema = z
  .object({
    departmentId: DepartmentId.optional(),
    name: Name.optional(),
    enabled: z.boolean({ message: 'enabled 须为 true 或 false' }).optional(),
    config: Config.optional(),
  })
  .strict();
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>;
