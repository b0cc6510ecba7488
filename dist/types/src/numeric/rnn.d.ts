/**
 * The vanilla (Elman) RNN h_t = φ(W·h_{t−1} + U·x_t + b) and the exact Jacobians of its state:
 *
 *   ∂h_t/∂h_{t−1} = diag(φ′(a_t))·W,   a_t = W·h_{t−1} + U·x_t + b
 *   ∂h_T/∂h_{T−k} = ∂h_T/∂h_{T−1} · … · ∂h_{T−k+1}/∂h_{T−k}
 *
 * built left to right in float64 (no finite differences): the product for k+1 is the one for k times one
 * more factor, so all T norms cost T matrix products.
 */
import { type Activation } from './activation.js';
import { type Matrix } from './matrix.js';
export interface RnnWeights {
    /** Recurrent matrix, n×n. */
    W: Matrix;
    /** Input matrix, n×m. */
    U: Matrix;
    /** Bias, length n. */
    b: Float64Array;
}
export interface RnnTrace {
    /** Pre-activations a_1 … a_T (index t − 1). */
    pre: Float64Array[];
    /** States h_0 … h_T (index t). */
    states: Float64Array[];
}
export declare function rnnStep(w: RnnWeights, phi: Activation, h: Float64Array, x: Float64Array): {
    a: Float64Array;
    h: Float64Array;
};
export declare function rnnForward(w: RnnWeights, phi: Activation, xs: readonly Float64Array[], h0: Float64Array): RnnTrace;
/**
 * Calls `visit(k, J_k)` with J_k = ∂h_T/∂h_{T−k} for k = 1 … T, where T = xs.length. `J_k` is a buffer
 * reused between calls: read it inside `visit`, copy it to keep it.
 */
export declare function rnnJacobianProducts(w: RnnWeights, phi: Activation, xs: readonly Float64Array[], h0: Float64Array, visit: (k: number, j: Matrix) => void): void;
/** ‖∂h_T/∂h_{T−k}‖₂ for k = 1 … T (index k − 1). */
export declare function rnnGradientNorms(w: RnnWeights, phi: Activation, xs: readonly Float64Array[], h0: Float64Array): Float64Array;
