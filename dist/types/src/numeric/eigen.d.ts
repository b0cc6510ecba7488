/**
 * Eigenvalues of a general real matrix, for the spectral radius of Gaussian recurrent matrices.
 *
 * Householder reduction to upper Hessenberg form, then the Francis double-shift QR iteration with
 * deflation (the algorithm of EISPACK's `hqr`, as presented in Numerical Recipes §11.6; written here from
 * that description). Power iteration is not used because a real Gaussian matrix's dominant eigenvalues
 * usually form a complex pair of equal modulus, where power iteration does not converge at all.
 */
import type { Matrix } from './matrix.js';
export interface Eigenvalues {
    /** Real parts. */
    re: Float64Array;
    /** Imaginary parts; complex pairs are adjacent, the positive one first. */
    im: Float64Array;
}
/** Reduces a square matrix (row-major, overwritten) to upper Hessenberg form by orthogonal similarity. */
export declare function hessenberg(h: Float64Array, n: number): void;
/** Eigenvalues of an upper Hessenberg matrix (overwritten) by the Francis double-shift QR iteration. */
export declare function hessenbergEigenvalues(a: Float64Array, n: number): Eigenvalues;
/** All eigenvalues of a square matrix (unordered). */
export declare function eigenvalues(m: Matrix): Eigenvalues;
/** max |λ| over the eigenvalues λ of a square matrix. */
export declare function spectralRadius(m: Matrix): number;
