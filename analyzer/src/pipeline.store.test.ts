/**
 * The analyzer loop on a real embedded store. Fixture story: a rainstorm warning in 杭州 and a
 * highway accident are fetched first; later a food-safety complaint arrives, and after a
 * "restart" (a fresh corpus restored from the store) a reprint of the rainstorm story. Then
 * two more rainstorm reports reach the observers, one of which fails.
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
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/temp-dir.ts';
import { hamming } from './dedup/index.ts';
import type { DocumentObserver } from './observer.ts';
import { createObservers } from './observers.ts';
import { savePerson } from './people/crud.ts';
import { ANALYZE_STAGE, analyzeOnce, restoreCorpus, restoreState } from './pipeline.ts';
import { TextAnalyzer } from './text-analyzer.ts';

const logger = createLogger('silent');
const RAIN =
  '杭州市气象台今天上午发布暴雨红色预警，预计未来三小时西湖区、余杭区累计雨量将超过一百毫米，全市中小学停课，地铁部分站点临时关闭，市防汛指挥部提醒市民尽量减少外出，注意防范城市内涝和山洪地质灾害。';
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

interface StoredAnalysis {
  id: string;
  category: string;
  sentiment_label: string;
  sensitivity_score: number;
  sensitivity_categories: string[];
  region_codes: string[];
  duplicate_of: string;
}

describe('analyzeOnce', () => {
  let store: Store;
  const tmp = tempDir('analyzer');
  const analyzer = new TextAnalyzer(1);
  beforeAll(async () => {
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
  });
  afterAll(async () => {
    await analyzer.close();
    await store.close();
    tmp.cleanup();
  });

  const stored = async () =>
    store.query<StoredAnalysis>('analysis', {
      query: `SELECT id, category, sentiment_label, sensitivity_score, sensitivity_categories, region_codes, duplicate_of
        FROM documents FINAL ORDER BY id`,
      params: {},
    });

  it('analyzes what is new in worker threads, moves the watermark, and never analyzes twice', async () => {
    const before = Date.now();
    await writeRawDocuments(store, [
      raw(1, '杭州发布暴雨红色预警', RAIN),
      raw(
        2,
        '高速公路发生多车追尾事故',
        '今天上午沪昆高速发生多车追尾交通事故，造成三人死亡五人受伤，交警正在处置。',
      ),
    ]);
    const corpus = await restoreCorpus(store);
    expect(await analyzeOnce(store, { logger, analyzer, corpus, batchSize: 1 })).toEqual({ analyzed: 2 });
    // The watermark follows the write time, not the fetch time.
    const mark = await getWatermark(store, ANALYZE_STAGE);
    expect(mark.id).toBe('doc-2');
    expect(Date.parse(mark.time)).toBeGreaterThanOrEqual(before);
    expect(await analyzeOnce(store, { logger, analyzer, corpus })).toEqual({ analyzed: 0 });

    await writeRawDocuments(store, [
      raw(
        3,
        '投诉：学校食堂饭菜变质',
        '家长投诉学校食堂饭菜发霉变质，多名学生食物中毒住院，学校至今不作为，太气愤了！',
      ),
    ]);
    expect(await analyzeOnce(store, { logger, analyzer, corpus })).toEqual({ analyzed: 1 });
    expect(await getHealthCounts(store)).toEqual({ documents: 3, analyzed: 3 });

    const { items } = await getLatestDocuments(store, { limit: 10 });
    expect(items.map((d) => d.id)).toEqual(['doc-3', 'doc-2', 'doc-1']);
    expect(items[2]?.keywords).toContain('暴雨');

    const [rain, crash, complaint] = await stored();
    expect(rain?.region_codes).toContain('330100');
    expect(crash?.sensitivity_score).toBeGreaterThan(0);
    expect(complaint?.sentiment_label).toBe('negative');
    expect(complaint?.sensitivity_categories.length).toBeGreaterThan(0);
  });

  it('finds a reprint of an earlier document after a restart', async () => {
    const corpus = await restoreCorpus(store);
    await writeRawDocuments(store, [raw(4, '转载：杭州暴雨红色预警', `${RAIN}（来源：某某新闻客户端）`)]);
    expect(await analyzeOnce(store, { logger, analyzer, corpus })).toEqual({ analyzed: 1 });
    const reprint = (await stored()).find((d) => d.id === 'doc-4');
    expect(reprint?.duplicate_of).toBe('doc-1');
  });

  it('finds, after a restart, a reprint with a comment in front by its passages', async () => {
    const corpus = await restoreCorpus(store);
    const comment = '这雨也太大了吧，大家出门一定要注意安全啊！';
    await writeRawDocuments(store, [raw(5, '网友热议杭州暴雨', `${comment}${RAIN}`)]);
    expect(await analyzeOnce(store, { logger, analyzer, corpus })).toEqual({ analyzed: 1 });
    const hashes = await store.query<{ id: string; simhash: string; passages: string[] }>('passages', {
      query: `SELECT id, toString(simhash) AS simhash, passages FROM documents FINAL WHERE id IN ('doc-1', 'doc-5') ORDER BY id`,
      params: {},
    });
    const [original, reprint] = hashes.map((h) => BigInt(h.simhash));
    expect(hamming(original as bigint, reprint as bigint)).toBeGreaterThan(3); // too far for the SimHash
    expect(hashes[1]?.passages).toContain(hashes[0]?.passages[0]);
    expect((await stored()).find((d) => d.id === 'doc-5')?.duplicate_of).toBe('doc-1');
  });

  it('gives documents topics and hands each stored batch to the observers, one failing', async () => {
    const lines: Array<{ msg: string; observer?: string; err?: { message: string } }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const calls: string[] = [];
    const failing: DocumentObserver = {
      name: 'broken-plans',
      restore: async () => {
        calls.push('restore broken-plans');
        throw new Error('plans table missing');
      },
      onDocuments: async () => {
        throw new Error('boom');
      },
    };
    const recording: DocumentObserver = {
      name: 'recorder',
      restore: async () => {
        calls.push('restore recorder');
      },
      onDocuments: async (docs, context) => {
        // The batch is already stored when observers see it.
        const stored = await getLatestDocuments(context.store, { limit: 10 });
        const ids = new Set(stored.items.map((d) => d.id));
        calls.push(`batch ${docs.map((d) => `${d.id}:${ids.has(d.id)}:${d.topicId !== null}`).join(',')}`);
      },
    };
    const state = await restoreState(store, log, { observers: [failing, recording] });
    await writeRawDocuments(store, [
      raw(5, '杭州暴雨红色预警持续', `${RAIN.slice(0, 60)}防汛指挥部启动一级应急响应。`),
      raw(6, '杭州暴雨：地铁停运', `杭州暴雨红色预警，${RAIN.slice(30, 90)}`),
    ]);
    expect(await analyzeOnce(store, { logger: log, analyzer, state, batchSize: 1 })).toEqual({ analyzed: 2 });
    expect(calls).toEqual([
      'restore broken-plans',
      'restore recorder',
      'batch doc-5:true:true',
      'batch doc-6:true:true',
    ]);
    const failures = lines.filter((l) => l.observer === 'broken-plans');
    expect(failures.map((l) => l.err?.message)).toEqual(['plans table missing', 'boom', 'boom']);
    expect(await getWatermark(store, ANALYZE_STAGE)).toEqual({
      time: expect.any(String),
      id: 'doc-6',
    });
    const topics = await store.query<{ id: string; topic_id: string }>('topics', {
      query:
        "SELECT id, topic_id FROM documents FINAL WHERE id IN ('doc-1', 'doc-4', 'doc-5', 'doc-6') ORDER BY id",
      params: {},
    });
    // The rainstorm reports after the restart join the rainstorm's topic.
    expect(new Set(topics.map((t) => t.topic_id)).size).toBe(1);
    expect(topics[0]?.topic_id).toMatch(/^t[0-9a-f]{15}$/);
  });

  it('finds documents written after later-fetched ones were analyzed, however old their fetch time', async () => {
    const state = await restoreState(store, logger);
    const at = (id: string, fetchedAt: string): RawDocument => ({
      ...raw(7, '高速公路追尾后续', '沪昆高速追尾事故伤者已送医救治，道路恢复通行。'),
      id,
      url: `http://demo.test/${id}.html`,
      canonicalUrl: `http://demo.test/${id}.html`,
      fetchedAt,
    });
    await writeRawDocuments(store, [at('doc-7z', '2026-11-20T10:07:00.000Z')]);
    expect(await analyzeOnce(store, { logger, analyzer, state })).toEqual({ analyzed: 1 });
    // A crawler batch written late: a millisecond tie with a smaller id, and a page fetched ten
    // minutes before the document already analyzed.
    await writeRawDocuments(store, [
      at('doc-7a', '2026-11-20T10:07:00.000Z'),
      at('doc-7m', '2026-11-20T09:57:00.000Z'),
    ]);
    expect(await analyzeOnce(store, { logger, analyzer, state })).toEqual({ analyzed: 2 });
    expect(await analyzeOnce(store, { logger, analyzer, state })).toEqual({ analyzed: 0 });
    expect((await getWatermark(store, ANALYZE_STAGE)).id).toBe('doc-7m');
    const ids = (await getLatestDocuments(store, { limit: 20 })).items.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['doc-7a', 'doc-7m', 'doc-7z']));
  });

  it('cuts watched names and aliases whole in the workers once they are on the list', async () => {
    const text = (n: string) => `昨天下午，${n}在市政府门口接受了记者采访。欧阳朵朵表示将尽快解决问题。`;
    const persons = async (id: string) =>
      (
        await store.query<{ tokens: string[]; persons: string[] }>('people-words', {
          query: 'SELECT tokens, persons FROM documents FINAL WHERE id = {id:String}',
          params: { id },
        })
      )[0];
    // Not watched yet: jieba cuts 欧阳|朵朵 and 上官|婉清, and the tagger takes the pieces.
    await writeRawDocuments(store, [{ ...raw(9, '采访', text('上官婉清')), id: 'doc-9a' }]);
    expect(await analyzeOnce(store, { logger, analyzer, state: await restoreState(store, logger) })).toEqual({
      analyzed: 1,
    });
    const before = await persons('doc-9a');
    expect(before?.tokens).not.toContain('欧阳朵朵');
    expect(before?.persons).not.toContain('上官婉清');

    await savePerson(store, { departmentId: 'city', name: '欧阳朵朵', aliases: ['上官婉清'] }, 'test', {
      backfill: false,
    });
    await writeRawDocuments(store, [{ ...raw(9, '采访', text('上官婉清')), id: 'doc-9b' }]);
    expect(await analyzeOnce(store, { logger, analyzer, state: await restoreState(store, logger) })).toEqual({
      analyzed: 1,
    });
    const after = await persons('doc-9b');
    expect(after?.tokens).toEqual(expect.arrayContaining(['欧阳朵朵', '上官婉清']));
    expect(after?.persons).toEqual(expect.arrayContaining(['欧阳朵朵', '上官婉清']));
  });

  it('places an ambiguous district by the region of the source', async () => {
    const text = '朝阳区一小区今天凌晨发生火灾，消防部门到场处置，暂无人员伤亡。';
    await writeRawDocuments(store, [
      { ...raw(9, '小区火灾', text), id: 'doc-10-changchun', region: '220100' },
      { ...raw(9, '小区火灾', text), id: 'doc-10-unknown' },
    ]);
    expect(await analyzeOnce(store, { logger, analyzer, state: await restoreState(store, logger) })).toEqual({
      analyzed: 2,
    });
    const regions = async (id: string) => (await stored()).find((d) => d.id === id)?.region_codes;
    // 朝阳区 is in 北京 and in 长春: a 长春 source's report is in 长春; a report of no region, nowhere.
    expect(await regions('doc-10-changchun')).toEqual(expect.arrayContaining(['220100', '220104']));
    expect(await regions('doc-10-unknown')).toEqual([]);
  });

  it('weighs sensitivity by the source authority the opinion index reads', async () => {
    const state = await restoreState(store, logger, {
      observers: createObservers({ index: { sourceAuthority: { 'county-gov': 1, 'gossip-forum': 0 } } }),
    });
    const text = '化工厂车间发生爆炸，造成3人死亡、5人受伤，附近村民聚集在厂门口讨说法。';
    const from = (id: string, source: string): RawDocument => ({
      ...raw(8, '化工厂爆炸', text),
      id,
      source,
      url: `http://demo.test/${id}.html`,
      canonicalUrl: `http://demo.test/${id}.html`,
    });
    await writeRawDocuments(store, [from('doc-8-gov', 'county-gov'), from('doc-8-forum', 'gossip-forum')]);
    expect(await analyzeOnce(store, { logger, analyzer, state })).toEqual({ analyzed: 2 });
    const score = async (id: string) => (await stored()).find((d) => d.id === id)?.sensitivity_score ?? -1;
    expect(await score('doc-8-gov')).toBeGreaterThan(await score('doc-8-forum'));
  });
});
