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
/** One splitmix64 step: returns [output, next state]. Exported for the reference-vector test. */
export declare function splitmix64(state: bigint): [bigint, bigint];
/** A seeded stream of random numbers. Not cryptographic. */
export interface Rng {
    /** Next raw 32-bit output, an unsigned integer. */
    nextU32(): number;
    /** Uniform on [0, 1) with 53 random bits. */
    uniform(): number;
    /** Standard normal N(0, 1). */
    normal(): number;
}
/** xoshiro128** from an explicit state (four 32-bit words, not all zero). */
export declare function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Rng;
/** A generator seeded from a 64-bit integer through splitmix64. */
export declare function rngFromSeed(seed: bigint | number): Rng;
/**
 * A generator named by a key such as `["gradient-decay", "lstm", 3]`: the key is hashed (FNV-1a, 64 bit)
 * into a seed, so independent streams (weights, inputs, one per seed) never overlap by accident and adding a
 * stream does not shift the numbers of the others.
 */
export declare function rngFromKey(...parts: Array<string | number>): Rng;
