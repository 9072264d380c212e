/**
 * A topic's keyword and keyword-pair counts (词群关系) on a real embedded store.
 * Fixture story: topic `t-flood` has ten stories, five on the metro (暴雨 地铁 停运 乘客), four on
 * the rescue (暴雨 消防 救援 被困) and one with both (暴雨 地铁 救援); `f-09` was first analysed
 * with other keywords (台风 …) and analysed again (the newest analysis counts). Two reprints of
 * `f-01` carry 转载 and must not count; `s-01` of another topic has the metro words; `f-00` lists
 * 暴雨 twice and ten keywords in all, of which only the first eight count. The metro stories are
 * stored before migration 0017, the rest after.
 */
import { createLogger, loadConfig, migrate, openStore, readMigrations, type Store } from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { getTopicKeywordCounts } from './getTopicKeywordCounts.ts';

const T0 = Date.parse('2026-11-20T02:00:00Z');
const METRO = ['暴雨', '地铁', '停运', '乘客'];
const RESCUE = ['暴雨', '消防', '救援', '被困'];

const tmp = tempDir('topic-keyword-counts');
let store: Store;

function doc(id: string, keywords: string[], over: Record<string, unknown> = {}) {
  return {
    id,
    url: `http://example.test/${id}.html`,
    source: 'fixture',
    site: 'example.test',
    media_type: 'news',
    title: id,
    summary: '',
    published_at: T0,
    fetched_at: T0,
    analyzed_at: T0,
    content_hash: id,
    tokens: [],
    keywords,
    topic_id: 't-flood',
    ...over,
  };
}

beforeAll(async () => {
  const logger = createLogger('silent');
  store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
  // The metro stories are stored before migration 0017: its back-fill must count them.
  await migrate(
    store,
    logger,
    readMigrations().filter((m) => m.version < 17),
  );
  await store.insert('documents', [
    doc('f-00', ['暴雨', '地铁', '暴雨', '停运', '乘客', '一', '二', '三', '四', '五']),
    ...['f-01', 'f-02', 'f-03', 'f-04'].map((id) => doc(id, METRO)),
  ]);
  await migrate(store, logger);
  await store.insert('documents', [
    ...['f-05', 'f-06', 'f-07', 'f-08'].map((id) => doc(id, RESCUE)),
    doc('f-09', ['台风', '地铁', '停运']),
    doc('r-01', ['转载', '暴雨', '地铁'], { duplicate_of: 'f-01' }),
    doc('r-02', ['转载', '暴雨', '地铁'], { duplicate_of: 'f-01' }),
    doc('s-01', METRO, { topic_id: 't-other' }),
  ]);
  await store.insert('documents', [doc('f-09', ['暴雨', '地铁', '救援'], { analyzed_at: T0 + 60_000 })]);
});

afterAll(async () => {
  await store?.close();
  tmp.cleanup();
});

describe('getTopicKeywordCounts', () => {
  it('counts each story of the topic once, by its newest analysis and strongest keywords', async () => {
    const { words, pairs } = await getTopicKeywordCounts(store, 't-flood');
    expect(words).toEqual(
      [
        { word: '暴雨', documents: 10 },
        { word: '地铁', documents: 6 },
        { word: '乘客', documents: 5 },
        { word: '停运', documents: 5 },
        { word: '救援', documents: 5 },
        { word: '一', documents: 1 },
        { word: '三', documents: 1 },
        { word: '二', documents: 1 },
        { word: '四', documents: 1 },
        { word: '消防', documents: 4 },
        { word: '被困', documents: 4 },
      ].sort((x, y) => y.documents - x.documents || (x.word < y.word ? -1 : 1)),
    );
    const pair = (a: string, b: string) =>
      pairs.find((p) => p.a === [a, b].sort()[0] && p.b === [a, b].sort()[1])?.documents;
    expect(pair('地铁', '停运')).toBe(5);
    expect(pair('暴雨', '地铁')).toBe(6);
    expect(pair('消防', '被困')).toBe(4);
    // One document only: below the two a pair needs.
    expect(pair('地铁', '救援')).toBeUndefined();
    expect(pair('一', '二')).toBeUndefined();
    for (const p of pairs) expect(p.a < p.b, `${p.a}–${p.b}`).toBe(true);
    expect(pairs.map((p) => p.documents)).toEqual([...pairs.map((p) => p.documents)].sort((a, b) => b - a));
  });

  it('takes its limits, and answers an unknown topic with nothing', async () => {
    const small = await getTopicKeywordCounts(store, 't-flood', {
      words: 3,
      minPairDocuments: 1,
      perDocument: 3,
    });
    expect(small.words.map((w) => w.word)).toEqual(['暴雨', '地铁', '停运']);
    expect(small.pairs.every((p) => ['暴雨', '地铁', '停运'].includes(p.a))).toBe(true);
    expect(small.pairs.find((p) => p.a === '地铁' && p.b === '暴雨')?.documents).toBe(6);
    expect(await getTopicKeywordCounts(store, 'nope')).toEqual({ words: [], pairs: [] });
  });
});
