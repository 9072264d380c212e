import { MEDIA_TYPES, type SearchFilter, type TokenTerm } from '@yuqing/schemas';
import { z } from 'zod';
import {
  highlightTerms,
  type ParsedQuery,
  parseQuery,
  QueryError,
  type SearchTerm,
} from '../search/query-language.ts';
import { analyzer } from './analyzer.ts';

/** Search request parameters shared by GET /api/documents, the export and the /search page. */

const isoTime = z.iso.datetime({ offset: true, message: '须为 ISO 8601 时间，如 2025-03-01T08:00:00Z' });
/** A comma-separated list whose items all pass `ok`; the error names the parameter, not an index. */
function csv<T extends string>(ok: (v: string) => v is T, message: string) {
  return z.string().transform((s, ctx) => {
    const values = s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length > 20 || !values.every(ok)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return values as T[];
  });
}
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: string): v is T =>
    (values as readonly string[]).includes(v);
const shortText = (v: string): v is string => v.length <= 64;

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

/** `ISO|id`, as the search returns it in `nextCursor`. */
const CursorSchema = z.string().transform((value, ctx) => {
  const bar = value.indexOf('|');
  const eventTime = value.slice(0, bar);
  const id = value.slice(bar + 1);
  if (bar < 1 || id === '' || !isoTime.safeParse(eventTime).success) {
    ctx.addIssue({ code: 'custom', message: '游标格式应为 “ISO时间|id”，请使用上一页返回的 nextCursor' });
    return z.NEVER;
  }
  return { eventTime, id };
});

const QueryText = z
  .string()
  .max(500, '检索式过长（最多 500 字）')
  .transform((q, ctx) => {
    try {
      return { text: q, parsed: parseQuery(q) };
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });

export const SearchFiltersSchema = z
  .object({
    q: QueryText.optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    source: csv(shortText, 'source 须为来源名，可用逗号分隔多个（最多 20 个）').optional(),
    mediaType: csv(
      oneOf(MEDIA_TYPES),
      `mediaType 须为 ${MEDIA_TYPES.join('、')} 之一，可用逗号分隔多个`,
    ).optional(),
    sentiment: csv(
      oneOf(SENTIMENTS),
      'sentiment 须为 negative、neutral、positive 之一，可用逗号分隔多个',
    ).optional(),
    category: csv(shortText, 'category 须为分类名，可用逗号分隔多个（最多 20 个）').optional(),
    region: csv(
      (v): v is string => /^\d{6}$/.test(v),
      'region 须为 6 位行政区划代码，如 440000 或 440100，可用逗号分隔多个',
    ).optional(),
    minSensitivity: z.coerce
      .number({ message: 'minSensitivity 须为 0 到 100 的整数' })
      .int('minSensitivity 须为 0 到 100 的整数')
      .min(0, 'minSensitivity 须为 0 到 100 的整数')
      .max(100, 'minSensitivity 须为 0 到 100 的整数')
      .optional(),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'from 须早于 to',
    path: ['from'],
  });

export const SearchQuerySchema = SearchFiltersSchema.and(
  z.object({
    limit: z.coerce
      .number({ message: 'limit 须为 1 到 200 之间的整数' })
      .int('limit 须为 1 到 200 之间的整数')
      .min(1, 'limit 须为 1 到 200 之间的整数')
      .max(200, 'limit 须为 1 到 200 之间的整数')
      .default(20),
    cursor: CursorSchema.optional(),
  }),
);
export type SearchFilters = z.output<typeof SearchFiltersSchema>;
export type SearchQuery = z.output<typeof SearchQuerySchema>;

/** `440000` → `44`, `440100` → `4401`, `440106` → `440106`: the prefix every code below it shares. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

function toTokenTerm(term: SearchTerm, cut: (text: string) => string[]): TokenTerm {
  const tokens = cut(term.text);
  return term.kind === 'phrase' ? { tokens, phrase: term.text } : { tokens };
}

/** Compiles the parsed query into token terms with jieba (the same segmentation as the analyzer). */
export function compileQuery(
  parsed: ParsedQuery,
  cut: (text: string) => string[],
): Pick<SearchFilter, 'all' | 'none'> {
  return {
    all: parsed.all.map((group) => group.map((t) => toTokenTerm(t, cut))),
    none: parsed.none.map((t) => toTokenTerm(t, cut)),
  };
}

/** The read model's filter (without paging) and the words to highlight; `cut` defaults to jieba. */
export async function toSearchFilter(
  f: SearchFilters,
  cut?: (text: string) => string[],
): Promise<{ filter: Omit<SearchFilter, 'limit' | 'cursor'>; highlight: string[] }> {
  const segment = cut ?? (await analyzer()).segment;
  const compiled = f.q ? compileQuery(f.q.parsed, segment) : { all: [], none: [] };
  const highlight = f.q
    ? [...new Set([...highlightTerms(f.q.parsed), ...compiled.all.flat().flatMap((t) => t.tokens)])]
    : [];
  return {
    filter: {
      ...compiled,
      from: f.from,
      to: f.to,
      sources: f.source,
      mediaTypes: f.mediaType,
      sentiments: f.sentiment,
      categories: f.category,
      regionPrefixes: f.region?.map(regionPrefix),
      minSensitivity: f.minSensitivity,
    },
    highlight,
  };
}
