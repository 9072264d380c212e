import { ROLES } from '@yuqing/schemas';
import { z } from 'zod';

/** Request bodies of the admin API and the account page. Messages are shown to users. */

const Username = z
  .string({ message: '请提供用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,64}$/, '用户名须为 2 到 64 位字母、数字或 _ . -');
const Password = z.string({ message: '请提供密码' }).min(8, '密码至少 8 位').max(256, '密码过长');
const DisplayName = z.string().trim().max(64, '姓名过长');
const Roles = z
  .array(z.enum(ROLES, { message: `角色须为 ${ROLES.join('、')} 之一` }))
  .min(1, '至少选择一个角色')
  .transform((roles) => [...new Set(roles)]);
const DepartmentId = z.string({ message: '请选择部门' }).trim().min(1, '请选择部门').max(64);

export const CreateUserSchema = z.object({
  username: Username,
  displayName: DisplayName.default(''),
  password: Password,
  roles: Roles,
  departmentId: DepartmentId,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({
    displayName: DisplayName.optional(),
    roles: Roles.optional(),
    departmentId: DepartmentId.optional(),
    disabled: z.boolean({ message: 'disabled 须为 true 或 false' }).optional(),
    /** An admin's password reset; the user's own change goes through ChangePasswordSchema. */
    password: Password.optional(),
  })
  .strict();
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

const DepartmentName = z
  .string({ message: '请提供部门名称' })
  .trim()
  .min(1, '请提供部门名称')
  .max(64, '部门名称过长');

export const CreateDepartmentSchema = z.object({
  name: DepartmentName,
  parentId: DepartmentId,
});
export type CreateDepartment = z.infer<typeof CreateDepartmentSchema>;

export const UpdateDepartmentSchema = z
  .object({ name: DepartmentName.optional(), parentId: DepartmentId.optional() })
  .strict();
export type UpdateDepartment = z.infer<typeof UpdateDepartmentSchema>;

export const ChangePasswordSchema = z
  .object({
    oldPassword: z.string({ message: '请输入原密码' }).min(1, '请输入原密码').max(256),
    newPassword: Password,
  })
  .refine((b) => b.oldPassword !== b.newPassword, {
    message: '新密码不能与原密码相同',
    path: ['newPassword'],
  });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

const isoTime = z.iso.datetime({ offset: true, message: '须为 ISO 8601 时间，如 2025-03-01T08:00:00Z' });

export const AuditQuerySchema = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,40}$/, 'action 须为动作名，如 login 或 user.（前缀）')
    .optional(),
  actorId: z.string().max(64).optional(),
  before: isoTime.optional(),
  limit: z.coerce
    .number({ message: 'limit 须为 1 到 500 之间的整数' })
    .int('limit 须为 1 到 500 之间的整数')
    .min(1, 'limit 须为 1 到 500 之间的整数')
    .max(500, 'limit 须为 1 到 500 之间的整数')
    .default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
