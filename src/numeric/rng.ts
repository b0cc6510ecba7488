/**
 * Seeded pseudo-random numbers for reproducible figures.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c), 32-bit
 * operations only, so it is fast in JavaScript without BigInt. Its 128-bit state is filled from
 * splitmix64 (https://prng.di.unimi.it/splitmix64.c), as the authors recommend: consecutive seeds then give
 * unrelated streams and the all-zero state cannot occur. splitmix64 runs once per generator, so its BigInt
 * arithmetic costs nothing measurable.
 *
 * Gaussian variates use Marsaglia's polar method (pairs, the second one cached), which needs no
 * trigonometric functions whose last bits could differ between platforms: every step is an IEEE-754
 * basic operation or `Math.sqrt`/`Math.log`, so the same seed gives the same numbers everywhere we run
 * (V8 on Node 20 and later).
 */

const MASK64 = (1n << 64n) - 1n;

/** One splitmix64 step: returns [output, next state]. Exported for the reference-vector test. */
export function splitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [z ^ (z >> 31n), s];
}

/** A seeded stream of random numbers. Not cryptographic. */
export interface Rng {
  /** Next raw 32-bit output, an unsigned integer. */
  nextU32(): number;
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** xoshiro128** from an explicit state (four 32-bit words, not all zero). */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Rng {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  if ((a | b | c | d) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  let spare: number | undefined;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result >>> 0;
  };
  const uniform = (): number => {
    // 27 + 26 bits → a multiple of 2^-53 in [0, 1), as in the authors' double conversion.
    const hi = nextU32() >>> 5;
    const lo = nextU32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  const normal = (): number => {
    if (spare !== undefined) {
      const v = spare;
      spare = undefined;
      return v;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
  return { nextU32, uniform, normal };
}

/** A generator seeded from a 64-bit integer through splitmix64. */
export function rngFromSeed(seed: bigint | number): Rng {
  let state = BigInt.asUintN(64, typeof seed === 'bigint' ? seed : BigInt(Math.trunc(seed)));
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    const [out, next] = splitmix64(state);
    state = next;
    words.push(Number(out & 0xffffffffn), Number(out >> 32n));
  }
  return xoshiro128ss(words[0]!, words[1]!, words[2]!, words[3]!);
}

/**
 * A generator named by a key such as `["gradient-decay", "lstm", 3]`: the key is hashed (FNV-1a, 64 bit)
 * into a seed, so independent streams (weights, inputs, one per seed) never overlap by accident and adding a
 * stream does not shift the numbers of the others.
 */
export function rngFromKey(...parts: Array<string | number>): Rng {
  let h = 0xcbf29ce484222325n;
  const text = parts.map((p) => (typeof p === 'number' ? `n:${p}` : `s:${p}`)).join('\u0000');
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return rngFromSeed(h);
}
