import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fromRows,
  identity,
  matmul,
  maxAbsDiff,
  transpose,
  gaussianMatrix,
  scale,
  zeros,
  type Matrix,
} from '../../src/numeric/matrix.js';
import { householderQR, randomOrthogonal } from '../../src/numeric/qr.js';
import { singularValues, spectralNorm } from '../../src/numeric/svd.js';
import { eigenvalues, spectralRadius } from '../../src/numeric/eigen.js';
import { rngFromKey, rngFromSeed } from '../../src/numeric/rng.js';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function rotation2(theta: number): number[][] {
  return [
    [Math.cos(theta), -Math.sin(theta)],
    [Math.sin(theta), Math.cos(theta)],
  ];
}

/** Block-diagonal matrix from square blocks. */
function blockDiag(blocks: number[][][]): Matrix {
  const n = blocks.reduce((s, b) => s + b.length, 0);
  const m = zeros(n, n);
  let o = 0;
  for (const b of blocks) {
    b.forEach((row, i) => row.forEach((x, j) => (m.data[(o + i) * n + o + j] = x)));
    o += b.length;
  }
  return m;
}

function determinant(a: Matrix): number {
  // Gaussian elimination with partial pivoting, for the trace/determinant identities below.
  const n = a.rows;
  const m = a.data.slice();
  let det = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]!) > Math.abs(m[p * n + k]!)) p = i;
    if (m[p * n + k] === 0) return 0;
    if (p !== k) {
      for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j]!, m[k * n + j]!];
      det = -det;
    }
    det *= m[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k]! / m[k * n + k]!;
      for (let j = k; j < n; j++) m[i * n + j]! -= f * m[k * n + j]!;
    }
  }
  return det;
}

