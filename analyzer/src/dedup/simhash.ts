/**
 * 64-bit SimHash. Each token is hashed to 64 bits as two 32-bit halves (FNV-1a with two seeds,
 * each finished with murmur3's fmix32 so that every bit depends on every character); BigInt is
 * used only for the final value.
 */
const SEED_LO = 0x811c9dc5;
const SEED_HI = 0x050c5d1f;

function fnv1a(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const acc = new Float64Array(64);
/** Bits 0–3 of a nibble spread to the four bytes of an int: four counters added at once. */
const SPREAD = Int32Array.from(
  { length: 16 },
  (_, v) => (v & 1) | (((v >> 1) & 1) << 8) | (((v >> 2) & 1) << 16) | (((v >> 3) & 1) << 24),
);
/** Byte counters of the unit-weight path: lanes[k] counts bits 4k … 4k + 3 of the 64. */
const lanes = new Int32Array(16);

/** Adds the byte counters to `acc` and clears them (before a byte can overflow). */
function flushLanes(): void {
  for (let k = 0; k < 16; k++) {
    const l = lanes[k] as number;
    for (let j = 0; j < 4; j++) acc[4 * k + j] = (acc[4 * k + j] as number) + ((l >>> (8 * j)) & 0xff);
  }
  lanes.fill(0);
}

/**
 * SimHash of a token sequence. Each occurrence of a token adds its weight (1 unless `weights`,
 * parallel to `tokens`, says otherwise: see `dedupWeights`). Empty input gives 0n.
 */
export function simhash(tokens: readonly string[], weights?: readonly number[]): bigint {
  if (tokens.length === 0) return 0n;
  // Bit b is set in the result when Σ(set ? w : −w) > 0, i.e. when its set weight is more than
  // half the total. Unit weights are counted four bits to an int (no branch on the bits: they are
  // coin flips, and mispredicted branches were most of the cost); other weights bit by bit.
  acc.fill(0);
  let total = 0;
  let pending = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const w = weights ? (weights[i] ?? 1) : 1;
    total += w;
    const lo = fmix32(fnv1a(t, SEED_LO));
    const hi = fmix32(fnv1a(t, SEED_HI));
    if (w === 1) {
      for (let k = 0; k < 8; k++) {
        lanes[k] = (lanes[k] as number) + (SPREAD[(lo >>> (4 * k)) & 15] as number);
        lanes[k + 8] = (lanes[k + 8] as number) + (SPREAD[(hi >>> (4 * k)) & 15] as number);
      }
      if (++pending === 255) {
        flushLanes();
        pending = 0;
      }
      continue;
    }
    for (let b = 0; b < 32; b++) {
      acc[b] = (acc[b] as number) + ((lo >>> b) & 1) * w;
      acc[b + 32] = (acc[b + 32] as number) + ((hi >>> b) & 1) * w;
    }
  }
  if (pending > 0) flushLanes();
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * (acc[b] as number) - total > 0) lo |= 1 << b;
    if (2 * (acc[b + 32] as number) - total > 0) hi |= 1 << b;
  }
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** 16 lower-case hex digits, the form stored in ClickHouse-friendly text columns and JSON. */
export function toHex(hash: bigint): string {
  return BigInt.asUintN(64, hash).toString(16).padStart(16, '0');
}

export function fromHex(hex: string): bigint {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) throw new Error(`Not a 64-bit hex SimHash: ${JSON.stringify(hex)}`);
  return BigInt(`0x${hex}`);
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits of two 32-bit halves pairs. */
export function hammingHalves(aHi: number, aLo: number, bHi: number, bLo: number): number {
  return popcount32((aHi ^ bHi) >>> 0) + popcount32((aLo ^ bLo) >>> 0);
}

/** The high and low 32-bit halves of a 64-bit hash. */
export function halves(hash: bigint): [hi: number, lo: number] {
  const h = BigInt.asUintN(64, hash);
  return [Number(h >> 32n), Number(h & 0xffffffffn)];
}

/** Number of differing bits. */
export function hamming(a: bigint, b: bigint): number {
  const [aHi, aLo] = halves(a);
  const [bHi, bLo] = halves(b);
  return hammingHalves(aHi, aLo, bHi, bLo);
}
