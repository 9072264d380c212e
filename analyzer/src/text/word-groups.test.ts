import { describe, expect, it } from 'vitest';
import { type PairCount, type WordCount, wordGroups } from './word-groups.ts';

/** Counts keywords and keyword pairs of documents, as the store's query does. */
function count(docs: readonly string[][]): { words: WordCount[]; pairs: PairCount[] } {
  const words = new Map<string, number>();
  const pairs = new Map<string, PairCount>();
  for (const kw of docs) {
    for (const w of kw) words.set(w, (words.get(w) ?? 0) + 1);
    for (let i = 0; i < kw.length; i++) {
      for (let j = i + 1; j < kw.length; j++) {
        const [a, b] = [kw[i] as string, kw[j] as string].sort();
        const key = `${a}|${b}`;
        const p = pairs.get(key) ?? { a: a as string, b: b as string, documents: 0 };
        p.documents++;
        pairs.set(key, p);
      }
    }
  }
  return { words: [...words].map(([word, documents]) => ({ word, documents })), pairs: [...pairs.values()] };
}

// A flood topic: the rail story and the rescue story share only the word every document has.
const FLOOD = [
  ...Array.from({ length: 5 }, () => ['暴雨', '地铁', '停运', '乘客']),
  ...Array.from({ length: 4 }, () => ['暴雨', '消防', '救援', '被困']),
  ['暴雨', '地铁', '救援'],
];

describe('wordGroups', () => {
  it('groups words that occur together apart from a word every document has', () => {
    const { words, pairs } = count(FLOOD);
    const g = wordGroups(words, pairs);
    const groupOf = (w: string) => g.nodes.find((n) => n.word === w)?.group;
    expect(groupOf('地铁')).toBe(groupOf('停运'));
    expect(groupOf('停运')).toBe(groupOf('乘客'));
    expect(groupOf('消防')).toBe(groupOf('救援'));
    expect(groupOf('救援')).toBe(groupOf('被困'));
    expect(groupOf('地铁')).not.toBe(groupOf('消防'));
    // Nodes come most frequent first, and so do the groups' words.
    expect(g.nodes[0]).toMatchObject({ word: '暴雨', documents: 10 });
    for (const group of g.groups) {
      const counts = group.words.map((w) => g.nodes.find((n) => n.word === w)?.documents ?? 0);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  it('links the strongest pairs by Dice coefficient, a few per word', () => {
    const { words, pairs } = count(FLOOD);
    const g = wordGroups(words, pairs, { linksPerWord: 2 });
    const link = (a: string, b: string) =>
      g.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
    // 停运 and 乘客 are in the same five documents and nowhere else.
    expect(link('停运', '乘客')?.strength).toBe(1);
    // 地铁 (6) and 救援 (5) share one document, 2·1 / 11; with two links a word, neither asks for it.
    expect(link('地铁', '救援')).toBeUndefined();
    const all = wordGroups(words, pairs, { linksPerWord: 10 }).links;
    expect(all.find((l) => l.a === '地铁' && l.b === '救援')?.strength).toBeCloseTo(0.182, 3);
    expect(g.links.map((l) => l.strength)).toEqual([...g.links.map((l) => l.strength)].sort((a, b) => b - a));
    // A link stays only when one of its words still wanted it.
    const ends = new Map<string, number>();
    for (const l of g.links) {
      const full = (ends.get(l.a) ?? 0) >= 2 && (ends.get(l.b) ?? 0) >= 2;
      expect(full, `${l.a}–${l.b}`).toBe(false);
      ends.set(l.a, (ends.get(l.a) ?? 0) + 1);
      ends.set(l.b, (ends.get(l.b) ?? 0) + 1);
    }
    expect(wordGroups(words, pairs, { maxLinks: 3 }).links).toHaveLength(3);
  });

  it('gives the same answer whatever order the counts come in, and ignores pairs of unknown words', () => {
    const { words, pairs } = count(FLOOD);
    const g = wordGroups(words, pairs);
    const shuffled = wordGroups([...words].reverse(), [
      ...pairs.reverse(),
      { a: '暴雨', b: '火星', documents: 3 },
    ]);
    expect(shuffled).toEqual(g);
  });

  it('keeps words without pairs as groups of their own, and takes empty input', () => {
    const g = wordGroups(
      [
        { word: '暴雨', documents: 3 },
        { word: '台风', documents: 1 },
      ],
      [],
    );
    expect(g.nodes.map((n) => n.group)).toEqual([0, 1]);
    expect(g.links).toEqual([]);
    expect(wordGroups([], [])).toEqual({ nodes: [], links: [], groups: [] });
  });
});
