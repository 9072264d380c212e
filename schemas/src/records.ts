import { z } from 'zod';

/** ISO 8601 timestamps cross every boundary; the store converts to and from DateTime64. */
const Timestamp = z.iso.datetime({ offset: true });

export const MEDIA_TYPES = [
  'news',
  'government',
  'forum',
  'blog',
  'social',
  'newspaper',
  'video',
  'other',
] as const;
export const MediaTypeSchema = z.enum(MEDIA_TYPES);
export type MediaType = z.infer<typeof MediaTypeSchema>;

/** What the crawler fetched and extracted from one page. */
export const RawDocumentSchema = z.object({
  id: z.string().min(1),
  url: z.url(),
  canonicalUrl: z.url(),
  source: z.string().min(1),
  site: z.string(),
  mediaType: MediaTypeSchema,
  title: z.string(),
  body: z.string(),
  author: z.string(),
  publishedAt: Timestamp.nullable(),
  fetchedAt: Timestamp,
  contentHash: z.string().min(1),
  /** The source's region (GB/T 2260 code or place name): where its ambiguous place names are. */
  region: z.string().optional(),
});
export type RawDocument = z.infer<typeof RawDocumentSchema>;

/** The analysis of one document, with what lists and charts need from the raw document. */
export const AnalyzedDocumentSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  source: z.string(),
  site: z.string(),
  mediaType: MediaTypeSchema,
  title: z.string(),
  summary: z.string(),
  publishedAt: Timestamp.nullable(),
  fetchedAt: Timestamp,
  analyzedAt: Timestamp,
  contentHash: z.string(),
  tokens: z.array(z.string()),
  keywords: z.array(z.string()),
  category: z.string(),
  sentiment: z.object({
    label: z.enum(['negative', 'neutral', 'positive']),
    score: z.number().min(-1).max(1),
    evidence: z.array(z.string()),
  }),
  sensitivity: z.object({
    score: z.number().min(0).max(100),
    categories: z.array(z.string()),
    evidence: z.array(z.object({ category: z.string(), terms: z.array(z.string()) })),
  }),
  regions: z.array(
    z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city', 'county']) }),
  ),
  persons: z.array(z.string()),
  orgs: z.array(z.string()),
  places: z.array(z.string()),
  /** 64-bit SimHash, 16 hex digits. */
  simhash: z.string().regex(/^[0-9a-f]{16}$/),
  /** Fingerprints of the longest sentences, which find reprints the SimHash misses (analyzer `dedup/`). */
  passages: z.array(z.number().int().nonnegative()).optional(),
  duplicateOf: z.string().nullable(),
  topicId: z.string().nullable(),
});
export type AnalyzedDocument = z.infer<typeof AnalyzedDocumentSchema>;

export const ROLES = ['admin', 'leader', 'analyst', 'editor', 'chief_editor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: z.string().min(1),
  username: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, 'letters, digits, _ . - (2 to 64)'),
  displayName: z.string(),
  roles: z.array(RoleSchema).min(1),
  departmentId: z.string().min(1),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  engine: z.enum(['embedded', 'remote']),
  documents: z.number().int().nonnegative(),
  analyzed: z.number().int().nonnegative(),
});
export type Health = z.infer<typeof HealthSchema>;

/** ClickHouse prints DateTime64 as `YYYY-MM-DD hh:mm:ss.sss` in UTC; this makes it ISO 8601. */
export function fromClickHouseTime(value: string): string;
export function fromClickHouseTime(value: string | null): string | null;
export function fromClickHouseTime(value: string | null): string | null {
  return value === null ? null : `${value.replace(' ', 'T')}${value.includes('.') ? '' : '.000'}Z`;
}

/** DateTime64 columns take epoch milliseconds: exact, and free of time-zone parsing. */
export function toClickHouseTime(iso: string): number;
export function toClickHouseTime(iso: string | null): number | null;
export function toClickHouseTime(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}

/** Mailbox letter states, 受理 → 交办 → 办理中 → 已答复 → 办结 (here so the dashboard's bundle can validate them). */
export const LETTER_STATES = ['received', 'assigned', 'replying', 'replied', 'closed'] as const;
