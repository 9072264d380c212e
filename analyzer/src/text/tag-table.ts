/**
 * The POS tag of each dictionary word in a flat open-addressing table keyed by two 32-bit
 * FNV-1a hashes of the word: one 32-bit slot per word (the second hash's top 24 bits and the
 * tag's number), ~4 MB for jieba's 350k words. A JS Map of the same words costs several cache
 * misses per look-up (its entries and the key strings are spread over the heap); this costs one.
 * Two different words are confused only if both hashes agree on 24 + log2(size) bits.
 */
const RECENT_MASK = (1 << 13) - 1;

export class TagTable {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private count = 0;
  /** Words added once the table is 60 % full (late user words): a plain Map. */
  private readonly overflow = new Map<string, number>();
  private readonly tagIds = new Map<string, number>();
  readonly tagNames: string[] = [];
  /**
   * The answers of recent look-ups, by the word's first hash: (second hash | 1, tag number or 0).
   * Text repeats its common words and punctuation, and this 64 KB stays in the cache where the
   * table is a cache miss per word (~5 µs of a 200-character post). Cleared when a word is added.
   */
  private readonly recent = new Uint32Array(2 * (RECENT_MASK + 1));
  private remembering = false;

  /** `expected`: about how many words will be added; the table holds 0.6 × its size before overflowing. */
  constructor(expected = 400_000) {
    let size = 1 << 16;
    while (size * 0.4 < expected) size <<= 1;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count + this.overflow.size;
  }

  /** Adds a word with its tag; a word already present keeps its first tag (as jieba does). */
  add(word: string, tag: string): void {
    this.addRange(word, 0, word.length, tag);
  }

  /** Adds `text.slice(start, end)` without building that string (for reading a whole dictionary). */
  addRange(text: string, start: number, end: number, tag: string): void {
    if (this.remembering) {
      this.recent.fill(0);
      this.remembering = false;
    }
    let id = this.tagIds.get(tag);
    if (id === undefined) {
      id = this.tagNames.length + 1;
      if (id > 255) throw new Error(`too many POS tags in the dictionary (at ${tag})`);
      this.tagIds.set(tag, id);
      this.tagNames.push(tag);
    }
    if (this.count < this.slots.length * 0.6) this.put(text, start, end, id);
    else {
      const word = text.slice(start, end);
      if (this.get(word) === undefined) this.overflow.set(word, id);
    }
  }

  /** The word's tag, or undefined when the dictionary does not have it. */
  get(word: string): string | undefined {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const m1 = mix(h1);
    const m2 = mix(h2);
    const recent = this.recent;
    const r = (m1 & RECENT_MASK) * 2;
    let id: number;
    if (recent[r] === (m2 | 1) >>> 0) id = recent[r + 1] as number;
    else {
      id = this.find(word, m1, m2);
      recent[r] = (m2 | 1) >>> 0;
      recent[r + 1] = id;
      this.remembering = true;
    }
    return id === 0 ? undefined : this.tagNames[id - 1];
  }

  /** The tag number of a word (0: not in the dictionary) from its two mixed hashes. */
  private find(word: string, m1: number, m2: number): number {
    const check = (m2 & 0xffffff00) >>> 0;
    const slots = this.slots;
    for (let i = m1 & this.mask; ; i = (i + 1) & this.mask) {
      const s = slots[i] as number;
      if (s === 0) return this.overflow.size === 0 ? 0 : (this.overflow.get(word) ?? 0);
      if ((s & 0xffffff00) >>> 0 === check) return s & 0xff;
    }
  }

  private put(text: string, start: number, end: number, id: number): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const check = (mix(h2) & 0xffffff00) >>> 0;
    const slots = this.slots;
    for (let i = mix(h1) & this.mask; ; i = (i + 1) & this.mask) {
      const s = slots[i] as number;
      if (s === 0) {
        slots[i] = (check | id) >>> 0;
        this.count++;
        return;
      }
      if ((s & 0xffffff00) >>> 0 === check) return;
    }
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A number for each word (jieba's IDF) in the same kind of flat table: one 8-byte slot per word
 * (32-bit check hash, float32 value), where a Map of 350k strings costs several cache misses.
 */
export class WordNumbers {
  private readonly check: Uint32Array;
  private readonly value: Float32Array;
  private readonly mask: number;
  private count = 0;

  constructor(expected: number) {
    let size = 1 << 10;
    while (size * 0.5 < expected) size <<= 1;
    const buffer = new ArrayBuffer(size * 8);
    this.check = new Uint32Array(buffer);
    this.value = new Float32Array(buffer);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Sets a word's number (the table holds at most the `expected` words it was made for). */
  set(word: string, value: number): void {
    const [slot, check] = this.find(word);
    if (this.check[slot * 2] === 0) {
      if (this.count + 1 > (this.mask + 1) * 0.75) throw new Error('WordNumbers is full');
      this.count++;
    }
    this.check[slot * 2] = check;
    this.value[slot * 2 + 1] = value;
  }

  get(word: string): number | undefined {
    const [slot] = this.find(word);
    return this.check[slot * 2] === 0 ? undefined : (this.value[slot * 2 + 1] as number);
  }

  /** The slot holding the word, or the empty slot where it would go. */
  private find(word: string): [slot: number, check: number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const check = (mix(h2) | 1) >>> 0;
    const slots = this.check;
    for (let i = mix(h1) & this.mask; ; i = (i + 1) & this.mask) {
      const s = slots[i * 2] as number;
      if (s === 0 || s === check) return [i, check];
    }
  }
}
