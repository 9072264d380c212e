import { LETTER_STATES } from '@yuqing/schemas';
import { z } from 'zod';

const text = (max: number) => z.string().max(max, `最多 ${max} 字`);
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), '须为时间（ISO 8601）');

/** A letter the portal submits: `{ id?, title, content, receivedAt?, author?, phone?, idNumber?, channel? }`. */
export const CreateLetterSchema = z.object({
  id: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, '字母、数字、_ . : -，最多 64 位')
    .optional(),
  title: text(200).default(''),
  content: text(20_000).refine((s) => s.trim().length > 0, '信件内容不能为空'),
  receivedAt: isoTime.optional(),
  author: text(100).optional(),
  phone: text(40).optional(),
  idNumber: text(40).optional(),
  channel: z.enum(['mailbox', 'petition', 'consultation']).optional(),
  externalId: text(100).optional(),
});

export const LetterListQuerySchema = z.object({
  state: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(LETTER_STATES)))
    .optional(),
  department: text(100).optional(),
  category: text(40).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const TransitionSchema = z.object({
  to: z.enum(LETTER_STATES),
  note: text(2000).optional(),
  department: text(100).optional(),
  assignee: text(100).optional(),
  reply: text(20_000).optional(),
  replyDepartment: text(100).optional(),
  deadlineAt: isoTime.optional(),
});

export const InstructionSchema = z.object({
  text: text(2000).refine((s) => s.trim().length > 0, '批示不能为空'),
});

export const DueQuerySchema = z.object({
  withinHours: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(24),
});

export const StatsQuerySchema = z.object({ from: isoTime, to: isoTime });
