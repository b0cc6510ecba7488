/**
 * An LSTM cell (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000):
 *
 *   i_t = σ(W_i h_{t−1} + U_i x_t + b_i)     f_t = σ(W_f h_{t−1} + U_f x_t + b_f)
 *   o_t = σ(W_o h_{t−1} + U_o x_t + b_o)     g_t = tanh(W_g h_{t−1} + U_g x_t + b_g)
 *   c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t          h_t = o_t ⊙ tanh(c_t)
 *
 * and the exact Jacobian of its state s_t = (h_t, c_t) with respect to s_{t−1}, in four n×n blocks:
 *
 *   ∂c_t/∂c_{t−1} = diag(f_t)
 *   ∂c_t/∂h_{t−1} = diag(c_{t−1} ⊙ f′_t) W_f + diag(g_t ⊙ i′_t) W_i + diag(i_t ⊙ g′_t) W_g
 *   ∂h_t/∂c_{t−1} = diag(o_t ⊙ (1 − tanh²c_t) ⊙ f_t)
 *   ∂h_t/∂h_{t−1} = diag(tanh(c_t) ⊙ o′_t) W_o + diag(o_t ⊙ (1 − tanh²c_t)) ∂c_t/∂h_{t−1}
 *
 * (σ′ = σ(1−σ), tanh′ = 1 − tanh²). "The gradient through the cell state", ∂c_T/∂c_{T−k}, is the c-by-c
 * block of the *total* derivative ∂s_T/∂s_{T−k} = Π ∂s_t/∂s_{t−1}: it includes every path from c_{T−k}
 * to c_T, also those through h and the gates. When the gates see only the input (all W zero), the paths
 * through h vanish and it reduces to diag(f_T ⊙ … ⊙ f_{T−k+1}): the "constant error carousel".
 */
import { sigmoid } from './activation.js';
import { matmul, matvec, zeros, type Matrix } from './matrix.js';
import { spectralNorm } from './svd.js';

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

function preActivation(gw: GateWeights, h: Float64Array, x: Float64Array): Float64Array {
  const a = matvec(gw.W, h);
  const ux = matvec(gw.U, x);
  for (let j = 0; j < a.length; j++) a[j] = a[j]! + ux[j]! + gw.b[j]!;
  return a;
}

export function lstmStep(w: LstmWeights, s: LstmState, x: Float64Array): LstmStepTrace {
  const n = s.h.length;
  const i = preActivation(w.i, s.h, x).map(sigmoid);
  const f = preActivation(w.f, s.h, x).map(sigmoid);
  const o = preActivation(w.o, s.h, x).map(sigmoid);
  const g = preActivation(w.g, s.h, x).map(Math.tanh);
  const c = new Float64Array(n);
  const tanhC = new Float64Array(n);
  const h = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    c[j] = f[j]! * s.c[j]! + i[j]! * g[j]!;
    tanhC[j] = Math.tanh(c[j]!);
    h[j] = o[j]! * tanhC[j]!;
  }
  return { h, c, i, f, o, g, tanhC };
}

export function lstmForward(w: LstmWeights, xs: readonly Float64Array[], s0: LstmState): LstmStepTrace[] {
  const out: LstmStepTrace[] = [];
  let s: LstmState = s0;
  for (const x of xs) {
    const t = lstmStep(w, s, x);
    out.push(t);
    s = t;
  }
  return out;
}

/** The blocks of ∂s_t/∂s_{t−1}; `hc` and `cc` are diagonal and given as vectors. */
export interface LstmStepJacobian {
  hh: Matrix;
  hc: Float64Array;
  ch: Matrix;
  cc: Float64Array;
}

