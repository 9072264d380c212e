import { z } from 'zod';

/** One input line of `yuqing analyze`; ids may be numbers in the wild and are echoed as given. */
export const AnalyzeInputSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  content: z.string(),
  title: z.string().optional(),
  publishedAt: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .or(z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/))
    .optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  /** Where the source is (GB/T 2260 code or place name): resolves ambiguous place names. */
  region: z.string().max(40).optional(),
});
export type AnalyzeInput = z.infer<typeof AnalyzeInputSchema>;

/** Parses one line; the error names the field and says what is wrong. */
export function parseInputLine(
  text: string,
): { ok: true; value: AnalyzeInput } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const parsed = AnalyzeInputSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
}

/** Times without an offset are Beijing time, the platform's default zone. */
export function publishedMillis(publishedAt: string | undefined): number | undefined {
  if (!publishedAt) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(publishedAt);
  const iso = publishedAt.replace(' ', 'T');
  const ms = Date.parse(hasZone ? iso : `${iso.length === 10 ? `${iso}T00:00:00` : iso}+08:00`);
  return Number.isNaN(ms) ? undefined : ms;
}
