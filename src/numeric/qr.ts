/**
 * Householder QR and Haar-random orthogonal matrices.
 */
import { clone, gaussianMatrix, identity, type Matrix } from './matrix.js';
import type { Rng } from './rng.js';

/**
 * A = Q·R for an m×n matrix with m ≥ n: Q is m×m orthogonal, R is m×n upper triangular. Householder
 * reflections (not Gram–Schmidt) so Q stays orthogonal to rounding error even for ill-conditioned A.
 */
export function householderQR(a: Matrix): { q: Matrix; r: Matrix } {
  const m = a.rows;
  const n = a.cols;
  if (m < n) throw new RangeError(`householderQR needs rows ≥ cols, got ${m}×${n}`);
  const r = clone(a);
  const q = identity(m);
  const R = r.data;
  const Q = q.data;
  const v = new Float64Array(m);
  const steps = Math.min(m - 1, n);
  for (let k = 0; k < steps; k++) {
    const len = m - k;
    let norm2 = 0;
    for (let i = 0; i < len; i++) {
      const x = R[(k + i) * n + k]!;
      v[i] = x;
      norm2 += x * x;
    }
    if (norm2 === 0) continue;
    const norm = Math.sqrt(norm2);
    // Reflect x onto -sign(x0)·‖x‖·e1: adding (not subtracting) avoids cancellation in v0.
    const alpha = v[0]! >= 0 ? -norm : norm;
    v[0]! -= alpha;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
    if (vv === 0) continue;
    const beta = 2 / vv;
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += v[i]! * R[(k + i) * n + j]!;
      s *= beta;
      for (let i = 0; i < len; i++) R[(k + i) * n + j]! -= s * v[i]!;
    }
    R[k * n + k] = alpha;
    for (let i = 1; i < len; i++) R[(k + i) * n + k] = 0;
    // Q ← Q·H_k, so that at the end Q = H_0·H_1·…, and A = Q·R.
    for (let row = 0; row < m; row++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += Q[row * m + k + i]! * v[i]!;
      s *= beta;
      for (let i = 0; i < len; i++) Q[row * m + k + i]! -= s * v[i]!;
    }
  }
  return { q, r };
}

/**
 * An n×n orthogonal matrix distributed uniformly (Haar measure) on O(n): the Q of a Gaussian matrix's QR
 * decomposition, with each column's sign chosen so that R's diagonal is positive. Without that correction
 * Q is not Haar-distributed (Mezzadri, "How to generate random matrices from the classical compact groups",
 * Notices of the AMS 54, 2007).
 */
export function randomOrthogonal(n: number, rng: Rng): Matrix {
  const { q, r } = householderQR(gaussianMatrix(n, n, rng));
  for (let j = 0; j < n; j++) {
    if (r.data[j * n + j]! < 0) {
      for (let i = 0; i < n; i++) q.data[i * n + j] = -q.data[i * n + j]!;
    }
  }
  return q;
}
