/**
 * Householder QR and Haar-random orthogonal matrices.
 */
import { clone, gaussianMatrix, identity, type Matrix } from './matrix.js';
import type { Rng } from './rng.js';
import { reflectCols, reflectRows, reflector } from './householder.js';

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
    const h = reflector(R, k * n + k, n, len, v);
    if (!h) continue;
    reflectRows(R, n, k, len, k, n, v, h.beta);
    R[k * n + k] = h.alpha;
    for (let i = 1; i < len; i++) R[(k + i) * n + k] = 0;
    // Q ← Q·H_k, so that at the end Q = H_0·H_1·…, and A = Q·R.
    reflectCols(Q, m, k, len, m, v, h.beta);
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
