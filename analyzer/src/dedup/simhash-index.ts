import { MAX_PASSAGES, passageKey, passageLength } from './passages.ts';
import { halves, hammingHalves } from './simhash.ts';

export interface SimHashIndexOptions {
  /** Keep at most this many entries; the oldest added are evicted first. Unbounded by default. */
  readonly cap?: number;
}

const BANDS = 4;
const NONE = -1;
/** Buckets of passage fingerprints, by the low bits of their hash. */
const PASSAGE_BUCKETS = 1 << 20;
/**
 * A text is a reprint of an earlier one when their shared passages make up this share of the
 * longer one's passages, and at least MIN_SHARED_CHARS characters.
 */
export const PASSAGE_COVERAGE = 0.6;
export const MIN_SHARED_CHARS = 20;

/** The 16-bit band `b` (0 = lowest bits) of a hash given as two 32-bit halves. */
function band(hi: number, lo: number, b: number): number {
  const word = b < 2 ? lo : hi;
  return (word >>> ((b & 1) * 16)) & 0xffff;
}

/**
 * Near-duplicate lookup over 64-bit SimHashes with 4 bands of 16 bits. Two hashes within
 * Hamming distance 3 differ in at most 3 bands, so they agree on at least one (pigeonhole): every
 * match within distance ≤ 3 is found. Larger distances are checked but not guaranteed.
 *
 * A document may also bring its passage fingerprints (`passageFingerprints`): an earlier one that
 * shares most of its sentences is a match too, however far apart their SimHashes are.
 *
 * Entries live in slots of typed arrays, and each band's buckets are doubly linked lists of
 * slots, so the 200 k-document window of the pipeline costs ~80 bytes an entry (plus its id)
 * instead of the ~230 of an object per entry and a Set per bucket; its passages, in buckets of
 * their own, ~130 more.
 */
export class SimHashIndex {
  /** The slot of each id. */
  readonly #slots = new Map<string, number>();
  /**
   * (slot, seq) pairs in the order they were added, oldest from `#orderHead`, when capped: a pair
   * whose slot was emptied or refilled since is skipped (see BoundedMap for why not the Map's order).
   */
  #order: number[] = [];
  #orderHead = 0;
  readonly #free: number[] = [];
  readonly #cap: number;
  #ids: Array<string | undefined> = [];
  #hi = new Uint32Array(0);
  #lo = new Uint32Array(0);
  /** Publication time in ms (or insertion order when none was given): "earliest" means smallest. */
  #time = new Float64Array(0);
  #seq = new Float64Array(0);
  /** First node of each band's bucket; a node is `slot * BANDS + band`. */
  readonly #head = new Int32Array(BANDS * 0x10000).fill(NONE);
  #next = new Int32Array(0);
  #prev = new Int32Array(0);
  /** Passages: the fingerprints of slot s are nodes s * MAX_PASSAGES + k, k < #count[s]. */
  readonly #passageHead = new Int32Array(PASSAGE_BUCKETS).fill(NONE);
  #passage = new Float64Array(0);
  #passageNext = new Int32Array(0);
  #passagePrev = new Int32Array(0);
  #count = new Uint8Array(0);
  /** The characters of a slot's passages. */
  #passageChars = new Uint32Array(0);
  #counter = 0;

