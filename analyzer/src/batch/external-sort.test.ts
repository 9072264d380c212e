import { describe, expect, it } from 'vitest';
import { externalSort } from './external-sort.ts';

async function* items(keys: number[]) {
  for (const [i, key] of keys.entries()) yield { key, value: `${key}:${i}` };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('externalSort', () => {
  it('sorts in memory when the input is small, keeping ties in input order', async () => {
    expect(await collect(externalSort(items([3, 1, 2, 1])))).toEqual(['1:1', '1:3', '2:2', '3:0']);
  });

  it('spills runs to disk and merges them', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const sorted = await collect(externalSort(items(keys), 64));
    expect(sorted).toHaveLength(1000);
    expect(sorted.map((s) => Number(s.split(':')[0]))).toEqual([...keys].sort((a, b) => a - b));
  });
});
