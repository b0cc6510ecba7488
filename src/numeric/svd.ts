/**
 * Singular values: the spectral norm ‖A‖₂ = σ_max(A), fast and to full precision, plus all singular values
 * by one-sided Jacobi as an independent reference (the tests check each against the other).
 */
import type { Matrix } from './matrix.js';

const EPS = Number.EPSILON;

/**
 * Largest eigenvalue of a symmetric tridiagonal matrix (diagonal `d`, off-diagonal `e`, e.length =
 * d.length − 1), as the bisection point of Sturm counts. Bisection cannot stall or miss on clustered or
 * repeated eigenvalues (where power iteration converges arbitrarily slowly) and is accurate to a few
 * ulps of ‖T‖ (Kahan; LAPACK's dstebz uses the same recurrence).
 *
 * Plain bisection from the Gershgorin interval needs about 53 Sturm counts. Laguerre's method, started
 * above the spectrum, reaches the largest eigenvalue in a handful of passes (`laguerreFromAbove`); its
 * answer is only used once two Sturm counts prove that the largest eigenvalue lies within a few ulps of
 * it, and bisection then finishes inside that interval. So the result is a Sturm-count bisection point,
 * as before, found in about a quarter of the time. Laguerre converges only linearly to a multiple root,
 * and stalls a little above a largest eigenvalue of multiplicity four or more (ReLU networks' Jacobians
 * have many equal singular values: 31 of 31,500 Gram matrices in a sweep of the gradient-decay
 * experiments); then bisection runs from whatever interval the counts confirm.
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
  const width = Math.max(Math.abs(lo), Math.abs(hi));
  lo -= 2 * EPS * width + pivmin;
  hi += 2 * EPS * width + pivmin;
  const guess = laguerreFromAbove(d, e, hi);
  if (guess > lo && guess <= hi) {
    const tol = 4 * EPS * Math.abs(guess) + pivmin;
    const a = guess - tol;
    const b = guess + tol;
    // All n eigenvalues below b, and at least one at or above a: the largest lies in [a, b).
    if (sturmCountBelow(d, e, b, pivmin) === n) {
      hi = Math.min(hi, b);
      if (sturmCountBelow(d, e, a, pivmin) < n) lo = Math.max(lo, a);
      else {
        // Laguerre stopped short, above a multiple largest eigenvalue. The largest diagonal entry is a
        // lower bound (a Rayleigh quotient); the count confirms it, and bisection starts from there
        // instead of from Gershgorin's bound.
        let dmax = -Infinity;
        for (let i = 0; i < n; i++) dmax = Math.max(dmax, d[i]!);
        if (dmax > lo && dmax < hi && sturmCountBelow(d, e, dmax, pivmin) < n) lo = dmax;
      }
    }
  }
  for (let it = 0; it < 2100; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    if (sturmCountBelow(d, e, mid, pivmin) === n) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Number of eigenvalues of the tridiagonal (d, e) strictly below x: the number of negative pivots of
 * the LDLᵀ factorisation of T − x·I (Sylvester's law of inertia).
 */
function sturmCountBelow(d: Float64Array, e: Float64Array, x: number, pivmin: number): number {
  const n = d.length;
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
}

/**
 * An approximation of the largest eigenvalue of the tridiagonal (d, e) by Laguerre's method on its
 * characteristic polynomial p(x) = det(T − x·I), started at `x0` above the spectrum; NaN if the
 * iteration breaks down. For a polynomial with only real roots, Laguerre's iterates from above the
 * largest root decrease monotonically to it, cubically for a simple root, and a cluster of roots is
 * passed in one step rather than crawled through as by Newton's method: the step is exact when all the
 * other roots coincide.
 *
 * p′/p and (p′/p)′ come from the same pivot recurrence as the Sturm count: p = Π q_i with
 * q_i = d_i − x − e²_{i−1}/q_{i−1}, so p′/p = Σ q′_i/q_i, differentiating the recurrence once and twice.
 * One division per row and pass.
 */
