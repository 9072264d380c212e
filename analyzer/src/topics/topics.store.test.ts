/**
 * Topic state across a restart, on a real embedded store. Fixture story (fixtures.ts): the
 * 杭州 rainstorm and the 沪昆高速 pile-up are clustered and persisted after each "batch"; the
 * process restarts, restores the active topics from `topics`, and a later rainstorm post and a
 * reprint of the pile-up report still land in their topics, whose volumes keep counting.
 */
import {
  createLogger,
  getActiveTopicState,
  getTopics,
  loadConfig,
  migrate,
  openStore,
  type Store,
  writeTopics,
} from '@yuqing/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/temp-dir.ts';
import { TopicClusterer } from './clusterer.ts';
import { burstStream, fixtureDoc, fixtureIdf, T0 } from './fixtures.ts';

const logger = createLogger('silent');
const HOUR = 3_600_000;

describe('topics in the store', () => {
  let store: Store;
  const tmp = tempDir('topics');
  const stream = burstStream().filter((s) => s.story !== 'food');
  const idf = fixtureIdf(stream);
  beforeAll(async () => {
    store = await openStore(loadConfig({ YUQING_DATA_DIR: tmp.dir }), logger);
    await migrate(store, logger);
  });
  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('persists clustering state and keeps assigning to the same topics after a restart', async () => {
    const before = new TopicClusterer(idf);
    const half = Math.ceil(stream.length / 2);
    for (const part of [stream.slice(0, half), stream.slice(half)]) {
      for (const { doc } of part) before.assign(doc);
      await writeTopics(store, before.takeChanged(undefined, Date.now()));
    }
    const rainId = before.topicOf('rain-0') as string;
    const crashId = before.topicOf('crash-0') as string;
    expect(before.takeChanged()).toEqual([]); // nothing changed since the last write

    const records = await getActiveTopicState(store, T0 - 24 * HOUR);
    expect(records.map((r) => r.id).sort()).toEqual([rainId, crashId].sort());
    const after = TopicClusterer.restore(records, idf);
    const rain = fixtureDoc('rain-late', '杭州暴雨红色预警继续，防汛部门排涝', T0 + 3 * HOUR);
    expect(after.assign(rain)).toBe(rainId);
    const reprint = {
      ...fixtureDoc('crash-copy', '转发：高速交警提醒', T0 + 3 * HOUR + 60_000),
      duplicateOf: 'crash-0',
    };
    expect(after.assign(reprint)).toBe(crashId);
    await writeTopics(store, after.takeChanged(undefined, Date.now() + 1));

    const topics = await getTopics(store, { limit: 10, orderBy: 'volume' });
    const stored = topics.find((t) => t.id === rainId);
    expect(stored?.volume).toBe(11);
    expect(stored?.keywords).toContain('暴雨');
    expect(stored?.regionCodes).toContain('330100');
    expect(stored?.representativeTitle).toContain('暴雨');
    expect(topics.find((t) => t.id === crashId)?.volume).toBe(9);
    const inHangzhou = await getTopics(store, { limit: 10, region: '33' });
    expect(inHangzhou.map((t) => t.id)).toEqual([rainId]);
  });
});
