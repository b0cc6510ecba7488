/**
 * The vanilla (Elman) RNN h_t = φ(W·h_{t−1} + U·x_t + b) and the exact Jacobians of its state:
 *
 *   ∂h_t/∂h_{t−1} = diag(φ′(a_t))·W,   a_t = W·h_{t−1} + U·x_t + b
 *   ∂h_T/∂h_{T−k} = ∂h_T/∂h_{T−1} · … · ∂h_{T−k+1}/∂h_{T−k}
 *
 * built left to right in float64 (no finite differences): the product for k+1 is the one for k times one
 * more factor, so all T norms cost T matrix products.
 */
import { derivative, activate, type Activation } from './activation.js';
import { matmulInto, matvec, zeros, type Matrix } from './matrix.js';
import { spectralNorm } from './svd.js';

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

export function rnnStep(w: RnnWeights, phi: Activation, h: Float64Array, x: Float64Array): { a: Float64Array; h: Float64Array } {
  const n = w.W.rows;
  const a = new Float64Array(n);
  const next = new Float64Array(n);
  rnnStepInto(w, phi, h, x, a, next, new Float64Array(n));
  return { a, h: next };
}

/** One step into given buffers: a = W·h + U·x + b, next = φ(a); `ux` is scratch. */
function rnnStepInto(
  w: RnnWeights,
  phi: Activation,
  h: Float64Array,
  x: Float64Array,
  a: Float64Array,
  next: Float64Array,
  ux: Float64Array,
): void {
  matvec(w.W, h, a);
  matvec(w.U, x, ux);
  for (let i = 0; i < a.length; i++) {
    a[i] = a[i]! + ux[i]! + w.b[i]!;
    next[i] = activate(phi, a[i]!);
  }
}

export function rnnForward(w: RnnWeights, phi: Activation, xs: readonly Float64Array[], h0: Float64Array): RnnTrace {
  const n = w.W.rows;
  const T = xs.length;
  // All pre-activations and states in two allocations (views into them), not two per step.
  const preAll = new Float64Array(T * n);
  const statesAll = new Float64Array(T * n);
  const ux = new Float64Array(n);
  const pre: Float64Array[] = [];
  const states: Float64Array[] = [h0];
  let h = h0;
  for (let t = 0; t < T; t++) {
    const a = preAll.subarray(t * n, (t + 1) * n);
    const next = statesAll.subarray(t * n, (t + 1) * n);
    rnnStepInto(w, phi, h, xs[t]!, a, next, ux);
    pre.push(a);
    states.push(next);
    h = next;
  }
  return { pre, states };
}

/**
 * Calls `visit(k, J_k)` with J_k = ∂h_T/∂h_{T−k} for k = 1 … T, where T = xs.length. `J_k` is a buffer
 * reused between calls: read it inside `visit`, copy it to keep it.
 */
export function rnnJacobianProducts(
  w: RnnWeights,
  phi: Activation,
  xs: readonly Float64Array[],
  h0: Float64Array,
  visit: (k: number, j: Matrix) => void,
): void {
  const n = w.W.rows;
  const T = xs.length;
  const { pre } = rnnForward(w, phi, xs, h0);
  const W = w.W.data;
  const d = new Float64Array(n);
  // Two n×n buffers, reused for every k: the product so far and the next one.
  let cur = zeros(n, n);
  let next = zeros(n, n);
  // J_1 = diag(φ′(a_T))·W.
  const J1 = cur.data;
  for (let i = 0; i < n; i++) {
    const di = derivative(phi, pre[T - 1]![i]!);
    for (let j = 0; j < n; j++) J1[i * n + j] = di * W[i * n + j]!;
  }
  visit(1, cur);
  for (let k = 1; k < T; k++) {
    // J_{k+1} = J_k · diag(φ′(a_{T−k}))·W = (J_k with column j scaled by φ′_j) · W, the scaling done by
    // the product as it loads J_k (one pass over memory, not two).
    const a = pre[T - 1 - k]!;
    for (let j = 0; j < n; j++) d[j] = derivative(phi, a[j]!);
    matmulInto(cur.data, W, next.data, n, n, n, d);
    [cur, next] = [next, cur];
    visit(k + 1, cur);
  }
}

/** ‖∂h_T/∂h_{T−k}‖₂ for k = 1 … T (index k − 1). */
export function rnnGradientNorms(w: RnnWeights, phi: Activation, xs: readonly Float64Array[], h0: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  rnnJacobianProducts(w, phi, xs, h0, (k, j) => {
    out[k - 1] = spectralNorm(j);
  });
  return out;
}
