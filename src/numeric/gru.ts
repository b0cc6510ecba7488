/**
 * A GRU cell (Cho et al. 2014), in the convention of Olah's "Understanding LSTM Networks":
 *
 *   z_t = σ(W_z h_{t−1} + U_z x_t + b_z)          r_t = σ(W_r h_{t−1} + U_r x_t + b_r)
 *   h̃_t = tanh(W_h (r_t ⊙ h_{t−1}) + U_h x_t + b_h)
 *   h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 *
 * (PyTorch's convention swaps z and 1 − z: the same model with the update gate's weights and bias negated.)
 * Its exact state Jacobian:
 *
 *   ∂h_t/∂h_{t−1} = diag(1 − z_t) + diag((h̃_t − h_{t−1}) ⊙ z′_t) W_z
 *                   + diag(z_t ⊙ (1 − h̃_t²)) W_h (diag(r_t) + diag(h_{t−1} ⊙ r′_t) W_r)
 */
import { sigmoid } from './activation.js';
import { matmul, matvec, zeros, type Matrix } from './matrix.js';
import type { GateWeights } from './lstm.js';
import { spectralNorm } from './svd.js';

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

export function gruStep(w: GruWeights, hPrev: Float64Array, x: Float64Array): GruStepTrace {
  const n = hPrev.length;
  const gate = (gw: GateWeights): Float64Array => {
    const a = matvec(gw.W, hPrev);
    const ux = matvec(gw.U, x);
    for (let j = 0; j < n; j++) a[j] = sigmoid(a[j]! + ux[j]! + gw.b[j]!);
    return a;
  };
  const z = gate(w.z);
  const r = gate(w.r);
  const rh = new Float64Array(n);
  for (let j = 0; j < n; j++) rh[j] = r[j]! * hPrev[j]!;
  const candidate = matvec(w.h.W, rh);
  const ux = matvec(w.h.U, x);
  const h = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    candidate[j] = Math.tanh(candidate[j]! + ux[j]! + w.h.b[j]!);
    h[j] = (1 - z[j]!) * hPrev[j]! + z[j]! * candidate[j]!;
  }
  return { h, z, r, candidate };
}

export function gruForward(w: GruWeights, xs: readonly Float64Array[], h0: Float64Array): GruStepTrace[] {
  const out: GruStepTrace[] = [];
  let h = h0;
  for (const x of xs) {
    const t = gruStep(w, h, x);
    out.push(t);
    h = t.h;
  }
  return out;
}

/** ∂h_t/∂h_{t−1} at one step. */
export function gruStepJacobian(w: GruWeights, t: GruStepTrace, hPrev: Float64Array): Matrix {
  const n = hPrev.length;
  // inner = diag(r) + diag(h_{t−1} ⊙ r′) W_r
  const inner = zeros(n, n);
  for (let i = 0; i < n; i++) {
    const s = hPrev[i]! * t.r[i]! * (1 - t.r[i]!);
    for (let j = 0; j < n; j++) inner.data[i * n + j] = s * w.r.W.data[i * n + j]!;
    inner.data[i * n + i]! += t.r[i]!;
  }
  const out = matmul(w.h.W, inner);
  for (let i = 0; i < n; i++) {
    const zi = t.z[i]!;
    const sc = zi * (1 - t.candidate[i]! * t.candidate[i]!);
    const sz = (t.candidate[i]! - hPrev[i]!) * zi * (1 - zi);
    for (let j = 0; j < n; j++) out.data[i * n + j] = sc * out.data[i * n + j]! + sz * w.z.W.data[i * n + j]!;
    out.data[i * n + i]! += 1 - zi;
  }
  return out;
}

/** Calls `visit(k, J_k)` with J_k = ∂h_T/∂h_{T−k} for k = 1 … T; `J_k` is a reused buffer. */
export function gruJacobianProducts(
  w: GruWeights,
  xs: readonly Float64Array[],
  h0: Float64Array,
  visit: (k: number, j: Matrix) => void,
): void {
  const n = h0.length;
  const T = xs.length;
  const trace = gruForward(w, xs, h0);
  const hPrev = (step: number): Float64Array => (step === 0 ? h0 : trace[step - 1]!.h);
  let cur = gruStepJacobian(w, trace[T - 1]!, hPrev(T - 1));
  let next = zeros(n, n);
  visit(1, cur);
  for (let k = 1; k < T; k++) {
    const step = T - 1 - k;
    matmul(cur, gruStepJacobian(w, trace[step]!, hPrev(step)), next);
    [cur, next] = [next, cur];
    visit(k + 1, cur);
  }
}

/** ‖∂h_T/∂h_{T−k}‖₂ for k = 1 … T (index k − 1). */
export function gruGradientNorms(w: GruWeights, xs: readonly Float64Array[], h0: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  gruJacobianProducts(w, xs, h0, (k, j) => {
    out[k - 1] = spectralNorm(j);
  });
  return out;
}
