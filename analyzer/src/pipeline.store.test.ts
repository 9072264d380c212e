/**
 * The analyzer loop on a real embedded store. Fixture story: three raw documents from source
 * `pipeline` fetched a minute apart; the third arrives after the first run.
 */
import {
  createLogger,
  getHealthCounts,
  getLatestDocuments,
  getWatermark,
  loadConfig,
  migrate,
  openStore,
  type RawDocument,
  type Store,
  writeRawDocuments,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { ANALYZE_STAGE, analyzeOnce } from './pipeline.ts';

const logger = createLogger('silent');
const raw = (n: number, title: string, body: string): RawDocument => ({
  id: `doc-${n}`,
  url: `http://demo.test/${n}.html`,
  canonicalUrl: `http://demo.test/${n}.html`,
  source: 'pipeline',
  site: 'demo.test',
  mediaType: 'news',
  title,
  body,
  author: '',
  publishedAt: `2026-11-20T0${n}:00:00.000Z`,
  fetchedAt: `2026-11-20T10:0${n}:00.000Z`,
  contentHash: `h${n}`,
});

describe('analyzeOnce', () => {
  let store: Store;
  const tmp = tempDir('analyzer');
  beforeAll(async () => {
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('analyzes what is new, moves the watermark, and never analyzes twice', async () => {
    await writeRawDocuments(store, [
      raw(1, '某市发布暴雨红色预警', '气象台发布暴雨红色预警，全市中小学停课。'),
      raw(2, '高速公路发生交通事故', '今天上午高速公路发生多车追尾交通事故，交警正在处置。'),
    ]);
    expect(await analyzeOnce(store, { logger, batchSize: 1 })).toEqual({ analyzed: 2 });
    expect(await getWatermark(store, ANALYZE_STAGE)).toEqual({
      time: '2026-11-20T10:02:00.000Z',
      id: 'doc-2',
    });
    expect(await analyzeOnce(store, { logger })).toEqual({ analyzed: 0 });

    await writeRawDocuments(store, [raw(3, '食品安全抽检结果公布', '市场监管局公布食品安全抽检结果。')]);
    expect(await analyzeOnce(store, { logger })).toEqual({ analyzed: 1 });
    expect(await getHealthCounts(store)).toEqual({ documents: 3, analyzed: 3 });

    const { items } = await getLatestDocuments(store, { limit: 10 });
    expect(items.map((d) => d.id)).toEqual(['doc-3', 'doc-2', 'doc-1']);
    expect(items[2]?.keywords).toContain('暴雨');
    expect(items[1]?.summary).toContain('追尾');
  });
});
