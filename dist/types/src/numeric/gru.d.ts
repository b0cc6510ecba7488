import { type Matrix } from './matrix.js';
import type { GateWeights } from './lstm.js';
export interface GruWeights {
    z: GateWeights;
    r: GateWeights;
    h: GateWeights;
}
export interface GruStepTrace {
    h: Float64Array;
    z: Float64Array;
    r: Float64Array;
    candidate: Float64Array;
}
export declare function gruStep(w: GruWeights, hPrev: Float64Array, x: Float64Array): GruStepTrace;
export declare function gruForward(w: GruWeights, xs: readonly Float64Array[], h0: Float64Array): GruStepTrace[];
/** ∂h_t/∂h_{t−1} at one step. */
export declare function gruStepJacobian(w: GruWeights, t: GruStepTrace, hPrev: Float64Array): Matrix;
/** Calls `visit(k, J_k)` with J_k = ∂h_T/∂h_{T−k} for k = 1 … T; `J_k` is a reused buffer. */
export declare function gruJacobianProducts(w: GruWeights, xs: readonly Float64Array[], h0: Float64Array, visit: (k: number, j: Matrix) => void): void;
/** ‖∂h_T/∂h_{T−k}‖₂ for k = 1 … T (index k − 1). */
export declare function gruGradientNorms(w: GruWeights, xs: readonly Float64Array[], h0: Float64Array): Float64Array;
