/**
 * Singular values: the spectral norm ‖A‖₂ = σ_max(A), fast and to full precision, plus all singular values
 * by one-sided Jacobi as an independent reference (the tests check each against the other).
 */
import type { Matrix } from './matrix.js';
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
export declare function largestTridiagonalEigenvalue(d: Float64Array, e: Float64Array): number;
/**
 * Reduces a symmetric n×n matrix to tridiagonal form by Householder similarity transforms and returns its
 * diagonal and off-diagonal. Only the lower triangle of `g` (row-major) is read and it is overwritten.
 * Eigenvalues are preserved to rounding error (orthogonal transforms).
 */
export declare function tridiagonalize(g: Float64Array, n: number): {
    d: Float64Array;
    e: Float64Array;
};
/** Scratch vectors of `tridiagonalizeInto`: the current and the next step's reflector and update vector. */
export interface TridiagonalWork {
    v: Float64Array;
    w: Float64Array;
    vn: Float64Array;
    pn: Float64Array;
}
export declare function tridiagonalWork(n: number): TridiagonalWork;
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
export declare function tridiagonalizeInto(g: Float64Array, n: number, d: Float64Array, e: Float64Array, work: TridiagonalWork): void;
/**
 * The lower triangle (j ≤ i) of G = XᵀX for a row-major rows×n matrix X, into `g` (n×n, row-major);
 * entries above the diagonal are left unspecified. Register-blocked like `matmulInto`: four rows of X
 * (four k) update four rows of G per pass, so each X entry loaded feeds four multiply-adds. Every entry
 * is summed in the same order (k in groups of four, then the remainder), whichever row block it is in.
 */
export declare function gramLower(x: Float64Array, rows: number, n: number, g: Float64Array): void;
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
export declare function spectralNorm(a: Matrix): number;
/**
 * All singular values, largest first, by one-sided Jacobi (Hestenes): rotate pairs of columns until all
 * are mutually orthogonal; the column norms are then the singular values. Slower than `spectralNorm`
 * but accurate to high relative precision for every singular value (Demmel & Veselić, 1992).
 */
export declare function singularValues(a: Matrix): Float64Array;
