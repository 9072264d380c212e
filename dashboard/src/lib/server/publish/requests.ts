import { ACTIONS, ColumnIdSchema, DRAFT_STATES, TARGET_KINDS } from '@yuqing/portal-adapter';
import { z } from 'zod';

export const CreateDraftSchema = z.object({
  documentId: z.string().min(1, '缺少文档 id').max(128),
  column: ColumnIdSchema,
});

export const EditDraftSchema = z
  .object({
    expectedVersion: z.number().int().positive('须给出编辑所基于的版本号'),
    title: z.string().max(200).optional(),
    summary: z.string().max(2_000).optional(),
    body: z.string().max(200_000).optional(),
    column: ColumnIdSchema.optional(),
  })
  .strict();

export const DraftActionSchema = z.enum(ACTIONS.filter((a) => a !== 'edit') as [string, ...string[]]);

export const ActionBodySchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    reason: z.string().max(500).optional(),
  })
  .strict();

export const DraftListQuerySchema = z.object({
  state: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(DRAFT_STATES)))
    .optional(),
  column: ColumnIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const TargetSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'id 只能由小写字母、数字、_ 和 - 组成（至多 40 个字符）'),
  name: z.string().min(1).max(100),
  kind: z.enum(TARGET_KINDS),
  columns: z.array(ColumnIdSchema).max(100).default([]),
  config: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
});
