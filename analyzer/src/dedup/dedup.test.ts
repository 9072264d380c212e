import { describe, expect, it } from 'vitest';
import { dedupTokens, fromHex, hamming, maxDistanceFor, SimHashIndex, simhash, toHex } from './index.ts';

/** A real-style news paragraph, written for these tests, and reprints of it. */
const STORY =
  '3月12日上午，杭州市西湖区一居民楼发生火灾，消防部门接警后迅速出动六辆消防车赶赴现场，' +
  '经过约四十分钟的扑救，明火被扑灭。火灾造成两人轻微烧伤，已送往附近医院救治，目前无生命危险。' +
  '起火原因初步判断为电动自行车在楼道内充电引发，具体原因仍在调查中。';
const OTHER =
  '国家统计局今天发布数据，一季度国内生产总值同比增长百分之五点三，居民消费价格温和上涨，' +
  '就业形势总体稳定，城镇调查失业率有所下降，工业生产和服务业保持较快增长。';

const hashText = (text: string) => simhash(dedupTokens(text));

describe('simhash', () => {
  it('gives identical texts distance 0', () => {
    expect(hamming(hashText(STORY), hashText(STORY))).toBe(0);
  });

  it('keeps a reprint with a source line, an ad and a tag within 3 bits', () => {
    const reprint = `【突发】${STORY.replace('目前', '现在')}（来源：都市快报 责任编辑：李明）关注公众号“城市新闻”获取更多资讯。`;
    expect(hamming(hashText(STORY), hashText(reprint))).toBeLessThanOrEqual(3);
  });

  it('puts unrelated texts far apart', () => {
    expect(hamming(hashText(STORY), hashText(OTHER))).toBeGreaterThan(10);
  });

  it('counts unit weights (packed four bits to an int) as it counts other weights', () => {
    // 600 tokens: the packed byte counters are flushed twice before the end.
    const tokens = Array.from({ length: 600 }, (_, i) => `词${i % 97}${i % 13}`);
    const doubled = tokens.map(() => 2);
    expect(simhash(tokens)).toBe(simhash(tokens, doubled));
    const words = dedupTokens(STORY);
    expect(simhash(words)).toBe(
      simhash(
        words,
        words.map(() => 0.5),
      ),
    );
    expect(simhash(words)).not.toBe(simhash(dedupTokens(OTHER)));
  });

  it('round-trips hex and handles the top bit', () => {
    const h = hashText(STORY);
    expect(toHex(h)).toMatch(/^[0-9a-f]{16}$/);
    expect(fromHex(toHex(h))).toBe(h);
    expect(hamming(0xffffffffffffffffn, 0n)).toBe(64);
    expect(() => fromHex('xyz')).toThrow(/hex/);
  });

  it('does not call short texts duplicates on weak evidence', () => {
    expect(maxDistanceFor(dedupTokens('转发微博').length)).toBe(-1);
    expect(maxDistanceFor(dedupTokens('西湖区居民楼火灾两人受伤').length)).toBe(0);
    expect(maxDistanceFor(dedupTokens(STORY).length)).toBe(3);
  });
});

describe('SimHashIndex', () => {
  const base = 0x0123456789abcdefn;
  const flip = (h: bigint, ...bits: number[]) => bits.reduce((x, b) => x ^ (1n << BigInt(b)), h);

  it('finds the earliest near-duplicate, by time when given', () => {
    const index = new SimHashIndex();
    index.add('reprint', flip(base, 1), 2000);
    index.add('original', flip(base, 40), 1000);
    index.add('unrelated', ~base & 0xffffffffffffffffn, 500);
    expect(index.findNear(base)).toBe('original');
    expect(index.findNear(flip(base, 0, 17, 33, 49))).toBe(null); // 4 bits from base, 5 from both
  });

  it('finds every match within 3 bits, whichever bands they fall in', () => {
    const index = new SimHashIndex();
    index.add('a', base);
    expect(index.findNear(flip(base, 3, 20, 40))).toBe('a');
    expect(index.findNear(flip(base, 15, 31, 63))).toBe('a');
    expect(index.findNear(flip(base, 15, 31, 63), 2)).toBe(null);
    expect(index.findNear(base, -1)).toBe(null);
  });

  it('respects the cap by evicting the oldest entries', () => {
    const index = new SimHashIndex({ cap: 2 });
    index.add('first', base);
    index.add('second', flip(base, 5));
    index.add('third', ~base & 0xffffffffffffffffn);
    expect(index.size).toBe(2);
    expect(index.has('first')).toBe(false);
    expect(index.findNear(base)).toBe('second');
  });

  it('agrees with a scan of the live entries through evictions, replacements and deletions', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const word = () => BigInt(Math.floor(random() * 2 ** 32));
    const centres = Array.from({ length: 8 }, () => (word() << 32n) | word());
    const near = () =>
      flip(centres[Math.floor(random() * 8)] as bigint, Math.floor(random() * 64), Math.floor(random() * 64));
    const index = new SimHashIndex({ cap: 60 });
    const live = new Map<string, { hash: bigint; time: number; seq: number }>();
    for (let seq = 0; seq < 6000; seq++) {
      const id = `d${Math.floor(random() * 150)}`;
      if (random() < 0.1) {
        expect(index.delete(id)).toBe(live.delete(id));
        continue;
      }
      const hash = near();
      const time = Math.floor(random() * 50);
      index.add(id, hash, time);
      live.delete(id);
      live.set(id, { hash, time, seq });
      if (live.size > 60) live.delete(live.keys().next().value as string);
      const probe = near();
      let expected: string | null = null;
      let best: { time: number; seq: number } | undefined;
      for (const [key, e] of live) {
        if (hamming(e.hash, probe) > 3) continue;
        if (best && (e.time > best.time || (e.time === best.time && e.seq > best.seq))) continue;
        [expected, best] = [key, e];
      }
      expect(index.size).toBe(live.size);
      expect(index.findNear(probe)).toBe(expected);
    }
  });

  it('replaces an id added twice', () => {
    const index = new SimHashIndex();
    index.add('x', base);
    index.add('x', ~base & 0xffffffffffffffffn);
    expect(index.size).toBe(1);
    expect(index.findNear(base)).toBe(null);
  });
});
