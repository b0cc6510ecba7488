// The optimised kernels behind the gradient-decay plot (register-blocked products, the Gram matrix, the
// fused Householder tridiagonalisation, Laguerre-started bisection, exact power-of-two scaling) against
// straightforward reference implementations written here, on random inputs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  gaussianMatrix,
  gaussianVector,
  matmul,
  matmulInto,
  matvec,
  scale,
  smallInt,
  transpose,
  zeros,
  type Matrix,
} from '../../src/numeric/matrix.js';
import { randomOrthogonal } from '../../src/numeric/qr.js';
import { rngFromSeed, type Rng } from '../../src/numeric/rng.js';
import {
  gramLower,
  largestTridiagonalEigenvalue,
  singularValues,
  spectralNorm,
  tridiagonalize,
} from '../../src/numeric/svd.js';
import { rnnGradientNorms, rnnForward } from '../../src/numeric/rnn.js';
import { derivative, type Activation } from '../../src/numeric/activation.js';

const EPS = Number.EPSILON;
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** C = A·B by the textbook triple loop, one dot product per entry. */
function referenceMatmul(a: Matrix, b: Matrix): Matrix {
  const c = zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k]! * b.data[k * b.cols + j]!;
      c.data[i * b.cols + j] = s;
    }
  }
  return c;
}

/** Largest |x − y| relative to the largest |y| (entrywise comparison of whole matrices). */
function normwiseErr(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < y.length; i++) {
    d = Math.max(d, Math.abs(x[i]! - y[i]!));
    m = Math.max(m, Math.abs(y[i]!));
  }
  return m === 0 ? d : d / m;
}

/** Sturm count and plain bisection from the Gershgorin interval: the textbook largest eigenvalue. */
function referenceLargestEigenvalue(d: Float64Array, e: Float64Array): number {
  const n = d.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = (i > 0 ? Math.abs(e[i - 1]!) : 0) + (i < n - 1 ? Math.abs(e[i]!) : 0);
    lo = Math.min(lo, d[i]! - r);
    hi = Math.max(hi, d[i]! + r);
  }
  const pivmin = Number.MIN_VALUE * 4 * Math.max(1, ...Array.from(e, (x) => x * x));
  const below = (x: number) => {
    let count = 0;
    let q = 1;
    for (let i = 0; i < n; i++) {
      q = d[i]! - x - (i > 0 ? (e[i - 1]! * e[i - 1]!) / q : 0);
      if (Math.abs(q) <= pivmin) q = -pivmin;
      if (q < 0) count++;
    }
    return count;
  };
  const w = Math.max(Math.abs(lo), Math.abs(hi));
  lo -= 2 * EPS * w + pivmin;
  hi += 2 * EPS * w + pivmin;
  for (let it = 0; it < 3000; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (below(mid) === n) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** Symmetric n×n matrix with the given eigenvalues, hidden by a random orthogonal similarity. */
function symmetricWithSpectrum(values: readonly number[], rng: Rng): Float64Array {
  const n = values.length;
  const q = randomOrthogonal(n, rng);
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q.data[i * n + k]! * values[k]! * q.data[j * n + k]!;
      g[i * n + j] = s;
    }
  }
  return g;
}

describe('matmul (register-blocked)', () => {
  it('equals the textbook triple loop on random shapes, including remainders of rows and k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 13 }), fc.integer(), (n, m, p, seed) => {
        const rng = rngFromSeed(seed);
        const a = gaussianMatrix(n, m, rng);
        const b = gaussianMatrix(m, p, rng);
        expect(normwiseErr(matmul(a, b).data, referenceMatmul(a, b).data)).toBeLessThan(1e-14 * m);
      }),
      { numRuns: 200 },
    );
  });
  it('sums every entry in the same order whether its row is in a block of four or a remainder row', () => {
    const rng = rngFromSeed(7);
    const a = gaussianMatrix(7, 10, rng); // rows 0–3 blocked, 4–6 one at a time; k: 8 in fours + 2
    const b = gaussianMatrix(10, 5, rng);
    const c = matmul(a, b);
    for (let i = 0; i < 7; i++) {
      const row = { rows: 1, cols: 10, data: a.data.slice(i * 10, i * 10 + 10) };
      expect(Array.from(matmul(row, b).data)).toEqual(Array.from(c.data.subarray(i * 5, i * 5 + 5)));
    }
  });
  it('matmulInto overwrites whatever the output held', () => {
    const rng = rngFromSeed(8);
    const a = gaussianMatrix(6, 6, rng);
    const b = gaussianMatrix(6, 6, rng);
    const out = new Float64Array(36).fill(Number.NaN);
    matmulInto(a.data, b.data, out, 6, 6, 6);
    expect(Array.from(out)).toEqual(Array.from(matmul(a, b).data));
  });
});

