import { MEDIA_TYPES, type MediaType } from '@yuqing/schemas';
import { z } from 'zod';

const Weight = z.number().min(0).max(10);
const Level = z.number().min(0).max(100);
const GB2260 = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'a GB/T 2260 code or prefix (e.g. 33, 3301, 330106)');

/** Authority of a source when its own is not configured: how far its word carries. */
export const DEFAULT_MEDIA_AUTHORITY: Record<MediaType, number> = {
  government: 0.9,
  newspaper: 0.8,
  news: 0.7,
  video: 0.5,
  blog: 0.35,
  social: 0.3,
  forum: 0.25,
  other: 0.3,
};

/**
 * How the opinion index (舆情指数) is computed; every field has a default (analyzer/EVENTS.md).
 * The index is 100 × the weighted mean of six parts in 0..1; a part whose input is unknown (regional
 * relevance without home regions) drops out and the other weights are renormalised.
 */
export const OpinionIndexConfigSchema = z.strictObject({
  weights: z
    .strictObject({
      volume: Weight.default(0.2),
      velocity: Weight.default(0.15),
      negativity: Weight.default(0.2),
      sensitivity: Weight.default(0.25),
      authority: Weight.default(0.1),
      regional: Weight.default(0.1),
    })
    .default({
      volume: 0.2,
      velocity: 0.15,
      negativity: 0.2,
      sensitivity: 0.25,
      authority: 0.1,
      regional: 0.1,
    })
    .refine((w) => Object.values(w).some((x) => x > 0), 'at least one weight must be above 0'),
  /** Lowest score of each warning level (蓝/黄/橙/红); below `blue` there is no warning. */
  levels: z
    .strictObject({
      blue: Level.default(35),
      yellow: Level.default(50),
      orange: Level.default(65),
      red: Level.default(80),
    })
    .default({ blue: 35, yellow: 50, orange: 65, red: 80 })
    .refine(
      (l) => l.blue <= l.yellow && l.yellow <= l.orange && l.orange <= l.red,
      'levels must rise: blue ≤ yellow ≤ orange ≤ red',
    ),
  /** Documents at which the volume part reaches 1 (it grows with the logarithm). */
  volumeSaturation: z.number().min(2).default(500),
  /** Documents per hour at which the velocity part reaches 1 (logarithmic). */
  velocitySaturation: z.number().min(1).default(60),
  /** GB/T 2260 codes the office is responsible for; a city covers its districts. */
  homeRegions: z.array(GB2260).default([]),
  /** Authority 0..1 per source id (sources.yaml `authority`); others use their media type's. */
  sourceAuthority: z.record(z.string(), z.number().min(0).max(1)).default({}),
  mediaAuthority: z.partialRecord(z.enum(MEDIA_TYPES), z.number().min(0).max(1)).default({}),
  /** A topic's or event's index is stored again only when it moved by at least this much. */
  minChange: z.number().min(0).default(0.5),
});
export type OpinionIndexConfig = z.output<typeof OpinionIndexConfigSchema>;
export type OpinionIndexConfigInput = z.input<typeof OpinionIndexConfigSchema>;

export class IndexConfigError extends Error {
  override name = 'IndexConfigError';
}

/** Validates a weights object; every problem is listed with its field. */
export function parseIndexConfig(input: unknown = {}): OpinionIndexConfig {
  const parsed = OpinionIndexConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new IndexConfigError(
      `opinion index config: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** A region code as the prefix that covers it and everything inside: 330100 → 3301, 110000 → 11. */
export function regionPrefix(code: string): string {
  return code.length === 6 ? code.replace(/(?:00)+$/, '') : code;
}

export function authorityOf(config: OpinionIndexConfig, source: string, mediaType: MediaType): number {
  return (
    config.sourceAuthority[source] ??
    config.mediaAuthority[mediaType] ??
    DEFAULT_MEDIA_AUTHORITY[mediaType] ??
    0.3
  );
}
