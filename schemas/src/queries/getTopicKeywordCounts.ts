import type { BuiltQuery, Store } from '../store/engine.ts';

/**
 * Keyword counts of a topic for its word groups (词群关系): in how many of the topic's stories each
 * keyword occurs, and each pair of the most frequent keywords. A reprint (`duplicate_of` set)
 * repeats its original's words, so each story counts once. Only a document's strongest keywords
 * count (they are stored by TF-IDF weight): the tail of a long list is mostly noise.
 */
export interface TopicKeywordCountsOptions {
  /** Keywords read from each document, strongest first (at most 8 are stored). */
  perDocument?: number;
  /** Most frequent keywords returned, and paired. */
  words?: number;
  /** Pairs must share at least this many documents. */
  minPairDocuments?: number;
  /** Pairs returned at most, most frequent first. */
  maxPairs?: number;
}

export interface TopicKeywordCounts {
  words: { word: string; documents: number }[];
  pairs: { a: string; b: string; documents: number }[];
}

const DEFAULTS: Required<TopicKeywordCountsOptions> = {
  perDocument: 8,
  words: 40,
  minPairDocuments: 2,
  maxPairs: 400,
};

/**
 * A topic's stories' strongest keywords (topic_keywords, migration 0017: at most eight a
 * document); `{words}` keeps only those words when given.
 */
const keywordsOf = (only: boolean) => `SELECT ${
  only
    ? 'arrayFilter(w -> has({words:Array(String)}, w), arraySlice(keywords, 1, {perDocument:UInt8}))'
    : 'arraySlice(keywords, 1, {perDocument:UInt8})'
} AS kw
      FROM topic_keywords FINAL
      WHERE topic_id = {topicId:String} AND reprint = 0`;

export function buildTopicKeywordWordsQuery(
  topicId: string,
  o: Required<TopicKeywordCountsOptions>,
): BuiltQuery {
  return {
    query: `SELECT w AS word, count() AS documents
      FROM (${keywordsOf(false)})
      ARRAY JOIN kw AS w
      GROUP BY w
      ORDER BY documents DESC, w
      LIMIT {limit:UInt32}`,
    params: { topicId, perDocument: o.perDocument, limit: o.words },
  };
}

/** Each pair once, its words in sorted order, from every two keywords of a document. */
export function buildTopicKeywordPairsQuery(
  topicId: string,
  words: readonly string[],
  o: Required<TopicKeywordCountsOptions>,
): BuiltQuery {
  return {
    query: `SELECT tupleElement(p, 1) AS a, tupleElement(p, 2) AS b, count() AS documents
      FROM (${keywordsOf(true)})
      ARRAY JOIN arrayFlatten(arrayMap((x, i) -> arrayMap(y -> (least(x, y), greatest(x, y)), arraySlice(kw, i + 1)), kw, arrayEnumerate(kw))) AS p
      GROUP BY a, b
      HAVING documents >= {minPair:UInt32}
      ORDER BY documents DESC, a, b
      LIMIT {limit:UInt32}`,
    params: {
      topicId,
      words: [...words],
      perDocument: o.perDocument,
      minPair: o.minPairDocuments,
      limit: o.maxPairs,
    },
  };
}

export async function getTopicKeywordCounts(
  store: Store,
  topicId: string,
  options: TopicKeywordCountsOptions = {},
): Promise<TopicKeywordCounts> {
  const o = { ...DEFAULTS, ...options };
  const words = (
    await store.query<{ word: string; documents: number | string }>(
      'getTopicKeywordWords',
      buildTopicKeywordWordsQuery(topicId, o),
    )
  ).map((r) => ({ word: r.word, documents: Number(r.documents) }));
  if (words.length < 2) return { words, pairs: [] };
  const pairs = await store.query<{ a: string; b: string; documents: number | string }>(
    'getTopicKeywordPairs',
    buildTopicKeywordPairsQuery(
      topicId,
      words.map((w) => w.word),
      o,
    ),
  );
  return { words, pairs: pairs.map((r) => ({ a: r.a, b: r.b, documents: Number(r.documents) })) };
}
