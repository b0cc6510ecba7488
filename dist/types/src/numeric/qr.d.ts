/**
 * Householder QR and Haar-random orthogonal matrices.
 */
import { type Matrix } from './matrix.js';
import type { Rng } from './rng.js';
/**
 * A = Q·R for an m×n matrix with m ≥ n: Q is m×m orthogonal, R is m×n upper triangular. Householder
 * reflections (not Gram–Schmidt) so Q stays orthogonal to rounding error even for ill-conditioned A.
 */
export declare function householderQR(a: Matrix): {
    q: Matrix;
    r: Matrix;
};
/**
 * An n×n orthogonal matrix distributed uniformly (Haar measure) on O(n): the Q of a Gaussian matrix's QR
 * decomposition, with each column's sign chosen so that R's diagonal is positive. Without that correction
 * Q is not Haar-distributed (Mezzadri, "How to generate random matrices from the classical compact groups",
 * Notices of the AMS 54, 2007).
 */
export declare function randomOrthogonal(n: number, rng: Rng): Matrix;
