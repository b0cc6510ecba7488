/**
 * Singular values: the spectral norm ‖A‖₂ = σ_max(A), fast and to full precision, plus all singular values
 * by one-sided Jacobi as an independent reference (the tests check each against the other).
 */
import type { Matrix } from './matrix.js';

const EPS = Number.EPSILON;

/**
 * Largest eigenvalue of a symmetric tridiagonal matrix (diagonal `d`, off-diagonal `e`, e.length =
 * d.length − 1) by bisection on Sturm counts. Bisection cannot stall or miss on clustered or repeated
 * eigenvalues (where power iteration converges arbitrarily slowly) and is accurate to a few ulps of
 * ‖T‖ (Kahan; LAPACK's dstebz uses the same recurrence).
 */
export function largestTridiagonalEigenvalue(d: Float64Array, e: Float64Array): number {
  const n = d.length;
  if (n === 0) return Number.NaN;
  let lo = Infinity;
  let hi = -Infinity;
  let maxE2 = 0;
  for (let i = 0; i < n; i++) {
    const r = (i > 0 ? Math.abs(e[i - 1]!) : 0) + (i < n - 1 ? Math.abs(e[i]!) : 0);
    lo = Math.min(lo, d[i]! - r);
    hi = Math.max(hi, d[i]! + r);
    if (i < n - 1) maxE2 = Math.max(maxE2, e[i]! * e[i]!);
  }
  // Pivots this small are replaced so the recurrence never divides by zero (dstebz's "pivmin").
  const pivmin = Number.MIN_VALUE * 4 * Math.max(1, maxE2);
  // Number of eigenvalues strictly below x.
  const countBelow = (x: number): number => {
    let count = 0;
    let q = d[0]! - x;
    if (Math.abs(q) <= pivmin) q = -pivmin;
    if (q < 0) count++;
    for (let i = 1; i < n; i++) {
      q = d[i]! - x - (e[i - 1]! * e[i - 1]!) / q;
      if (Math.abs(q) <= pivmin) q = -pivmin;
      if (q < 0) count++;
    }
    return count;
  };
  const width = Math.max(Math.abs(lo), Math.abs(hi));
  lo -= 2 * EPS * width + pivmin;
  hi += 2 * EPS * width + pivmin;
  for (let it = 0; it < 2100; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (countBelow(mid) === n) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Reduces a symmetric n×n matrix to tridiagonal form by Householder similarity transforms and returns its
 * diagonal and off-diagonal. Only the lower triangle of `g` (row-major) is read and it is overwritten.
 * Eigenvalues are preserved to rounding error (orthogonal transforms). Touching one triangle halves the
 * work and keeps every inner loop on contiguous memory (as LAPACK's dsytd2 does with a symmetric matvec).
 */
export function tridiagonalize(g: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    const len = n - k - 1;
    const off = k + 1;
    let norm2 = 0;
    for (let i = 0; i < len; i++) {
      const x = g[(off + i) * n + k]!;
      v[i] = x;
      norm2 += x * x;
    }
    d[k] = g[k * n + k]!;
    if (norm2 === 0) {
      e[k] = 0;
      continue;
    }
    const norm = Math.sqrt(norm2);
    const alpha = v[0]! >= 0 ? -norm : norm;
    v[0]! -= alpha;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
    e[k] = alpha;
    if (vv === 0) continue;
    const beta = 2 / vv;
    // p = β·B·v for the trailing block B, from its lower triangle: each stored entry b_ij (j < i)
    // contributes to p_i and to p_j.
    for (let i = 0; i < len; i++) p[i] = 0;
    for (let i = 0; i < len; i++) {
      const row = (off + i) * n + off;
      const vi = v[i]!;
      let s = g[row + i]! * vi;
      for (let j = 0; j < i; j++) {
        const b = g[row + j]!;
        s += b * v[j]!;
        p[j]! += b * vi;
      }
      p[i]! += s;
    }
    let vp = 0;
    for (let i = 0; i < len; i++) {
      p[i]! *= beta;
      vp += v[i]! * p[i]!;
    }
    // B ← B − v·wᵀ − w·vᵀ with w = p − (β/2)(vᵀp)·v, lower triangle only.
    const kk = 0.5 * beta * vp;
    for (let i = 0; i < len; i++) p[i]! -= kk * v[i]!;
    for (let i = 0; i < len; i++) {
      const row = (off + i) * n + off;
      const vi = v[i]!;
      const wi = p[i]!;
      for (let j = 0; j <= i; j++) g[row + j]! -= vi * p[j]! + wi * v[j]!;
    }
  }
  if (n >= 2) {
    d[n - 2] = g[(n - 2) * n + n - 2]!;
    e[n - 2] = g[(n - 1) * n + n - 2]!;
  }
  if (n >= 1) d[n - 1] = g[(n - 1) * n + n - 1]!;
  return { d, e };
}

/**
 * ‖A‖₂, the largest singular value: the square root of the largest eigenvalue of the Gram matrix (AᵀA or
 * AAᵀ, whichever is smaller), found by tridiagonalisation and bisection. Squaring loses accuracy only for
 * the *small* singular values; the largest one keeps full relative precision. A is scaled by its largest
 * entry first, so values from 1e-150 to 1e150 neither underflow nor overflow in the Gram matrix.
 */
export function spectralNorm(a: Matrix): number {
  const { rows, cols, data } = a;
  if (rows === 0 || cols === 0) return 0;
  let amax = 0;
  for (let i = 0; i < data.length; i++) {
    const x = Math.abs(data[i]!);
    if (x > amax) amax = x;
    else if (x !== x) return Number.NaN;
  }
  if (amax === 0) return 0;
  if (!Number.isFinite(amax)) return Infinity;
  const inv = 1 / amax;
  // Gram of the smaller side: n×n with n = min(rows, cols).
  const byCols = cols <= rows;
  const n = byCols ? cols : rows;
  const g = new Float64Array(n * n);
  if (byCols) {
    // G = AᵀA: accumulate rows of A (contiguous reads), four at a time, upper triangle only.
    const r4 = rows - (rows % 4);
    for (let k = 0; k < r4; k += 4) {
      const o0 = k * cols;
      const o1 = o0 + cols;
      const o2 = o1 + cols;
      const o3 = o2 + cols;
      for (let i = 0; i < n; i++) {
        const a0 = data[o0 + i]! * inv;
        const a1 = data[o1 + i]! * inv;
        const a2 = data[o2 + i]! * inv;
        const a3 = data[o3 + i]! * inv;
        const gi = i * n;
        for (let j = i; j < n; j++) {
          g[gi + j] += (a0 * data[o0 + j]! + a1 * data[o1 + j]! + a2 * data[o2 + j]! + a3 * data[o3 + j]!) * inv;
        }
      }
    }
    for (let k = r4; k < rows; k++) {
      const o = k * cols;
      for (let i = 0; i < n; i++) {
        const aki = data[o + i]! * inv;
        const gi = i * n;
        for (let j = i; j < n; j++) g[gi + j] += aki * data[o + j]! * inv;
      }
    }
  } else {
    // G = AAᵀ: dot products of rows.
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let s = 0;
        for (let k = 0; k < cols; k++) s += data[i * cols + k]! * inv * (data[j * cols + k]! * inv);
        g[i * n + j] = s;
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[i * n + j] = g[j * n + i]!;
  const { d, e } = tridiagonalize(g, n);
  const lambda = largestTridiagonalEigenvalue(d, e);
  return Math.sqrt(Math.max(0, lambda)) * amax;
}

/**
 * All singular values, largest first, by one-sided Jacobi (Hestenes): rotate pairs of columns until all
 * are mutually orthogonal; the column norms are then the singular values. Slower than `spectralNorm`
 * but accurate to high relative precision for every singular value (Demmel & Veselić, 1992).
 */
export function singularValues(a: Matrix): Float64Array {
  // Work on the orientation with fewer columns.
  const tall = a.rows >= a.cols;
  const m = tall ? a.rows : a.cols;
  const n = tall ? a.cols : a.rows;
  const u = new Float64Array(m * n); // column-major: column j at [j*m, (j+1)*m)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const x = a.data[i * a.cols + j]!;
      if (tall) u[j * m + i] = x;
      else u[i * m + j] = x;
    }
  }
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = u[p * m + i]!;
          const y = u[q * m + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = u[p * m + i]!;
          const y = u[q * m + i]!;
          u[p * m + i] = c * x - s * y;
          u[q * m + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += u[j * m + i]! * u[j * m + i]!;
    sv[j] = Math.sqrt(s);
  }
  return sv.sort().reverse();
}
