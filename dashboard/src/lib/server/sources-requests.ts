import { z } from 'zod';

/** Request bodies of the sources admin; `definition` is one sources.yaml entry, checked by the crawler's schema. */

const SourceId = z
  .string({ message: '请提供信息源 id' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'id 须为小写字母、数字、_ 或 -（至多 64 位），如 gov-news');

export const SaveSourceSchema = z
  .object({
    id: SourceId,
    enabled: z.boolean({ message: 'enabled 须为 true 或 false' }).default(true),
    definition: z.record(z.string(), z.unknown(), {
      message: 'definition 须为 JSON 对象（sources.yaml 的一项）',
    }),
  })
  .strict();
export type SaveSource = z.infer<typeof SaveSourceSchema>;

export const UpdateSourceSchema = SaveSourceSchema.omit({ id: true }).partial().strict();
export type UpdateSource = z.infer<typeof UpdateSourceSchema>;
