import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rngFromKey, rngFromSeed, splitmix64, xoshiro128ss } from '../../src/numeric/rng.js';

describe('reference vectors', () => {
  it('xoshiro128** matches the authors’ C code from state {1, 2, 3, 4}', () => {
    // Printed by xoshiro128starstar.c (prng.di.unimi.it) compiled with gcc -O2.
    const r = xoshiro128ss(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextU32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it('splitmix64 matches the authors’ C code from seed 1234567', () => {
    let s = 1234567n;
    const out: bigint[] = [];
    for (let i = 0; i < 4; i++) {
      const [x, next] = splitmix64(s);
      out.push(x);
      s = next;
    }
    expect(out).toEqual([0x599ed017fb08fc85n, 0x2c73f08458540fa5n, 0x883ebce5a3f27c77n, 0x3fbef740e9177b3fn]);
  });
  it('rejects the all-zero state', () => {
    expect(() => xoshiro128ss(0, 0, 0, 0)).toThrow(/all zero/);
  });
});

describe('determinism', () => {
  it('the same seed or key gives the same stream; different ones differ', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = rngFromSeed(seed);
        const b = rngFromSeed(seed);
        const c = rngFromSeed(seed + 1);
        const xa = Array.from({ length: 8 }, () => a.normal());
        expect(Array.from({ length: 8 }, () => b.normal())).toEqual(xa);
        expect(Array.from({ length: 8 }, () => c.normal())).not.toEqual(xa);
      }),
    );
    const k1 = rngFromKey('w', 1).uniform();
    expect(rngFromKey('w', 1).uniform()).toBe(k1);
    expect(rngFromKey('w', 2).uniform()).not.toBe(k1);
    expect(rngFromKey('w', '1').uniform()).not.toBe(k1); // numbers and strings are distinct keys
  });
  it('pins the first values of a keyed stream (a change of algorithm changes every figure)', () => {
    const r = rngFromKey('gradient-decay', 1);
    const got = [r.nextU32(), r.uniform(), r.normal()];
    // Recorded once from this implementation (the reference-vector tests above vouch for the algorithm);
    // if this changes, every computed figure changes: bump the shortcodes' `version`.
    expect(got).toEqual([2599126192, 0.8038811556751477, -1.249183480575248]);
  });
});

describe('distributions', () => {
  const N = 200_000;
  it('uniform: in [0,1), mean 1/2, variance 1/12, flat over 20 bins (χ² test)', () => {
    const r = rngFromKey('uniform-test');
    const bins = new Array(20).fill(0);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sum2 += u * u;
      bins[Math.floor(u * 20)]++;
    }
    const mean = sum / N;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(sum2 / N - mean * mean - 1 / 12)).toBeLessThan(0.002);
    const e = N / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    expect(chi2).toBeLessThan(43.8); // 19 degrees of freedom, p = 0.001
  });
  it('normal: mean 0, variance 1, skew 0, kurtosis 3, and the normal CDF at a few points', () => {
    const r = rngFromKey('normal-test');
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = r.normal();
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    const m2 = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    const m3 = xs.reduce((a, b) => a + (b - mean) ** 3, 0) / N;
    const m4 = xs.reduce((a, b) => a + (b - mean) ** 4, 0) / N;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(m2 - 1)).toBeLessThan(0.02);
    expect(Math.abs(m3)).toBeLessThan(0.03);
    expect(Math.abs(m4 - 3)).toBeLessThan(0.1);
    // Φ(−1) = 0.158655, Φ(0) = 0.5, Φ(2) = 0.977250
    for (const [x, p] of [
      [-1, 0.158655],
      [0, 0.5],
      [2, 0.97725],
    ] as const) {
      const frac = xs.filter((v) => v < x).length / N;
      expect(Math.abs(frac - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    }
  });
});
