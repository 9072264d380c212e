import { z } from 'zod';

/*
 * Request schemas. The lists repeat the portal adapter's constants (ACTIONS, DRAFT_STATES,
 * TARGET_KINDS, ColumnIdSchema) because this module loads during the build, where the adapter
 * cannot; tests/publish-api.test.ts checks that they agree.
 */

export const DRAFT_STATE_VALUES = [
  'draft',
  'pending_review',
  'approved',
  'rejected',
  'published',
  'withdrawn',
  'archived',
] as const;
export const DRAFT_ACTION_VALUES = [
  'submit',
  'approve',
  'reject',
  'publish',
  'retry',
  'withdraw',
  'archive',
] as const;
export const TARGET_KIND_VALUES = ['feed', 'webhook', 'wordpress'] as const;

export const ColumnSchema = z
  .string()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, '栏目只能由文字、数字、_ 和 - 组成（1 到 40 个字符）');

export const CreateDraftSchema = z.object({
  documentId: z.string().min(1, '缺少文档 id').max(128),
  column: ColumnSchema,
});

export const EditDraftSchema = z
  .object({
    expectedVersion: z.number().int().positive('须给出编辑所基于的版本号'),
    title: z.string().max(200).optional(),
    summary: z.string().max(2_000).optional(),
    body: z.string().max(200_000).optional(),
    column: ColumnSchema.optional(),
  })
  .strict();

export const DraftActionSchema = z.enum(DRAFT_ACTION_VALUES);

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
    .pipe(z.array(z.enum(DRAFT_STATE_VALUES)))
    .optional(),
  column: ColumnSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const TargetSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'id 只能由小写字母、数字、_ 和 - 组成（至多 40 个字符）'),
  name: z.string().min(1).max(100),
  kind: z.enum(TARGET_KIND_VALUES),
  columns: z.array(ColumnSchema).max(100).default([]),
  config: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
});
