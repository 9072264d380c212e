import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * Full-text search over the jieba tokens of documents, using the `tokens_text` text index
 * (`has` / `hasAllTokens`), with filters. The dashboard parses the user's query language and
 * segments it; this read model only sees tokens.
 */

/** One search term: all its tokens must be present; a phrase must also occur in the text. */
export interface TokenTerm {
  tokens: string[];
  phrase?: string;
}

export interface SearchFilter {
  /** AND over the groups, OR within a group. */
  all: TokenTerm[][];
  none: TokenTerm[];
  from?: string;
  to?: string;
  sources?: string[];
  mediaTypes?: string[];
  sentiments?: string[];
  categories?: string[];
  /** GB/T 2260 code prefixes: `44` (a province), `4401` (a city), `440106` (a county). */
  regionPrefixes?: string[];
  /** Minimum sensitivity score (0-100). */
  minSensitivity?: number;
  limit: number;
  cursor?: { eventTime: string; id: string };
}

export interface SearchHit {
  id: string;
  url: string;
  source: string;
  site: string;
  mediaType: string;
  title: string;
  summary: string;
  publishedAt: string | null;
  fetchedAt: string;
  eventTime: string;
  keywords: string[];
  category: string;
  sentiment: string;
  sensitivityScore: number;
  regionNames: string[];
}

/** Builds the WHERE clause; every value is a server-side parameter. Exported for the count query. */
export function buildSearchWhere(f: Omit<SearchFilter, 'limit' | 'cursor'>): {
  where: string[];
  params: Record<string, unknown>;
} {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  let n = 0;
  const term = (t: TokenTerm): string | null => {
    const tokens = [...new Set(t.tokens.filter((x) => x.length > 0))];
    if (tokens.length === 0 && !t.phrase) return null;
    const k = n++;
    const parts: string[] = [];
    if (tokens.length === 1) {
      parts.push(`has(tokens, {t${k}:String})`);
      params[`t${k}`] = tokens[0];
    } else if (tokens.length > 1) {
      parts.push(`hasAllTokens(tokens, {t${k}:Array(String)})`);
      params[`t${k}`] = tokens;
    }
    if (t.phrase) {
      // The tokens narrow the candidates through the index; the phrase is then checked in the text.
      params[`p${k}`] = t.phrase;
      const inText = `positionCaseInsensitiveUTF8(title, {p${k}:String}) > 0 OR positionCaseInsensitiveUTF8(summary, {p${k}:String}) > 0`;
      const candidates = tokens.length > 0 ? `id IN (SELECT id FROM documents WHERE ${parts[0]}) AND ` : '';
      parts.push(
        `(${inText} OR id IN (SELECT id FROM raw_documents WHERE ${candidates}positionCaseInsensitiveUTF8(body, {p${k}:String}) > 0))`,
      );
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  };
  for (const group of f.all) {
    const ors = group.map(term).filter((s): s is string => s !== null);
    if (ors.length > 0) where.push(ors.length === 1 ? (ors[0] as string) : `(${ors.join(' OR ')})`);
  }
  for (const t of f.none) {
    const sql = term(t);
    if (sql) where.push(`NOT ${sql}`);
  }
  if (f.from) {
    where.push("event_time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')");
    params.from = Date.parse(f.from);
  }
  if (f.to) {
    where.push("event_time < fromUnixTimestamp64Milli({to:Int64}, 'UTC')");
    params.to = Date.parse(f.to);
  }
  const inList = (column: string, name: string, values: string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN {${name}:Array(String)}`);
    params[name] = values;
  };
  inList('source', 'sources', f.sources);
  inList('media_type', 'mediaTypes', f.mediaTypes);
  inList('sentiment_label', 'sentiments', f.sentiments);
  inList('category', 'categories', f.categories);
  if (f.regionPrefixes && f.regionPrefixes.length > 0) {
    where.push('arrayExists(c -> arrayExists(p -> startsWith(c, p), {regions:Array(String)}), region_codes)');
    params.regions = f.regionPrefixes;
  }
  if (f.minSensitivity !== undefined) {
    where.push('sensitivity_score >= {minSensitivity:UInt8}');
    params.minSensitivity = f.minSensitivity;
  }
  return { where, params };
}

const COLUMNS = `id, url, source, site, media_type, title, summary, published_at, fetched_at, event_time,
  keywords, category, sentiment_label, sensitivity_score, region_names`;

export function buildSearchDocumentsQuery(f: SearchFilter): BuiltQuery {
  const { where, params } = buildSearchWhere(f);
  if (f.cursor) {
    where.push("(event_time, id) < (fromUnixTimestamp64Milli({cursorTime:Int64}, 'UTC'), {cursorId:String})");
    params.cursorTime = Date.parse(f.cursor.eventTime);
    params.cursorId = f.cursor.id;
  }
  params.limit = f.limit;
  return {
    query: `SELECT ${COLUMNS}
      FROM documents FINAL
      ${where.length > 0 ? `WHERE ${where.join('\n        AND ')}` : ''}
      ORDER BY event_time DESC, id DESC
      LIMIT {limit:UInt32}`,
    params,
  };
}

export function buildSearchCountQuery(f: Omit<SearchFilter, 'limit' | 'cursor'>): BuiltQuery {
  const { where, params } = buildSearchWhere(f);
  return {
    query: `SELECT count() AS total FROM documents FINAL ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  };
}

interface Row {
  id: string;
  url: string;
  source: string;
  site: string;
  media_type: string;
  title: string;
  summary: string;
  published_at: string | null;
  fetched_at: string;
  event_time: string;
  keywords: string[];
  category: string;
  sentiment_label: string;
  sensitivity_score: number;
  region_names: string[];
}

export async function searchDocuments(
  store: Store,
  filter: SearchFilter,
): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
  const rows = await store.query<Row>('searchDocuments', buildSearchDocumentsQuery(filter));
  const items = rows.map((r) => ({
    id: r.id,
    url: r.url,
    source: r.source,
    site: r.site,
    mediaType: r.media_type,
    title: r.title,
    summary: r.summary,
    publishedAt: fromClickHouseTime(r.published_at),
    fetchedAt: fromClickHouseTime(r.fetched_at),
    eventTime: fromClickHouseTime(r.event_time),
    keywords: r.keywords,
    category: r.category,
    sentiment: r.sentiment_label,
    sensitivityScore: Number(r.sensitivity_score),
    regionNames: r.region_names,
  }));
  const last = items.at(-1);
  const nextCursor = last && rows.length === filter.limit ? `${last.eventTime}|${last.id}` : null;
  return { items, nextCursor };
}

export async function countSearchDocuments(
  store: Store,
  filter: Omit<SearchFilter, 'limit' | 'cursor'>,
): Promise<number> {
  const [row] = await store.query<{ total: number | string }>(
    'countSearchDocuments',
    buildSearchCountQuery(filter),
  );
  return Number(row?.total ?? 0);
}