describe('matmul and transpose', () => {
  it('multiplies small matrices exactly', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromRows([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(Array.from(matmul(a, b).data)).toEqual([58, 64, 139, 154]);
    expect(Array.from(transpose(a).data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(() => matmul(a, a)).toThrow(/cannot multiply 2×3 by 2×3/);
  });
  it('(AB)ᵀ = BᵀAᵀ on random matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (n, p, seed) => {
        const rng = rngFromSeed(seed);
        const a = gaussianMatrix(n, p, rng);
        const b = gaussianMatrix(p, n + 1, rng);
        expect(maxAbsDiff(transpose(matmul(a, b)), matmul(transpose(b), transpose(a)))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('Householder QR', () => {
  it('reconstructs A with orthogonal Q and upper-triangular R', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer(), (n, extra, seed) => {
        const a = gaussianMatrix(n + extra, n, rngFromSeed(seed));
        const { q, r } = householderQR(a);
        expect(maxAbsDiff(matmul(transpose(q), q), identity(n + extra))).toBeLessThan(1e-13);
        expect(maxAbsDiff(matmul(q, r), a)).toBeLessThan(1e-12);
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < Math.min(i, n); j++) expect(r.data[i * n + j]).toBe(0);
      }),
    );
  });
  it('random orthogonal matrices are orthogonal, and Haar sign-corrected (not all det +1 or all det −1)', () => {
    const dets: number[] = [];
    for (let s = 0; s < 40; s++) {
      const q = randomOrthogonal(7, rngFromKey('qr-test', s));
      expect(maxAbsDiff(matmul(q, transpose(q)), identity(7))).toBeLessThan(1e-13);
      dets.push(Math.sign(determinant(q)));
      expect(Math.abs(Math.abs(determinant(q)) - 1)).toBeLessThan(1e-12);
    }
    // Haar measure on O(n) gives each determinant sign with probability 1/2.
    expect(dets.filter((d) => d > 0).length).toBeGreaterThan(8);
    expect(dets.filter((d) => d < 0).length).toBeGreaterThan(8);
  });
  it('Haar: the first entry of a random orthogonal column has mean 0 and variance 1/n', () => {
    const n = 5;
    const xs: number[] = [];
    for (let s = 0; s < 4000; s++) xs.push(randomOrthogonal(n, rngFromKey('haar', s)).data[0]!);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03); // SE ≈ sqrt(1/5/4000) ≈ 0.007
    expect(Math.abs(variance - 1 / n)).toBeLessThan(0.02);
    // Without the sign correction Q[0][0] is biased negative: Householder makes R00 = −sign(a00)‖a‖.
  });
});

describe('spectral norm', () => {
  it('matches known matrices', () => {
    expect(relErr(spectralNorm(fromRows([[3]])), 3)).toBeLessThan(1e-15);
    expect(relErr(spectralNorm(fromRows([[1, 2], [3, 4]])), Math.sqrt(15 + Math.sqrt(221)))).toBeLessThan(1e-14);
    expect(relErr(spectralNorm(fromRows([[0, 5, 0], [0, 0, -7], [2, 0, 0]])), 7)).toBeLessThan(1e-15);
    // Rank one: ‖u vᵀ‖ = ‖u‖‖v‖.
    const u = [1, -2, 2];
    const v = [3, 4];
    expect(relErr(spectralNorm(fromRows(u.map((x) => v.map((y) => x * y)))), 15)).toBeLessThan(1e-14);
    // Non-square both ways.
    expect(relErr(spectralNorm(fromRows([[1, 1, 1, 1]])), 2)).toBeLessThan(1e-15);
    expect(relErr(spectralNorm(fromRows([[1], [1], [1], [1]])), 2)).toBeLessThan(1e-15);
    expect(spectralNorm(zeros(3, 3))).toBe(0);
  });
  it('of ρ·Q is ρ for orthogonal Q (all singular values equal: power iteration would not converge)', () => {
    for (const rho of [1e-120, 0.37, 1, 2.5, 1e120]) {
      const q = randomOrthogonal(32, rngFromKey('norm', rho));
      expect(relErr(spectralNorm(scale(q, rho)), rho)).toBeLessThan(1e-13);
    }
  });
  it('of a diagonal matrix is its largest |entry|, also with a near-tie', () => {
    const d = identity(6);
    [1, -2, 0.5, 2 * (1 - 1e-15), 0, 1.5].forEach((x, i) => (d.data[i * 6 + i] = x));
    expect(relErr(spectralNorm(d), 2)).toBeLessThan(1e-15);
  });
  it('agrees with one-sided Jacobi SVD to 1e-12 on random matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer(),
        fc.double({ min: -30, max: 30, noNaN: true }),
        (r, c, seed, logScale) => {
          const a = scale(gaussianMatrix(r, c, rngFromSeed(seed)), 10 ** logScale);
          const sv = singularValues(a);
          expect(relErr(spectralNorm(a), sv[0]!)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('Jacobi singular values satisfy Σσ² = ‖A‖_F² and are invariant under orthogonal factors', () => {
    const rng = rngFromKey('jacobi');
    const a = gaussianMatrix(9, 9, rng);
    const sv = singularValues(a);
    const fro = a.data.reduce((s, x) => s + x * x, 0);
    expect(relErr(sv.reduce((s, x) => s + x * x, 0), fro)).toBeLessThan(1e-13);
    const q = randomOrthogonal(9, rng);
    const sv2 = singularValues(matmul(q, a));
    for (let i = 0; i < 9; i++) expect(relErr(sv2[i]!, sv[i]!)).toBeLessThan(1e-12);
    // Known singular values: Q·diag(s)·Q'.
    const s = [5, 4, 3, 2, 1, 0.5, 0.25, 0.125, 1e-6];
    const q2 = randomOrthogonal(9, rng);
    const b = matmul(matmul(q, blockDiag(s.map((x) => [[x]]))), q2);
    singularValues(b).forEach((x, i) => expect(relErr(x, s[i]!)).toBeLessThan(1e-9));
  });
});

describe('eigenvalues and spectral radius', () => {
  it('finds a known spectrum hidden by an orthogonal similarity', () => {
    const rng = rngFromKey('eig');
    // Eigenvalues: 0.9e^{±0.3i}, 0.9e^{±2i}, 0.5, −0.7, 0.2 → spectral radius 0.9 (two pairs tie).
    const b = blockDiag([
      rotation2(0.3).map((r) => r.map((x) => 0.9 * x)),
      rotation2(2).map((r) => r.map((x) => 0.9 * x)),
      [[0.5]],
      [[-0.7]],
      [[0.2]],
    ]);
    const q = randomOrthogonal(7, rng);
    const a = matmul(matmul(transpose(q), b), q);
    expect(relErr(spectralRadius(a), 0.9)).toBeLessThan(1e-12);
    const { re, im } = eigenvalues(a);
    const got = Array.from(re, (x, i) => [x, im[i]!] as const).sort((p, q2) => p[0] - q2[0] || p[1] - q2[1]);
    const want = [
      [-0.7, 0],
      [0.9 * Math.cos(2), -0.9 * Math.sin(2)],
      [0.9 * Math.cos(2), 0.9 * Math.sin(2)],
      [0.2, 0],
      [0.5, 0],
      [0.9 * Math.cos(0.3), -0.9 * Math.sin(0.3)],
      [0.9 * Math.cos(0.3), 0.9 * Math.sin(0.3)],
    ];
    got.forEach(([x, y], i) => {
      expect(Math.abs(x - want[i]![0]!)).toBeLessThan(1e-12);
      expect(Math.abs(y - want[i]![1]!)).toBeLessThan(1e-12);
    });
  });
  it('solves a companion matrix: roots of (x−1)(x−2)(x−3)(x+4)', () => {
    // x⁴ − 2x³ − 13x² + 38x − 24
    const c = fromRows([
      [2, 13, -38, 24],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]);
    const { re, im } = eigenvalues(c);
    expect(Array.from(re).sort((a, b) => a - b).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([-4, 1, 2, 3]);
    expect(Array.from(im).every((x) => x === 0)).toBe(true);
    expect(relErr(spectralRadius(c), 4)).toBeLessThan(1e-12);
  });
  it('Σλ = trace, Πλ = det and Σλ² = trace(A²) on random Gaussian matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const a = gaussianMatrix(n, n, rngFromSeed(seed), 1 / Math.sqrt(n));
        const { re, im } = eigenvalues(a);
        let tr = 0;
        let tr2 = 0;
        const a2 = matmul(a, a);
        for (let i = 0; i < n; i++) {
          tr += a.data[i * n + i]!;
          tr2 += a2.data[i * n + i]!;
        }
        let sr = 0;
        let si = 0;
        let s2 = 0;
        let pr = 1;
        let pi = 0;
        for (let i = 0; i < n; i++) {
          sr += re[i]!;
          si += im[i]!;
          s2 += re[i]! * re[i]! - im[i]! * im[i]!;
          [pr, pi] = [pr * re[i]! - pi * im[i]!, pr * im[i]! + pi * re[i]!];
        }
        expect(Math.abs(sr - tr)).toBeLessThan(1e-10 * n);
        expect(Math.abs(si)).toBeLessThan(1e-10 * n);
        expect(Math.abs(s2 - tr2)).toBeLessThan(1e-10 * n);
        const det = determinant(a);
        expect(Math.abs(pr - det)).toBeLessThan(1e-8 * Math.max(1, Math.abs(det)));
      }),
      { numRuns: 60 },
    );
  });
  it('ρ(Q) = 1 for orthogonal Q, and ρ ≤ ‖A‖₂ always', () => {
    const rng = rngFromKey('radius');
    expect(relErr(spectralRadius(randomOrthogonal(32, rng)), 1)).toBeLessThan(1e-12);
    for (let i = 0; i < 20; i++) {
      const a = gaussianMatrix(16, 16, rng);
      expect(spectralRadius(a)).toBeLessThanOrEqual(spectralNorm(a) * (1 + 1e-12));
    }
  });
  it('handles triangular, zero and 1×1 matrices', () => {
    expect(spectralRadius(fromRows([[-3]]))).toBe(3);
    expect(spectralRadius(zeros(4, 4))).toBe(0);
    expect(spectralRadius(fromRows([[1, 5, 6], [0, -2, 7], [0, 0, 0.5]]))).toBeCloseTo(2, 14);
    expect(() => eigenvalues(zeros(2, 3))).toThrow(/square/);
  });
});