  constructor(options: SimHashIndexOptions = {}) {
    this.#cap = options.cap ?? Number.POSITIVE_INFINITY;
    if (!(this.#cap >= 1)) throw new Error(`SimHashIndex cap must be at least 1, got ${options.cap}`);
  }

  get size(): number {
    return this.#slots.size;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /**
   * Adds (or replaces) a document's hash and its passage fingerprints (at most MAX_PASSAGES are
   * kept); `time` is its publication time, as ms or a Date.
   */
  add(id: string, hash: bigint, time?: number | Date, passages: readonly number[] = []): void {
    this.delete(id);
    if (this.#slots.size >= this.#cap) this.#evictOldest();
    const [hi, lo] = halves(hash);
    const seq = this.#counter++;
    const t = time === undefined ? Number.NaN : typeof time === 'number' ? time : time.getTime();
    const slot = this.#free.pop() ?? this.#grow();
    this.#slots.set(id, slot);
    this.#ids[slot] = id;
    this.#hi[slot] = hi;
    this.#lo[slot] = lo;
    this.#time[slot] = Number.isNaN(t) ? seq : t;
    this.#seq[slot] = seq;
    if (Number.isFinite(this.#cap)) {
      this.#order.push(slot, seq);
      // Drop the pairs read, and those left by deletions, once they outnumber the live ones.
      if (this.#order.length > 4 * this.#slots.size + 4096) this.#compactOrder();
    }
    for (let b = 0; b < BANDS; b++) {
      const node = slot * BANDS + b;
      const key = b * 0x10000 + band(hi, lo, b);
      const first = this.#head[key] as number;
      this.#next[node] = first;
      this.#prev[node] = NONE;
      if (first !== NONE) this.#prev[first] = node;
      this.#head[key] = node;
    }
    const count = Math.min(passages.length, MAX_PASSAGES);
    let chars = 0;
    for (let k = 0; k < count; k++) {
      const fingerprint = passages[k] as number;
      const node = slot * MAX_PASSAGES + k;
      const bucket = passageKey(fingerprint) % PASSAGE_BUCKETS;
      const first = this.#passageHead[bucket] as number;
      this.#passage[node] = fingerprint;
      this.#passageNext[node] = first;
      this.#passagePrev[node] = NONE;
      if (first !== NONE) this.#passagePrev[first] = node;
      this.#passageHead[bucket] = node;
      chars += passageLength(fingerprint);
    }
    this.#count[slot] = count;
    this.#passageChars[slot] = chars;
  }

  delete(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    this.#slots.delete(id);
    this.#ids[slot] = undefined;
    const hi = this.#hi[slot] as number;
    const lo = this.#lo[slot] as number;
    for (let b = 0; b < BANDS; b++) {
      const node = slot * BANDS + b;
      const before = this.#prev[node] as number;
      const after = this.#next[node] as number;
      if (before !== NONE) this.#next[before] = after;
      else this.#head[b * 0x10000 + band(hi, lo, b)] = after;
      if (after !== NONE) this.#prev[after] = before;
    }
    for (let k = 0; k < (this.#count[slot] as number); k++) {
      const node = slot * MAX_PASSAGES + k;
      const before = this.#passagePrev[node] as number;
      const after = this.#passageNext[node] as number;
      if (before !== NONE) this.#passageNext[before] = after;
      else this.#passageHead[passageKey(this.#passage[node] as number) % PASSAGE_BUCKETS] = after;
      if (after !== NONE) this.#passagePrev[after] = before;
    }
    this.#count[slot] = 0;
    this.#free.push(slot);
    return true;
  }

  /**
   * The earliest indexed document within `maxDistance` bits of `hash`, or that shares most of
   * `passages` (PASSAGE_COVERAGE), or null. A negative distance matches nothing (see
   * `maxDistanceFor` for short texts).
   */
  findNear(hash: bigint, maxDistance = 3, passages: readonly number[] = []): string | null {
    if (maxDistance < 0) return null;
    let best = this.#sharingPassages(passages);
    const [hi, lo] = halves(hash);
    for (let b = 0; b < BANDS; b++) {
      for (let node = this.#head[b * 0x10000 + band(hi, lo, b)] as number; node !== NONE; ) {
        const slot = (node - b) / BANDS;
        node = this.#next[node] as number;
        if (best !== NONE && !this.#earlier(slot, best)) continue;
        if (hammingHalves(hi, lo, this.#hi[slot] as number, this.#lo[slot] as number) <= maxDistance)
          best = slot;
      }
    }
    return best === NONE ? null : (this.#ids[best] as string);
  }

  /** The earliest slot whose passages and `passages` share enough characters, or NONE. */
  #sharingPassages(passages: readonly number[]): number {
    const count = Math.min(passages.length, MAX_PASSAGES);
    if (count === 0) return NONE;
    let chars = 0;
    for (let k = 0; k < count; k++) chars += passageLength(passages[k] as number);
    if (chars < MIN_SHARED_CHARS) return NONE;
    shared.clear();
    for (let k = 0; k < count; k++) {
      const fingerprint = passages[k] as number;
      const bucket = passageKey(fingerprint) % PASSAGE_BUCKETS;
      for (
        let node = this.#passageHead[bucket] as number;
        node !== NONE;
        node = this.#passageNext[node] as number
      ) {
        if (this.#passage[node] !== fingerprint) continue;
        const slot = Math.floor(node / MAX_PASSAGES);
        shared.set(slot, (shared.get(slot) ?? 0) + passageLength(fingerprint));
      }
    }
    let best = NONE;
    for (const [slot, common] of shared) {
      const longer = Math.max(chars, this.#passageChars[slot] as number);
      if (common < MIN_SHARED_CHARS || common < PASSAGE_COVERAGE * longer) continue;
      if (best === NONE || this.#earlier(slot, best)) best = slot;
    }
    return best;
  }

  #evictOldest(): void {
    while (this.#orderHead < this.#order.length) {
      const slot = this.#order[this.#orderHead++] as number;
      const seq = this.#order[this.#orderHead++] as number;
      const id = this.#ids[slot];
      if (id !== undefined && this.#seq[slot] === seq) {
        this.delete(id);
        break;
      }
    }
  }

  #compactOrder(): void {
    const live: number[] = [];
    for (let i = this.#orderHead; i < this.#order.length; i += 2) {
      const slot = this.#order[i] as number;
      const seq = this.#order[i + 1] as number;
      if (this.#ids[slot] !== undefined && this.#seq[slot] === seq) live.push(slot, seq);
    }
    this.#order = live;
    this.#orderHead = 0;
  }

  #earlier(a: number, b: number): boolean {
    const ta = this.#time[a] as number;
    const tb = this.#time[b] as number;
    return ta < tb || (ta === tb && (this.#seq[a] as number) < (this.#seq[b] as number));
  }

  /** A new slot at the end, doubling the arrays when they are full. */
  #grow(): number {
    const slot = this.#ids.length;
    this.#ids.push(undefined);
    if (slot >= this.#hi.length) {
      const length = Math.min(Math.max(1024, slot * 2), this.#cap);
      this.#hi = widened(this.#hi, length);
      this.#lo = widened(this.#lo, length);
      this.#time = widened(this.#time, length);
      this.#seq = widened(this.#seq, length);
      this.#next = widened(this.#next, length * BANDS);
      this.#prev = widened(this.#prev, length * BANDS);
      this.#passage = widened(this.#passage, length * MAX_PASSAGES);
      this.#passageNext = widened(this.#passageNext, length * MAX_PASSAGES);
      this.#passagePrev = widened(this.#passagePrev, length * MAX_PASSAGES);
      this.#count = widened(this.#count, length);
      this.#passageChars = widened(this.#passageChars, length);
    }
    return slot;
  }
}

/** Shared characters by slot, of the query in hand (one lookup at a time). */
const shared = new Map<number, number>();

function widened<A extends Uint8Array | Uint32Array | Int32Array | Float64Array>(old: A, length: number): A {
  const array = new (old.constructor as new (length: number) => A)(length);
  array.set(old);
  return array;
}
