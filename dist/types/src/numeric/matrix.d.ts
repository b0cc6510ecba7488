/**
 * Small dense float64 matrices, row-major in a Float64Array. Sizes here are tens, not thousands, so plain
 * loops in cache-friendly order (i-k-j for products) beat anything cleverer, and keep results exact to
 * the last bit across runs (no parallel reductions, fixed summation order).
 */
import type { Rng } from './rng.js';
export interface Matrix {
    readonly rows: number;
    readonly cols: number;
    /** Entry (i, j) is `data[i * cols + j]`. */
    readonly data: Float64Array;
}
export declare function zeros(rows: number, cols: number): Matrix;
/**
 * The same integer, as V8 stores small integers (a "Smi") rather than as a double. A size that arrives
 * as a double (32 read from an object whose field also holds fractions, like a parameter spec's
 * `default`) makes every index computed from it floating-point and the kernels about 1.5× slower.
 */
export declare function smallInt(x: number): number;
export declare function identity(n: number): Matrix;
export declare function fromRows(rows: readonly (readonly number[])[]): Matrix;
export declare function toRows(m: Matrix): number[][];
export declare function diag(values: ArrayLike<number>): Matrix;
export declare function clone(a: Matrix): Matrix;
export declare function transpose(a: Matrix): Matrix;
/** a·b. `out` (if given) must not alias `a` or `b`. */
export declare function matmul(a: Matrix, b: Matrix, out?: Matrix): Matrix;
/**
 * C = A·B for row-major A (n×m), B (m×p), C (n×p); C must not alias A or B.
 *
 * What bounds this loop in V8 is loads and stores, not arithmetic, so it is register-blocked: each pass
 * over four rows of B updates four rows of C, so every B entry loaded feeds 4 multiply-adds (16 per
 * inner iteration) and each C entry is loaded and stored once per four k. About 2× faster than one row
 * of C per pass for 32×32, and 3× faster than the plain i-k-j loop.
 *
 * Every entry is summed in the same order whatever the blocking (k in groups of four, left to right,
 * then the k remainder one by one), so the rows handled four at a time and the remainder rows handled
 * one at a time give bit-identical results to each other and to the unblocked loop.
 *
 * With `colScale` (length m) it computes A·diag(colScale)·B, scaling each entry of A as it is loaded:
 * the same rounded products a_ik·s_k as scaling A first, so the same bits, without a pass over A.
 */
export declare function matmulInto(A: Float64Array, B: Float64Array, C: Float64Array, n: number, m: number, p: number, colScale?: Float64Array): void;
/**
 * a·x for a vector x. Four rows at a time: their four sums are independent, so the CPU overlaps them
 * instead of waiting on one running sum (about 3× faster for 32×32); each row is still summed left to
 * right, so the result is the same as one row at a time.
 */
export declare function matvec(a: Matrix, x: ArrayLike<number>, out?: Float64Array): Float64Array;
export declare function scale(a: Matrix, s: number): Matrix;
export declare function add(a: Matrix, b: Matrix): Matrix;
/** diag(d)·a: scales row i by d[i]. */
export declare function scaleRows(d: ArrayLike<number>, a: Matrix): Matrix;
/** a·diag(d): scales column j by d[j]. */
export declare function scaleCols(a: Matrix, d: ArrayLike<number>): Matrix;
export declare function frobeniusNorm(a: Matrix): number;
export declare function maxAbsDiff(a: Matrix, b: Matrix): number;
/** Entries drawn i.i.d. from N(0, std²), row by row. */
export declare function gaussianMatrix(rows: number, cols: number, rng: Rng, std?: number): Matrix;
export declare function gaussianVector(n: number, rng: Rng, std?: number): Float64Array;