describe('smallInt', () => {
  it('never changes a value: int32 values come back equal, anything else unchanged', () => {
    for (const x of [0, 1, 32, -7, 2 ** 31 - 1, -(2 ** 31)]) expect(smallInt(x)).toBe(x);
    for (const x of [2 ** 31, 1e12, 0.5, -1.5, Infinity, Number.NaN]) expect(smallInt(x)).toBe(x);
    expect(zeros(3, 32.0).cols).toBe(32);
  });
});

describe('matvec (four rows at a time)', () => {
  it('is bit-for-bit the left-to-right dot product of each row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 11 }), fc.integer(), (n, m, seed) => {
        const rng = rngFromSeed(seed);
        const a = gaussianMatrix(n, m, rng);
        const x = gaussianVector(m, rng);
        const y = matvec(a, x);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += a.data[i * m + j]! * x[j]!;
          expect(y[i]).toBe(s);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('gramLower', () => {
  it('fills the lower triangle of XᵀX as the textbook product does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 14 }), fc.integer(), (rows, n, seed) => {
        const x = gaussianMatrix(rows, n, rngFromSeed(seed));
        const g = new Float64Array(n * n).fill(Number.NaN);
        gramLower(x.data, rows, n, g);
        const ref = referenceMatmul(transpose(x), x);
        const lower = (m: ArrayLike<number>) => Array.from({ length: (n * (n + 1)) / 2 }, (_, t) => {
          const i = Math.floor((Math.sqrt(8 * t + 1) - 1) / 2);
          const j = t - (i * (i + 1)) / 2;
          return m[i * n + j]!;
        });
        expect(normwiseErr(lower(g), lower(ref.data))).toBeLessThan(1e-14 * rows);
      }),
      { numRuns: 150 },
    );
  });
});

describe('tridiagonalize (fused single-pass Householder)', () => {
  it('keeps the spectrum: the same largest eigenvalue, trace and Frobenius norm as the matrix it came from', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 16 }), fc.integer(), (values, seed) => {
        const n = values.length;
        const g = symmetricWithSpectrum(values, rngFromSeed(seed));
        const trace = values.reduce((s, v) => s + v, 0);
        const fro2 = values.reduce((s, v) => s + v * v, 0);
        const { d, e } = tridiagonalize(g.slice(), n);
        const scaleOf = Math.max(1, ...values.map(Math.abs));
        expect(Math.abs(d.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-13 * n * scaleOf);
        const f2 = d.reduce((s, v) => s + v * v, 0) + 2 * e.reduce((s, v) => s + v * v, 0);
        expect(Math.abs(f2 - fro2)).toBeLessThan(1e-13 * n * scaleOf * scaleOf);
        expect(Math.abs(largestTridiagonalEigenvalue(d, e) - Math.max(...values))).toBeLessThan(1e-13 * n * scaleOf);
      }),
      { numRuns: 200 },
    );
  });
  it('reads only the lower triangle', () => {
    const rng = rngFromSeed(3);
    const n = 9;
    const g = symmetricWithSpectrum(Array.from({ length: n }, (_, i) => i - 3), rng);
    const garbage = g.slice();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) garbage[i * n + j] = 1e300;
    const a = tridiagonalize(g, n);
    const b = tridiagonalize(garbage, n);
    expect(Array.from(b.d)).toEqual(Array.from(a.d));
    expect(Array.from(b.e)).toEqual(Array.from(a.e));
  });
  it('handles sizes 1 and 2 and already diagonal matrices', () => {
    expect(Array.from(tridiagonalize(new Float64Array([4]), 1).d)).toEqual([4]);
    const two = tridiagonalize(new Float64Array([1, 0, 2, 3]), 2);
    expect([...two.d, ...two.e]).toEqual([1, 3, 2]);
    const diag = new Float64Array(16);
    [3, 1, 4, 1].forEach((v, i) => (diag[i * 4 + i] = v));
    const t = tridiagonalize(diag, 4);
    expect(Array.from(t.d)).toEqual([3, 1, 4, 1]);
    expect(Array.from(t.e).every((x) => x === 0)).toBe(true);
  });
});

