import { fromClickHouseTime } from '../records.ts';
import type { BuiltQuery, Store } from '../store/engine.ts';
import { BEFORE_CURSOR, cursorParams } from './getLatestDocuments.ts';

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

function addCursor(f: SearchFilter, where: string[], params: Record<string, unknown>): void {
  if (!f.cursor) return;
  where.push(BEFORE_CURSOR);
  Object.assign(params, cursorParams(f));
}

export function buildSearchDocumentsQuery(f: SearchFilter): BuiltQuery {
  const { where, params } = buildSearchWhere(f);
  addCursor(f, where, params);
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

/**
 * The newest `take` rows of document_list (migrations/0015) that pass the filters, read backwards
 * along its time order and stopped there, which FINAL would not allow: so they may include a
 * document's older analyses, which `searchDocuments` drops. Only for searches without words.
 */
export function buildListCandidatesQuery(f: SearchFilter, take: number): BuiltQuery {
  const { where, params } = buildSearchWhere({ ...f, all: [], none: [] });
  addCursor(f, where, params);
  params.take = take;
  return {
    query: `SELECT ${COLUMNS}, toUnixTimestamp64Milli(analyzed_at) AS analyzed
      FROM document_list
      ${where.length > 0 ? `WHERE ${where.join('\n        AND ')}` : ''}
      ORDER BY event_time DESC, id DESC
      LIMIT {take:UInt32}`,
    params,
  };
}

/** Each document's newest analysis time in document_list. */
export function buildNewestAnalysesQuery(ids: string[]): BuiltQuery {
  return {
    query: `SELECT id, toUnixTimestamp64Milli(max(analyzed_at)) AS analyzed
      FROM document_list
      WHERE id IN {ids:Array(String)}
      GROUP BY id`,
    params: { ids },
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
  const withoutWords = filter.all.length === 0 && filter.none.length === 0;
  const rows =
    (withoutWords ? await readNewestPage(store, filter) : null) ??
    (await store.query<Row>('searchDocuments', buildSearchDocumentsQuery(filter)));
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

/**
 * A page of a search without words from document_list: of its newest rows that pass the filters,
 * those that are their document's newest analysis. Every document's newest analysis has a row
 * there, so when a page of them came (or the table had no more rows), they are the page. Else
 * (older analyses in the way) null: the caller reads documents in full.
 */
async function readNewestPage(store: Store, filter: SearchFilter): Promise<Row[] | null> {
  const take = 2 * filter.limit + 10;
  const rows = await store.query<Row & { analyzed: number | string }>(
    'searchDocumentList',
    buildListCandidatesQuery(filter, take),
  );
  if (rows.length === 0) return [];
  const newest = await store.query<{ id: string; analyzed: number | string }>(
    'searchDocumentListNewest',
    buildNewestAnalysesQuery([...new Set(rows.map((r) => r.id))]),
  );
  const newestOf = new Map(newest.map((r) => [r.id, Number(r.analyzed)]));
  const page: Row[] = [];
  const taken = new Set<string>();
  for (const row of rows) {
    if (Number(row.analyzed) !== newestOf.get(row.id) || taken.has(row.id)) continue;
    taken.add(row.id);
    page.push(row);
    if (page.length === filter.limit) return page;
  }
  return rows.length < take ? page : null;
}