function laguerreFromAbove(d: Float64Array, e: Float64Array, x0: number): number {
  const n = d.length;
  let x = x0;
  for (let it = 0; it < 40; it++) {
    // G = p′/p = Σ 1/(x − λ_j), H = −G′ = Σ 1/(x − λ_j)².
    let q = d[0]! - x;
    let dq = -1;
    let ddq = 0;
    let u = 1 / q;
    let G = dq * u;
    let H = dq * u * dq * u;
    for (let i = 1; i < n; i++) {
      const c = e[i - 1]! * e[i - 1]!;
      const cu2 = c * u * u;
      const ddqi = cu2 * (ddq - 2 * dq * dq * u);
      dq = -1 + cu2 * dq;
      ddq = ddqi;
      q = d[i]! - x - c * u;
      u = 1 / q;
      const r = dq * u;
      G += r;
      H += r * r - ddq * u;
    }
    if (!Number.isFinite(G) || !Number.isFinite(H) || G <= 0) return it === 0 ? Number.NaN : x;
    const step = n / (G + Math.sqrt(Math.max(0, (n - 1) * (n * H - G * G))));
    const next = x - step;
    if (!(next < x)) return x;
    x = next;
    if (step <= 2 * EPS * Math.abs(x)) return x;
  }
  return x;
}

/**
 * Reduces a symmetric n×n matrix to tridiagonal form by Householder similarity transforms and returns its
 * diagonal and off-diagonal. Only the lower triangle of `g` (row-major) is read and it is overwritten.
 * Eigenvalues are preserved to rounding error (orthogonal transforms).
 */
export function tridiagonalize(g: Float64Array, n: number): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(0, n - 1));
  tridiagonalizeInto(g, n, d, e, tridiagonalWork(n));
  return { d, e };
}

/** Scratch vectors of `tridiagonalizeInto`: the current and the next step's reflector and update vector. */
export interface TridiagonalWork {
  v: Float64Array;
  w: Float64Array;
  vn: Float64Array;
  pn: Float64Array;
}

export function tridiagonalWork(n: number): TridiagonalWork {
  return { v: new Float64Array(n), w: new Float64Array(n), vn: new Float64Array(n), pn: new Float64Array(n) };
}

/**
 * `tridiagonalize` without allocation: writes the diagonal to d[0..n) and the off-diagonal to e[0..n−1),
 * using `work` (vectors of length ≥ n) as scratch.
 *
 * Step k reflects column k of the trailing block B (rows and columns k+1…) onto its first entry with
 * H = I − β·v·vᵀ and updates B ← H·B·H = B − v·wᵀ − w·vᵀ, w = p − (β/2)(vᵀp)·v, p = β·B·v, as LAPACK's
 * dsytd2 does. Only the lower triangle is touched: half the work, and every inner loop runs along a row.
 *
 * Loads and stores, not arithmetic, bound these loops in V8, so the passes over B are cut from two per
 * step to one: step k's update is applied to B's first column alone, which gives step k+1's reflector
 * (and is never stored: nothing reads it again); then a single pass applies step k's update to the rest
 * of B and multiplies the updated entries by step k+1's vector at once (`updateAndMultiply`). Every entry
 * is updated by the same expression as in the two-pass algorithm, so the results are identical; the pass
 * takes two rows at a time, so each vector entry loaded serves two rows.
 */