describe('largestTridiagonalEigenvalue (Laguerre, proved by Sturm counts, finished by bisection)', () => {
  const tridiagonal = fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      kind: fc.constantFrom('random', 'cluster', 'reduced', 'ties', 'graded'),
      seed: fc.integer(),
      logScale: fc.integer({ min: -150, max: 150 }),
    })
    .map(({ n, kind, seed, logScale }) => {
      const rng = rngFromSeed(seed);
      const s = 2 ** logScale;
      const d = new Float64Array(n);
      const e = new Float64Array(Math.max(0, n - 1));
      for (let i = 0; i < n; i++) {
        const u = rng.normal();
        d[i] = s * (kind === 'cluster' ? 1 + 1e-9 * u : kind === 'ties' ? 2 : kind === 'graded' ? 10 ** (i % 12) * u : u);
      }
      for (let i = 0; i < n - 1; i++) {
        const u = rng.normal();
        e[i] = s * (kind === 'cluster' ? 1e-10 * u : kind === 'reduced' && i % 3 === 0 ? 0 : kind === 'ties' ? 0 : u);
      }
      return { d, e };
    });
  it('agrees with plain bisection from the Gershgorin interval to a few ulps', () => {
    fc.assert(
      fc.property(tridiagonal, ({ d, e }) => {
        const want = referenceLargestEigenvalue(d, e);
        const got = largestTridiagonalEigenvalue(d, e);
        const norm = Math.max(...Array.from(d, Math.abs), ...Array.from(e, Math.abs));
        expect(Math.abs(got - want)).toBeLessThanOrEqual(8 * EPS * norm);
      }),
      { numRuns: 400 },
    );
  });
  it('is exact for a largest eigenvalue of high multiplicity, where Laguerre stalls (ReLU Gram matrices)', () => {
    for (const m of [1, 4, 16, 31]) {
      const values = Array.from({ length: 32 }, (_, i) => (i < m ? 0.25 : 0));
      const { d, e } = tridiagonalize(symmetricWithSpectrum(values, rngFromSeed(m)), 32);
      const got = largestTridiagonalEigenvalue(d, e);
      expect(Math.abs(got - referenceLargestEigenvalue(d, e))).toBeLessThanOrEqual(8 * EPS * 0.25);
      expect(relErr(got, 0.25)).toBeLessThan(1e-14);
    }
  });
  it('finds the known largest eigenvalue of the free-particle tridiagonal 2 − 2cos(kπ/(n+1))', () => {
    for (const n of [1, 2, 5, 32, 100]) {
      const d = new Float64Array(n).fill(2);
      const e = new Float64Array(n - 1).fill(-1);
      expect(relErr(largestTridiagonalEigenvalue(d, e), 2 - 2 * Math.cos((n * Math.PI) / (n + 1)))).toBeLessThan(4 * EPS);
    }
  });
});

describe('spectralNorm', () => {
  it('is exactly homogeneous under powers of two, in and out of the range read in place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer(), fc.integer({ min: -600, max: 600 }), (r, c, seed, k) => {
        const a = gaussianMatrix(r, c, rngFromSeed(seed));
        expect(spectralNorm(scale(a, 2 ** k))).toBe(spectralNorm(a) * 2 ** k);
      }),
      { numRuns: 200 },
    );
  });
  it('of a wide A is bit-for-bit that of the tall Aᵀ (the same Gram matrix AAᵀ, read transposed or in place)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.integer(), (r, extra, seed) => {
        const a = gaussianMatrix(r, r + extra, rngFromSeed(seed));
        expect(spectralNorm(transpose(a))).toBe(spectralNorm(a));
      }),
      { numRuns: 100 },
    );
  });
  it('agrees with Jacobi SVD on products of many near-orthogonal factors (clustered singular values)', () => {
    const rng = rngFromSeed(11);
    const n = 32;
    let j = randomOrthogonal(n, rng);
    for (let t = 0; t < 40; t++) {
      const q = randomOrthogonal(n, rng);
      for (let i = 0; i < n; i++) for (let c = 0; c < n; c++) q.data[i * n + c]! *= 1 - 0.01 * rng.uniform();
      j = matmul(j, q);
      expect(relErr(spectralNorm(j), singularValues(j)[0]!)).toBeLessThan(1e-13);
    }
  });
});

describe('RNN gradient norms', () => {
  /** J_k = Π diag(φ′(a))·W, built from explicit matrices with the textbook product, and its σ_max by Jacobi. */
  function referenceNorms(W: Matrix, U: Matrix, b: Float64Array, phi: Activation, xs: Float64Array[]): number[] {
    const n = W.rows;
    const { pre } = rnnForward({ W, U, b }, phi, xs, new Float64Array(n));
    const T = xs.length;
    const out: number[] = [];
    let j: Matrix | undefined;
    for (let k = 1; k <= T; k++) {
      const a = pre[T - k]!;
      const factor = zeros(n, n);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) factor.data[r * n + c] = derivative(phi, a[r]!) * W.data[r * n + c]!;
      j = j ? referenceMatmul(j, factor) : factor;
      out.push(singularValues(j)[0]!);
    }
    return out;
  }
  it('equal σ_max of explicitly built Jacobian products (Jacobi SVD) to 1e-12', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<Activation>('tanh', 'relu', 'sigmoid', 'linear'),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.integer(),
        (n, T, phi, rho, seed) => {
          const rng = rngFromSeed(seed);
          const W = scale(randomOrthogonal(n, rng), rho);
          const U = gaussianMatrix(n, n, rng, 1 / Math.sqrt(n));
          const b = gaussianVector(n, rng, 0.1);
          const xs = Array.from({ length: T }, () => gaussianVector(n, rng));
          const got = rnnGradientNorms({ W, U, b }, phi, xs, new Float64Array(n));
          const want = referenceNorms(W, U, b, phi, xs);
          want.forEach((v, i) => {
            if (v === 0) expect(got[i]).toBe(0);
            else expect(relErr(got[i]!, v)).toBeLessThan(1e-12);
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});
