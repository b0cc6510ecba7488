import { type Matrix } from './matrix.js';
export interface GateWeights {
    /** Recurrent weights, n×n. */
    W: Matrix;
    /** Input weights, n×m. */
    U: Matrix;
    /** Bias, length n. */
    b: Float64Array;
}
export interface LstmWeights {
    i: GateWeights;
    f: GateWeights;
    o: GateWeights;
    g: GateWeights;
}
export interface LstmState {
    h: Float64Array;
    c: Float64Array;
}
/** Everything one step computes, kept for its Jacobian. */
export interface LstmStepTrace extends LstmState {
    i: Float64Array;
    f: Float64Array;
    o: Float64Array;
    g: Float64Array;
    tanhC: Float64Array;
}
export declare function lstmStep(w: LstmWeights, s: LstmState, x: Float64Array): LstmStepTrace;
export declare function lstmForward(w: LstmWeights, xs: readonly Float64Array[], s0: LstmState): LstmStepTrace[];
/** The blocks of ∂s_t/∂s_{t−1}; `hc` and `cc` are diagonal and given as vectors. */
export interface LstmStepJacobian {
    hh: Matrix;
    hc: Float64Array;
    ch: Matrix;
    cc: Float64Array;
}
/** ∂s_t/∂s_{t−1} at step t, from the step's trace and the previous cell state c_{t−1}. */
export declare function lstmStepJacobian(w: LstmWeights, t: LstmStepTrace, cPrev: Float64Array): LstmStepJacobian;
/**
 * Calls `visit(k, C_k)` with C_k = ∂c_T/∂c_{T−k} (the c-by-c block of the total state Jacobian) for
 * k = 1 … T. Only the c-rows of the product, R_k = ∂c_T/∂(h_{T−k}, c_{T−k}) = [R_h, R_c], are carried:
 *
 *   R_{k+1} = R_k · ∂s_{T−k}/∂s_{T−k−1}  ⇒  R_h ← R_h·hh + R_c·ch,   R_c ← R_h·diag(hc) + R_c·diag(cc)
 *
 * `C_k` is a buffer reused between calls.
 */
export declare function lstmCellJacobianProducts(w: LstmWeights, xs: readonly Float64Array[], s0: LstmState, visit: (k: number, ck: Matrix) => void): void;
/** ‖∂c_T/∂c_{T−k}‖₂ for k = 1 … T (index k − 1). */
export declare function lstmGradientNorms(w: LstmWeights, xs: readonly Float64Array[], s0: LstmState): Float64Array;
