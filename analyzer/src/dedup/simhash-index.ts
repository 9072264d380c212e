import { halves, hammingHalves } from './simhash.ts';

interface Entry {
  readonly id: string;
  readonly hi: number;
  readonly lo: number;
  /** Publication time in ms (or insertion order when none was given): "earliest" means smallest. */
  readonly time: number;
  readonly seq: number;
}

export interface SimHashIndexOptions {
  /** Keep at most this many entries; the oldest added are evicted first. Unbounded by default. */
  readonly cap?: number;
}

const BANDS = 4;

/** The 16-bit band `b` (0 = lowest bits) of a hash given as two 32-bit halves. */
function band(hi: number, lo: number, b: number): number {
  const word = b < 2 ? lo : hi;
  return (word >>> ((b & 1) * 16)) & 0xffff;
}

/**
 * Near-duplicate lookup over 64-bit SimHashes with 4 bands of 16 bits. Two hashes within
 * Hamming distance 3 differ in at most 3 bands, so they agree on at least one (pigeonhole): every
 * match within distance ≤ 3 is found. Larger distances are checked but not guaranteed.
 */
export class SimHashIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #buckets = new Map<number, Set<string>>();
  readonly #cap: number;
  #seq = 0;

  constructor(options: SimHashIndexOptions = {}) {
    this.#cap = options.cap ?? Number.POSITIVE_INFINITY;
    if (!(this.#cap >= 1)) throw new Error(`SimHashIndex cap must be at least 1, got ${options.cap}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Adds (or replaces) a document's hash; `time` is its publication time, as ms or a Date. */
  add(id: string, hash: bigint, time?: number | Date): void {
    this.delete(id);
    const [hi, lo] = halves(hash);
    const seq = this.#seq++;
    const t = time === undefined ? Number.NaN : typeof time === 'number' ? time : time.getTime();
    const entry: Entry = { id, hi, lo, time: Number.isNaN(t) ? seq : t, seq };
    this.#entries.set(id, entry);
    for (let b = 0; b < BANDS; b++) {
      const key = b * 0x10000 + band(hi, lo, b);
      let bucket = this.#buckets.get(key);
      if (!bucket) {
        bucket = new Set();
        this.#buckets.set(key, bucket);
      }
      bucket.add(id);
    }
    while (this.#entries.size > this.#cap) {
      const oldest = this.#entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(id: string): boolean {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    for (let b = 0; b < BANDS; b++) {
      const key = b * 0x10000 + band(entry.hi, entry.lo, b);
      const bucket = this.#buckets.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.#buckets.delete(key);
    }
    return true;
  }

  /**
   * The earliest indexed document within `maxDistance` bits of `hash`, or null. A negative
   * distance matches nothing (see `maxDistanceFor` for short texts).
   */
  findNear(hash: bigint, maxDistance = 3): string | null {
    if (maxDistance < 0) return null;
    const [hi, lo] = halves(hash);
    let best: Entry | undefined;
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.#buckets.get(b * 0x10000 + band(hi, lo, b));
      if (!bucket) continue;
      for (const id of bucket) {
        const e = this.#entries.get(id) as Entry;
        if (best && (e.time > best.time || (e.time === best.time && e.seq >= best.seq))) continue;
        if (hammingHalves(hi, lo, e.hi, e.lo) <= maxDistance) best = e;
      }
    }
    return best?.id ?? null;
  }
}
