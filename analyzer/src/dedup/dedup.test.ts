import { describe, expect, it } from 'vitest';
import {
  dedupTokens,
  fromHex,
  hamming,
  MAX_PASSAGES,
  MIN_SHARED_CHARS,
  maxDistanceFor,
  PASSAGE_COVERAGE,
  passageFingerprints,
  passageLength,
  SimHashIndex,
  simhash,
  toHex,
} from './index.ts';

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
    expect(maxDistanceFor(dedupTokens('转发微博'))).toBe(-1);
    expect(maxDistanceFor(dedupTokens('西湖区居民楼火灾两人受伤'))).toBe(0);
    expect(maxDistanceFor(dedupTokens(STORY))).toBe(3);
    // Forty tokens of laughter are one word said many times, not a story.
    const laughter = dedupTokens('哈哈哈哈'.repeat(20));
    expect(laughter.length).toBeGreaterThanOrEqual(10);
    expect(maxDistanceFor(laughter)).toBe(-1);
  });
});

describe('passage fingerprints', () => {
  it('fingerprints sentences by their letters and characters, not their punctuation or case', () => {
    const prints = passageFingerprints(STORY);
    expect(prints).toHaveLength(3);
    expect(prints.map(passageLength)).toEqual([56, 26, 31]);
    expect(passageFingerprints(STORY.replaceAll('，', ' ').replace('3月', '３月'))).toEqual(prints);
    expect(passageFingerprints('ABC新闻：今天天气晴朗，适合出行。')).toEqual(
      passageFingerprints('abc新闻今天天气晴朗适合出行！'),
    );
    expect(passageFingerprints('太短了。也短。')).toEqual([]);
  });

  it('keeps the longest sentences of a long text, whatever their order', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `第${i}句${'长'.repeat(10 + i)}。`);
    const prints = passageFingerprints(sentences.join(''));
    expect(prints).toHaveLength(MAX_PASSAGES);
    expect(Math.min(...prints.map(passageLength))).toBe(17);
    expect(passageFingerprints(sentences.reverse().join(''))).toEqual(prints);
  });
});

/** What the corpus does with a text: its SimHash, distance and passages. */
function lookUp(index: SimHashIndex, text: string): string | null {
  const tokens = dedupTokens(text);
  return index.findNear(simhash(tokens), maxDistanceFor(tokens), passageFingerprints(text));
}
function addText(index: SimHashIndex, id: string, text: string, time: number): void {
  index.add(id, simhash(dedupTokens(text)), time, passageFingerprints(text));
}

describe('reprints found by their passages', () => {
  const index = new SimHashIndex();
  addText(index, 'story', STORY, 1);
  addText(index, 'other', OTHER, 2);

  it.each([
    ['a comment in front', `太吓人了，以后电动车千万不能在楼道里充电！${STORY}`],
    ['a sentence added', `${STORY}消防部门提醒广大市民，电动自行车应在指定区域集中充电，切勿私拉电线。`],
    ['the last sentence cut', STORY.slice(0, STORY.lastIndexOf('起火原因'))],
  ])('finds the original of a reprint with %s, which its SimHash alone misses', (_, reprint) => {
    const far = hamming(simhash(dedupTokens(reprint)), simhash(dedupTokens(STORY)));
    expect(far).toBeGreaterThan(3);
    expect(lookUp(index, reprint)).toBe('story');
  });

  it('does not join stories that share a sentence or two of boilerplate', () => {
    const boilerplate = '本网记者将持续关注事件进展，欢迎广大读者提供新闻线索。';
    const other = `${boilerplate}国家统计局今天发布数据，一季度国内生产总值同比增长百分之五点三。`;
    const withIt = new SimHashIndex();
    addText(withIt, 'story', `${STORY}${boilerplate}`, 1);
    expect(lookUp(withIt, other)).toBe(null);
  });

  it('does not call a long text a reprint of a short one it quotes, nor the other way round', () => {
    const quoting = `${STORY.slice(0, STORY.indexOf('。') + 1)}当地社区随后组织居民开展消防安全检查，排查楼道堆物和飞线充电等隐患，共清理杂物二十余处。街道还将在小区内增设电动自行车集中充电桩，方便居民安全充电。`;
    expect(lookUp(index, quoting)).toBe(null);
    expect(lookUp(index, STORY.slice(0, STORY.indexOf('。') + 1))).toBe(null);
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
    // Passages from a small pool (lengths 10 to 29), so that documents share some of them.
    const pool = Array.from({ length: 12 }, (_, i) => (i + 1) * 7919 * 4096 + 10 + ((i * 7) % 20));
    const passages = () => [
      ...new Set(
        Array.from({ length: Math.floor(random() * 4) }, () => pool[Math.floor(random() * 12)] as number),
      ),
    ];
    const chars = (prints: number[]) => prints.reduce((sum, p) => sum + passageLength(p), 0);
    const sharing = (a: number[], b: number[]) => {
      const common = chars(a.filter((p) => b.includes(p)));
      return common >= MIN_SHARED_CHARS && common >= PASSAGE_COVERAGE * Math.max(chars(a), chars(b));
    };
    let matchedByPassages = 0;
    const index = new SimHashIndex({ cap: 60 });
    const live = new Map<string, { hash: bigint; prints: number[]; time: number; seq: number }>();
    for (let seq = 0; seq < 6000; seq++) {
      const id = `d${Math.floor(random() * 150)}`;
      if (random() < 0.1) {
        expect(index.delete(id)).toBe(live.delete(id));
        continue;
      }
      const hash = near();
      const prints = passages();
      const time = Math.floor(random() * 50);
      index.add(id, hash, time, prints);
      live.delete(id);
      live.set(id, { hash, prints, time, seq });
      if (live.size > 60) live.delete(live.keys().next().value as string);
      const probe = near();
      const probePrints = passages();
      let expected: string | null = null;
      let best: { time: number; seq: number } | undefined;
      let byPassages = 0;
      for (const [key, e] of live) {
        const alike = sharing(e.prints, probePrints);
        if (alike && hamming(e.hash, probe) > 3) byPassages++;
        if (hamming(e.hash, probe) > 3 && !alike) continue;
        if (best && (e.time > best.time || (e.time === best.time && e.seq > best.seq))) continue;
        [expected, best] = [key, e];
      }
      expect(index.size).toBe(live.size);
      expect(index.findNear(probe, 3, probePrints)).toBe(expected);
      matchedByPassages += byPassages;
    }
    expect(matchedByPassages).toBeGreaterThan(1000); // the passages were put to the test
  });

  it('replaces an id added twice', () => {
    const index = new SimHashIndex();
    index.add('x', base);
    index.add('x', ~base & 0xffffffffffffffffn);
    expect(index.size).toBe(1);
    expect(index.findNear(base)).toBe(null);
  });
});
