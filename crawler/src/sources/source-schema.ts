import { MediaTypeSchema } from '@yuqing/schemas';
import { z } from 'zod';

export const SOURCE_KINDS = ['site', 'feed', 'sitemap'] as const;

export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (compatible; yuqing-crawler/0.1; +https://github.com/yuqing/yuqing)';

/** A regular expression written as a string in YAML; it must compile. Matched against the full URL. */
const Pattern = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Fields every kind shares: identity, ownership, politeness and limits. */
const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and - (at most 64), e.g. gov-news'),
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  /** The department that owns the source (crawled content itself is shared). */
  department: z.string().default(''),
  mediaType: MediaTypeSchema.default('news'),
  /** GB/T 2260 code or place name the source is about, if any. */
  region: z.string().default(''),
  /** How much weight the source's reports carry, 0 to 1; unset, its media type's (government 0.9 … forum 0.25). */
  authority: z.number().min(0).max(1).optional(),
  intervalMinutes: z.number().int().min(1).max(10_080).default(30),
  /** Requests per second per host. */
  rate: z.number().positive().max(1000).default(1),
  concurrency: z.number().int().min(1).max(64).default(2),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  maxPagesPerRun: z.number().int().min(1).max(100_000).default(200),
  /** A discovered URL is followed only if it matches one of these (when any are given)... */
  include: z.array(Pattern).default([]),
  /** ...and none of these. */
  exclude: z.array(Pattern).default([]),
  /** Pages that need JavaScript are fetched with a browser (Playwright). */
  render: z.boolean().default(false),
  /** Largest response read, in bytes; a bigger one is cut off and recorded as `too_large`. */
  maxBytes: z.number().int().min(1024).max(100_000_000).default(5_000_000),
  /** Per request, from connect to the last byte. */
  timeoutSeconds: z.number().min(1).max(300).default(20),
  /** Retries after a 429, a 5xx, a timeout or a network error (with backoff). */
  maxRetries: z.number().int().min(0).max(10).default(2),
  /** Pagination guard: a link to page N > this (`?page=N`, `list_N.html` …) is not followed. */
  maxPagination: z.number().int().min(1).max(10_000).default(100),
};

export const SiteSourceSchema = z.object({
  ...common,
  kind: z.literal('site'),
  startUrls: z.array(HttpUrl).min(1),
  /** Link hops from a start URL (pagination counts). */
  maxDepth: z.number().int().min(0).max(100).default(3),
  /**
   * Which pages are articles (stored); other pages are only followed. Without patterns, a page is
   * an article unless it is a start URL or its path looks like a list or index page.
   */
  articlePatterns: z.array(Pattern).default([]),
});

export const FeedSourceSchema = z.object({
  ...common,
  kind: z.literal('feed'),
  urls: z.array(HttpUrl).min(1),
  /** Also fetch each item's page for the full text. */
  fetchArticles: z.boolean().default(true),
});

export const SitemapSourceSchema = z.object({
  ...common,
  kind: z.literal('sitemap'),
  urls: z.array(HttpUrl).min(1),
});

export const SourceSchema = z.discriminatedUnion('kind', [
  SiteSourceSchema,
  FeedSourceSchema,
  SitemapSourceSchema,
]);

export type SiteSource = z.infer<typeof SiteSourceSchema>;
export type FeedSource = z.infer<typeof FeedSourceSchema>;
export type SitemapSource = z.infer<typeof SitemapSourceSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type SourceKind = Source['kind'];
/** What a config file may leave out (everything with a default). */
export type SourceInput = z.input<typeof SourceSchema>;
