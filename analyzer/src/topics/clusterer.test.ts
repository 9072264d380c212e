import { describe, expect, it } from 'vitest';
import { TopicClusterer } from './clusterer.ts';
import { burstStream, fixtureDoc, fixtureIdf, T0 } from './fixtures.ts';
import { scoreClustering } from './metrics.ts';

const HOUR = 3_600_000;

describe('TopicClusterer', () => {
  const stream = burstStream();
  const idf = fixtureIdf(stream);

  it('puts each burst, reactions included, in its own topic', () => {
    const c = new TopicClusterer(idf);
    const assigned = stream.map(({ doc }) => c.assign(doc));
    const byStory = new Map<string, Set<string>>();
    for (const [i, { story }] of stream.entries()) {
      byStory.set(story, (byStory.get(story) ?? new Set()).add(assigned[i] as string));
    }
    for (const [story, topics] of byStory) expect(topics.size, story).toBe(1);
    expect(new Set(assigned).size).toBe(3);
    const scores = scoreClustering(
      assigned,
      stream.map((s) => s.story),
    );
    expect(scores.f1).toBe(1);
  });

  it('labels topics with their keywords, a representative title and statistics', () => {
    const c = new TopicClusterer(idf);
    for (const { doc } of stream) c.assign(doc);
    const rain = c.topics().find((t) => t.keywords.includes('暴雨'));
    expect(rain).toBeDefined();
    expect(rain?.label).toContain('暴雨');
    expect(rain?.representativeTitle).toContain('暴雨');
    expect(rain?.volume).toBe(10);
    expect(rain?.regions[0]).toBe('330100');
    expect(rain?.sentiment.negative).toBe(10);
    expect(rain?.sources).toBeGreaterThan(1);
    expect(rain?.firstSeen).toBe(T0);
  });

  it('sends a reprint to its original’s topic even when it shares few words', () => {
    const c = new TopicClusterer(idf);
    for (const { doc } of stream) c.assign(doc);
    const original = c.topicOf('crash-0');
    const reprint = { ...fixtureDoc('reprint', '转：大家注意安全', T0 + 8 * HOUR), duplicateOf: 'crash-0' };
    expect(c.assign(reprint)).toBe(original);
  });

  it('starts a new topic for the same words after the old one went quiet for days', () => {
    const c = new TopicClusterer(idf);
    const first = c.assign(fixtureDoc('a', '杭州暴雨红色预警，全市中小学停课', T0));
    expect(c.assign(fixtureDoc('b', '杭州暴雨，地铁站进水', T0 + 10 * 60_000))).toBe(first);
    expect(c.assign(fixtureDoc('c', '杭州暴雨红色预警，全市中小学停课', T0 + 30 * 24 * HOUR))).not.toBe(
      first,
    );
  });

  it('bounds the active set', () => {
    const c = new TopicClusterer(idf, { maxActive: 50 });
    for (let i = 0; i < 3000; i++)
      c.assign(fixtureDoc(`n${i}`, `编号${i}号新闻事件独立话题${i * 7919}`, T0 + i * 1000));
    expect(c.size).toBeLessThanOrEqual(1050);
  });
});
