/**
 * 64-bit SimHash. Each token is hashed to 64 bits as two 32-bit halves (FNV-1a with two seeds,
 * each finished with murmur3's fmix32 so that every bit depends on every character); BigInt is
 * used only for the final value.
 */
const SEED_LO = 0x811c9dc5;
const SEED_HI = 0x050c5d1f;

export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const acc = new Float64Array(64);
/**
 * Byte counters of the unit-weight path: byte m of lanes[j] counts bit j + 8m of the low half,
 * of lanes[j + 8] of the high half.
 */
const lanes = new Int32Array(16);

/** Adds the byte counters to `acc` and clears them (before a byte can overflow). */
function flushLanes(): void {
  for (let j = 0; j < 8; j++) {
    for (let m = 0; m < 4; m++) {
      acc[j + 8 * m] = (acc[j + 8 * m] as number) + (((lanes[j] as number) >>> (8 * m)) & 0xff);
      acc[32 + j + 8 * m] = (acc[32 + j + 8 * m] as number) + (((lanes[j + 8] as number) >>> (8 * m)) & 0xff);
    }
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
  // half the total. Unit weights are counted four bits to an int, (h >>> j) & 0x01010101 adding
  // bits j, j + 8, j + 16 and j + 24 at once (no branch on the bits: they are coin flips, and
  // mispredicted branches were most of the cost); other weights bit by bit.
  acc.fill(0);
  let total = 0;
  let pending = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const w = weights ? (weights[i] ?? 1) : 1;
    total += w;
    // FNV-1a with both seeds, in one pass over the characters
    let a = SEED_LO;
    let b = SEED_HI;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    const lo = fmix32(a >>> 0);
    const hi = fmix32(b >>> 0);
    if (w === 1) {
      for (let j = 0; j < 8; j++) {
        lanes[j] = (lanes[j] as number) + ((lo >>> j) & 0x01010101);
        lanes[j + 8] = (lanes[j + 8] as number) + ((hi >>> j) & 0x01010101);
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