export function tridiagonalizeInto(g: Float64Array, n: number, d: Float64Array, e: Float64Array, work: TridiagonalWork): void {
  if (n < 3) {
    if (n >= 1) d[0] = g[0]!;
    if (n === 2) {
      e[0] = g[n]!;
      d[1] = g[n + 1]!;
    }
    return;
  }
  // v, w: the current step's reflector and update vector; vn, pn: the next step's.
  let { v, w, vn, pn } = work;
  d[0] = g[0]!;
  for (let i = 0; i < n - 1; i++) v[i] = g[(i + 1) * n]!;
  let beta = reflector(v, n - 1, e, 0);
  if (beta !== 0) {
    multiplyLower(g, n, 1, n - 1, v, w);
    finishUpdateVector(v, w, n - 1, beta);
  }
  for (let k = 0; k < n - 2; k++) {
    const off = k + 1;
    const len = n - off;
    // The trailing block B (len×len at (off, off)) still owes step k's update. Its first column, updated,
    // is d[off] and the column of step k+1's reflector; it is never read again, so it is not stored.
    const diag = off * n + off;
    if (beta !== 0) {
      const v0 = v[0]!;
      const w0 = w[0]!;
      d[off] = g[diag]! - (v0 * w0 + w0 * v0);
      for (let i = 1; i < len; i++) vn[i - 1] = g[diag + i * n]! - (v[i]! * w0 + w[i]! * v0);
    } else {
      d[off] = g[diag]!;
      for (let i = 1; i < len; i++) vn[i - 1] = g[diag + i * n]!;
    }
    if (k === n - 3) {
      // B is 2×2: its updated column gave d[n−2] and the last off-diagonal entry; one entry is left.
      e[n - 2] = vn[0]!;
      d[n - 1] = beta !== 0 ? g[diag + n + 1]! - (v[1]! * w[1]! + w[1]! * v[1]!) : g[diag + n + 1]!;
      return;
    }
    const nextBeta = reflector(vn, len - 1, e, off);
    if (beta !== 0 && nextBeta !== 0) updateAndMultiply(g, n, off + 1, len - 1, v, w, vn, pn);
    else if (beta !== 0) updateLower(g, n, off + 1, len - 1, v, w);
    else if (nextBeta !== 0) multiplyLower(g, n, off + 1, len - 1, vn, pn);
    if (nextBeta !== 0) finishUpdateVector(vn, pn, len - 1, nextBeta);
    [v, vn] = [vn, v];
    [w, pn] = [pn, w];
    beta = nextBeta;
  }
}

/**
 * Turns the column x = v[0..len) into the Householder vector of step k, in place, so that
 * (I − β·v·vᵀ)·x = e[k]·e₁. Sets e[k]; returns β (0 when x is already zero, and nothing is to be done).
 *
 * H depends only on v's direction, so a column whose squares would underflow or overflow (entries
 * outside 2^±450) is scaled by a power of two first: exact, and with no effect on H or on the result.
 */
function reflector(v: Float64Array, len: number, e: Float64Array, k: number): number {
  let amax = 0;
  let norm2 = 0;
  for (let i = 0; i < len; i++) {
    const x = v[i]!;
    amax = Math.max(amax, Math.abs(x));
    norm2 += x * x;
  }
  if (amax === 0) {
    e[k] = 0;
    return 0;
  }
  let unscale = 1;
  if (amax < 2 ** -450 || amax > 2 ** 450) {
    const exp = Math.max(-1000, Math.min(1000, Math.round(Math.log2(amax))));
    const inv = 2 ** -exp;
    norm2 = 0;
    for (let i = 0; i < len; i++) {
      v[i]! *= inv;
      norm2 += v[i]! * v[i]!;
    }
    unscale = 2 ** exp;
  }
  const norm = Math.sqrt(norm2);
  // Reflect onto −sign(v₀)‖v‖·e₁: then v₀ − α adds magnitudes and cannot cancel.
  const alpha = v[0]! >= 0 ? -norm : norm;
  v[0]! -= alpha;
  let vv = 0;
  for (let i = 0; i < len; i++) vv += v[i]! * v[i]!;
  e[k] = alpha * unscale;
  return 2 / vv;
}

/** p ← β·p, then w = p − (β/2)(vᵀp)·v in place of p. */
function finishUpdateVector(v: Float64Array, p: Float64Array, len: number, beta: number): void {
  let vp = 0;
  for (let i = 0; i < len; i++) {
    p[i]! *= beta;
    vp += v[i]! * p[i]!;
  }
  const kk = 0.5 * beta * vp;
  for (let i = 0; i < len; i++) p[i]! -= kk * v[i]!;
}

