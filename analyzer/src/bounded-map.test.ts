import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.ts';

describe('BoundedMap', () => {
  it('forgets the keys set first, as a Map evicting its oldest would', () => {
    const bounded = new BoundedMap<string, number>(3);
    const plain = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      const key = `k${(i * 7) % 11}`;
      bounded.set(key, i);
      plain.set(key, i);
      if (plain.size > 3) plain.delete(plain.keys().next().value as string);
      expect(bounded.size).toBe(plain.size);
      for (let k = 0; k < 11; k++) expect(bounded.get(`k${k}`)).toBe(plain.get(`k${k}`));
    }
  });
});
