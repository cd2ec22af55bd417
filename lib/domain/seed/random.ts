/**
 * A small seeded PRNG (sfc32: 128-bit state, passes PractRand, fast in JS) with the helpers the demo
 * generator needs. Pure: the same seed always yields the same sequence. Not for secrets.
 */
export type TRandom = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A valid RFC 4122 version-4 UUID drawn from this stream. */
  uuid(): string;
};

// 2^32 / golden ratio: spreads consecutive integers (seed, index) over the state space.
const GOLDEN = 0x9e3779b9;

// A 32-bit integer hash (lowbias32 by Chris Wellons), used to mix seeds before they enter the state.
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A stream for one (seed, stream) pair. Streams with different pairs have different 128-bit initial
 * states, so 100 000 per-account streams do not collide the way 32-bit generators (mulberry32) would.
 */
export function createRandom(seed: number, stream = 0): TRandom {
  return new Sfc32(seed, stream);
}

// A class rather than closures: one generator per account, so allocation and GC cost matter.
class Sfc32 implements TRandom {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream: number) {
    this.a = mix32(seed ^ GOLDEN);
    this.b = mix32(stream + GOLDEN);
    this.c = mix32(seed + Math.imul(stream, GOLDEN));
    // The first outputs of sfc32 are correlated with the seed; the reference implementation skips 12.
    for (let i = 0; i < 12; i++) this.next32();
  }

  private next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.next32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[this.int(0, items.length - 1)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let roll = this.next() * total;
    for (const [item, w] of items) {
      roll -= w;
      if (roll < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError("weighted pick from an empty list");
    return last[0];
  }

  uuid(): string {
    const w1 = hex8(this.next32());
    const w2 = hex8(((this.next32() & 0xffff0fff) | 0x00004000) >>> 0); // version 4
    const w3 = hex8(((this.next32() & 0x3fffffff) | 0x80000000) >>> 0); // variant 10xx
    const w4 = hex8(this.next32());
    return `${w1}-${w2.slice(0, 4)}-${w2.slice(4)}-${w3.slice(0, 4)}-${w3.slice(4)}${w4}`;
  }
}

// Number#toString(16) dominated generation time (four calls per UUID); a byte table is ~10x faster.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const hex8 = (n: number) => (HEX[n >>> 24] as string) + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