/**
 * p = C·x for the symmetric len×len block C of `g` (row stride n) at (o, o), from its lower triangle:
 * each stored c_rj (j < r) adds c_rj·x_j to p_r and c_rj·x_r to p_j. Two rows at a time.
 */
function multiplyLower(g: Float64Array, n: number, o: number, len: number, x: Float64Array, p: Float64Array): void {
  p.fill(0, 0, len);
  let r = 0;
  for (; r + 1 < len; r += 2) {
    const r0 = (o + r) * n + o;
    const r1 = r0 + n;
    const xa = x[r]!;
    const xb = x[r + 1]!;
    let sa = 0;
    let sb = 0;
    for (let j = 0; j < r; j++) {
      const ba = g[r0 + j]!;
      const bb = g[r1 + j]!;
      const xj = x[j]!;
      sa += ba * xj;
      sb += bb * xj;
      p[j]! += ba * xa + bb * xb;
    }
    const b00 = g[r0 + r]!;
    const b10 = g[r1 + r]!;
    const b11 = g[r1 + r + 1]!;
    p[r]! += sa + b00 * xa + b10 * xb;
    p[r + 1]! += sb + b10 * xa + b11 * xb;
  }
  if (r < len) {
    const r0 = (o + r) * n + o;
    const xa = x[r]!;
    let sa = g[r0 + r]! * xa;
    for (let j = 0; j < r; j++) {
      const ba = g[r0 + j]!;
      sa += ba * x[j]!;
      p[j]! += ba * xa;
    }
    p[r]! += sa;
  }
}

/**
 * The fused pass of `tridiagonalizeInto` over the len×len block C of `g` at (o, o), lower triangle:
 * C ← C − v·wᵀ − w·vᵀ, where row r of C pairs with v[r + 1] and w[r + 1] (C is the previous step's
 * block without its first row and column), then p = C·x with the updated entries, as `multiplyLower`.
 */
function updateAndMultiply(
  g: Float64Array,
  n: number,
  o: number,
  len: number,
  v: Float64Array,
  w: Float64Array,
  x: Float64Array,
  p: Float64Array,
): void {
  p.fill(0, 0, len);
  let r = 0;
  for (; r + 1 < len; r += 2) {
    const r0 = (o + r) * n + o;
    const r1 = r0 + n;
    const va = v[r + 1]!;
    const wa = w[r + 1]!;
    const vb = v[r + 2]!;
    const wb = w[r + 2]!;
    const xa = x[r]!;
    const xb = x[r + 1]!;
    let sa = 0;
    let sb = 0;
    for (let j = 0; j < r; j++) {
      const vj = v[j + 1]!;
      const wj = w[j + 1]!;
      const ba = g[r0 + j]! - (va * wj + wa * vj);
      const bb = g[r1 + j]! - (vb * wj + wb * vj);
      g[r0 + j] = ba;
      g[r1 + j] = bb;
      const xj = x[j]!;
      sa += ba * xj;
      sb += bb * xj;
      p[j]! += ba * xa + bb * xb;
    }
    const b00 = g[r0 + r]! - (va * wa + wa * va);
    const b10 = g[r1 + r]! - (vb * wa + wb * va);
    const b11 = g[r1 + r + 1]! - (vb * wb + wb * vb);
    g[r0 + r] = b00;
    g[r1 + r] = b10;
    g[r1 + r + 1] = b11;
    p[r]! += sa + b00 * xa + b10 * xb;
    p[r + 1]! += sb + b10 * xa + b11 * xb;
  }
  if (r < len) {
    const r0 = (o + r) * n + o;
    const va = v[r + 1]!;
    const wa = w[r + 1]!;
    const xa = x[r]!;
    const b00 = g[r0 + r]! - (va * wa + wa * va);
    g[r0 + r] = b00;
    let sa = b00 * xa;
    for (let j = 0; j < r; j++) {
      const ba = g[r0 + j]! - (va * w[j + 1]! + wa * v[j + 1]!);
      g[r0 + j] = ba;
      sa += ba * x[j]!;
      p[j]! += ba * xa;
    }
    p[r]! += sa;
  }
}

