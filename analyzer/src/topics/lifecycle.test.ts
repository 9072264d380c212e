import { describe, expect, it } from 'vitest';
import { TopicClusterer } from './clusterer.ts';
import { fixtureDoc, fixtureIdf, T0 } from './fixtures.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('topic life cycle', () => {
  it('goes emerging → rising → peak → declining → ended with time', () => {
    const texts = ['杭州暴雨红色预警全市停课', '杭州暴雨地铁站进水', '杭州暴雨防汛排涝'];
    const docs = Array.from({ length: 200 }, (_, i) => fixtureDoc(`d${i}`, texts[i % 3] as string, 0));
    const c = new TopicClusterer(fixtureIdf(docs.map((doc) => ({ doc }))));
    let t = T0;
    let n = 0;
    const post = (count: number, gapMinutes: number) => {
      for (let i = 0; i < count; i++, t += gapMinutes * MIN)
        c.assign({ ...(docs[n++ % docs.length] as (typeof docs)[0]), time: t });
    };
    const state = (at = t) => c.topics(at)[0]?.state;
    post(3, 10);
    expect(state()).toBe('emerging');
    post(30, 2); // the burst gathers pace
    expect(state()).toBe('rising');
    post(150, 2); // a steady high rate for five hours
    expect(state()).toBe('peak');
    expect(c.topics(t)[0]?.velocity).toBeGreaterThan(20);
    expect(state(t + 2 * HOUR)).toBe('declining');
    expect(state(t + 49 * HOUR)).toBe('ended');
  });
});