/** ∂s_t/∂s_{t−1} at step t, from the step's trace and the previous cell state c_{t−1}. */
export function lstmStepJacobian(w: LstmWeights, t: LstmStepTrace, cPrev: Float64Array): LstmStepJacobian {
  const n = cPrev.length;
  const ch = zeros(n, n);
  const hh = zeros(n, n);
  const hc = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const fr = t.f[r]!;
    const ir = t.i[r]!;
    const gr = t.g[r]!;
    const orr = t.o[r]!;
    const th = t.tanhC[r]!;
    const sf = cPrev[r]! * fr * (1 - fr);
    const si = gr * ir * (1 - ir);
    const sg = ir * (1 - gr * gr);
    const dhdc = orr * (1 - th * th);
    const so = th * orr * (1 - orr);
    hc[r] = dhdc * fr;
    const o = r * n;
    for (let j = 0; j < n; j++) {
      const v = sf * w.f.W.data[o + j]! + si * w.i.W.data[o + j]! + sg * w.g.W.data[o + j]!;
      ch.data[o + j] = v;
      hh.data[o + j] = so * w.o.W.data[o + j]! + dhdc * v;
    }
  }
  return { hh, hc, ch, cc: t.f.slice() };
}

/**
 * Calls `visit(k, C_k)` with C_k = ∂c_T/∂c_{T−k} (the c-by-c block of the total state Jacobian) for
 * k = 1 … T. Only the c-rows of the product, R_k = ∂c_T/∂(h_{T−k}, c_{T−k}) = [R_h, R_c], are carried:
 *
 *   R_{k+1} = R_k · ∂s_{T−k}/∂s_{T−k−1}  ⇒  R_h ← R_h·hh + R_c·ch,   R_c ← R_h·diag(hc) + R_c·diag(cc)
 *
 * `C_k` is a buffer reused between calls.
 */
export function lstmCellJacobianProducts(
  w: LstmWeights,
  xs: readonly Float64Array[],
  s0: LstmState,
  visit: (k: number, ck: Matrix) => void,
): void {
  const n = s0.c.length;
  const T = xs.length;
  const trace = lstmForward(w, xs, s0);
  const cPrev = (t: number): Float64Array => (t === 0 ? s0.c : trace[t - 1]!.c); // c_{t} for 0-based step t
  // R = [R_h | R_c] as one n×2n matrix, so R_h·hh + R_c·ch is a single product with the stacked
  // 2n×n matrix [hh; ch].
  const R = zeros(n, 2 * n);
  const stacked = zeros(2 * n, n);
  const nh = zeros(n, n);
  const rc = zeros(n, n);
  const emit = (k: number): void => {
    for (let r = 0; r < n; r++) rc.data.set(R.data.subarray(r * 2 * n + n, r * 2 * n + 2 * n), r * n);
    visit(k, rc);
  };
  // k = 1: R = (∂c_T/∂h_{T−1}, ∂c_T/∂c_{T−1}) = (ch, diag(cc)) of the last step.
  const last = lstmStepJacobian(w, trace[T - 1]!, cPrev(T - 1));
  for (let r = 0; r < n; r++) {
    R.data.set(last.ch.data.subarray(r * n, r * n + n), r * 2 * n);
    R.data[r * 2 * n + n + r] = last.cc[r]!;
  }
  emit(1);
  for (let k = 1; k < T; k++) {
    const step = T - 1 - k; // 0-based index of the step whose Jacobian is appended
    const J = lstmStepJacobian(w, trace[step]!, cPrev(step));
    stacked.data.set(J.hh.data, 0);
    stacked.data.set(J.ch.data, n * n);
    matmul(R, stacked, nh);
    const D = R.data;
    for (let r = 0; r < n; r++) {
      const o = r * 2 * n;
      // New R_c = R_h·diag(hc) + R_c·diag(cc), computed before R_h is overwritten.
      for (let j = 0; j < n; j++) D[o + n + j] = D[o + j]! * J.hc[j]! + D[o + n + j]! * J.cc[j]!;
      D.set(nh.data.subarray(r * n, r * n + n), o);
    }
    emit(k + 1);
  }
}

/** ‖∂c_T/∂c_{T−k}‖₂ for k = 1 … T (index k − 1). */
export function lstmGradientNorms(w: LstmWeights, xs: readonly Float64Array[], s0: LstmState): Float64Array {
  const out = new Float64Array(xs.length);
  lstmCellJacobianProducts(w, xs, s0, (k, m) => {
    out[k - 1] = spectralNorm(m);
  });
  return out;
}