/** C ← C − v·wᵀ − w·vᵀ on the lower triangle of the len×len block at (o, o), row r pairing with v[r + 1]. */
function updateLower(g: Float64Array, n: number, o: number, len: number, v: Float64Array, w: Float64Array): void {
  for (let r = 0; r < len; r++) {
    const r0 = (o + r) * n + o;
    const va = v[r + 1]!;
    const wa = w[r + 1]!;
    for (let j = 0; j <= r; j++) g[r0 + j]! -= va * w[j + 1]! + wa * v[j + 1]!;
  }
}

/**
 * The lower triangle (j ≤ i) of G = XᵀX for a row-major rows×n matrix X, into `g` (n×n, row-major);
 * entries above the diagonal are left unspecified. Register-blocked like `matmulInto`: four rows of X
 * (four k) update four rows of G per pass, so each X entry loaded feeds four multiply-adds. Every entry
 * is summed in the same order (k in groups of four, then the remainder), whichever row block it is in.
 */
export function gramLower(x: Float64Array, rows: number, n: number, g: Float64Array): void {
  g.fill(0, 0, n * n);
  const k4 = rows - (rows % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    const g0 = i * n;
    const g1 = g0 + n;
    const g2 = g1 + n;
    const g3 = g2 + n;
    const jEnd = i + 4; // the 4×4 diagonal block is computed whole; its upper part is not read
    for (let k = 0; k < k4; k += 4) {
      const o0 = k * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      // a_st = X[k+t][i+s]: column i+s of G's block row, for the four k.
      const a00 = x[o0 + i]!, a01 = x[o1 + i]!, a02 = x[o2 + i]!, a03 = x[o3 + i]!;
      const a10 = x[o0 + i + 1]!, a11 = x[o1 + i + 1]!, a12 = x[o2 + i + 1]!, a13 = x[o3 + i + 1]!;
      const a20 = x[o0 + i + 2]!, a21 = x[o1 + i + 2]!, a22 = x[o2 + i + 2]!, a23 = x[o3 + i + 2]!;
      const a30 = x[o0 + i + 3]!, a31 = x[o1 + i + 3]!, a32 = x[o2 + i + 3]!, a33 = x[o3 + i + 3]!;
      for (let j = 0; j < jEnd; j++) {
        const x0 = x[o0 + j]!;
        const x1 = x[o1 + j]!;
        const x2 = x[o2 + j]!;
        const x3 = x[o3 + j]!;
        g[g0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
        g[g1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        g[g2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
        g[g3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
      }
    }
    for (let k = k4; k < rows; k++) {
      const o = k * n;
      const a0 = x[o + i]!, a1 = x[o + i + 1]!, a2 = x[o + i + 2]!, a3 = x[o + i + 3]!;
      for (let j = 0; j < jEnd; j++) {
        const xj = x[o + j]!;
        g[g0 + j] += a0 * xj;
        g[g1 + j] += a1 * xj;
        g[g2 + j] += a2 * xj;
        g[g3 + j] += a3 * xj;
      }
    }
  }
  for (let i = n4; i < n; i++) {
    const gi = i * n;
    for (let k = 0; k < k4; k += 4) {
      const o0 = k * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      const a0 = x[o0 + i]!, a1 = x[o1 + i]!, a2 = x[o2 + i]!, a3 = x[o3 + i]!;
      for (let j = 0; j <= i; j++) g[gi + j] += a0 * x[o0 + j]! + a1 * x[o1 + j]! + a2 * x[o2 + j]! + a3 * x[o3 + j]!;
    }
    for (let k = k4; k < rows; k++) {
      const o = k * n;
      const a = x[o + i]!;
      for (let j = 0; j <= i; j++) g[gi + j] += a * x[o + j]!;
    }
  }
}

/**
 * max |x_i|, NaN if any x_i is NaN (Math.max propagates NaN). Four running maxima, so the CPU need not
 * wait on one chain of comparisons.
 */
function maxAbs(x: Float64Array): number {
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  const len = x.length;
  const len4 = len - (len % 4);
  for (let i = 0; i < len4; i += 4) {
    m0 = Math.max(m0, Math.abs(x[i]!));
    m1 = Math.max(m1, Math.abs(x[i + 1]!));
    m2 = Math.max(m2, Math.abs(x[i + 2]!));
    m3 = Math.max(m3, Math.abs(x[i + 3]!));
  }
  for (let i = len4; i < len; i++) m0 = Math.max(m0, Math.abs(x[i]!));
  return Math.max(m0, m1, m2, m3);
}

/** Buffers of `spectralNorm` for one shape, kept between calls: it runs hundreds of times per plot. */
interface NormWork {
  m: number;
  n: number;
  /** The scaled matrix, m×n. */
  x: Float64Array;
  /** Its Gram matrix, n×n. */
  g: Float64Array;
  d: Float64Array;
  e: Float64Array;
  tri: TridiagonalWork;
}
let normWork: NormWork | undefined;

function normWorkFor(m: number, n: number): NormWork {
  if (normWork?.m !== m || normWork.n !== n) {
    const x = new Float64Array(m * n);
    const g = new Float64Array(n * n);
    normWork = { m, n, x, g, d: new Float64Array(n), e: new Float64Array(Math.max(0, n - 1)), tri: tridiagonalWork(n) };
  }
  return normWork;
}

/**
 * ‖A‖₂, the largest singular value: the square root of the largest eigenvalue of the Gram matrix (AᵀA or
 * AAᵀ, whichever is smaller), found by tridiagonalisation and bisection. Squaring loses accuracy only for
 * the *small* singular values; the largest one keeps full relative precision.
 *
 * A is first scaled by a power of two near its largest entry, so values from 1e-300 to 1e300 neither
 * underflow nor overflow in the Gram matrix. A power of two makes the scaling exact, and every later step
 * (products, sums, square roots, quotients, relative tolerances) commutes with it, so the result is the
 * same as without it wherever the unscaled computation neither overflows nor underflows. Entries between
 * 2^−100 and 2^100 are therefore read in place, without the copy: nothing there can overflow, and what
 * could underflow lies 2^−800 below the result, far under its rounding.
 */
export function spectralNorm(a: Matrix): number {
  const { rows, cols, data } = a;
  if (rows === 0 || cols === 0) return 0;
  const amax = maxAbs(data);
  if (amax !== amax) return Number.NaN;
  if (amax === 0) return 0;
  if (amax === Infinity) return Infinity;
  // 2^e near amax; |e| ≤ 1000 keeps 2^±e finite even for subnormal amax.
  let exp = Math.max(-1000, Math.min(1000, Math.round(Math.log2(amax))));
  // The Gram matrix XᵀX of X = A·2^−e, oriented so that it is the smaller one: n×n, n = min(rows, cols).
  const byCols = cols <= rows;
  const n = byCols ? cols : rows;
  const m = byCols ? rows : cols;
  const work = normWorkFor(m, n);
  let x = work.x;
  if (byCols && Math.abs(exp) <= 100) {
    x = data;
    exp = 0;
  } else if (byCols) {
    const inv = 2 ** -exp;
    for (let i = 0; i < m * n; i++) x[i] = data[i]! * inv;
  } else {
    const inv = 2 ** -exp;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) x[j * n + i] = data[i * cols + j]! * inv;
  }
  const { g, d, e, tri } = work;
  gramLower(x, m, n, g);
  tridiagonalizeInto(g, n, d, e, tri);
  return Math.sqrt(Math.max(0, largestTridiagonalEigenvalue(d, e))) * 2 ** exp;
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
