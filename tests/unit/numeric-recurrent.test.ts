import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gaussianMatrix, gaussianVector, scale, zeros, type Matrix } from '../../src/numeric/matrix.js';
import { randomOrthogonal } from '../../src/numeric/qr.js';
import { rngFromKey, rngFromSeed, type Rng } from '../../src/numeric/rng.js';
import { spectralNorm } from '../../src/numeric/svd.js';
import { rnnGradientNorms, rnnJacobianProducts, rnnForward, type RnnWeights } from '../../src/numeric/rnn.js';
import {
  lstmCellJacobianProducts,
  lstmForward,
  lstmStep,
  type GateWeights,
  type LstmState,
  type LstmWeights,
} from '../../src/numeric/lstm.js';
import { gruForward, gruJacobianProducts, gruStep, type GruWeights } from '../../src/numeric/gru.js';
import { gradientDecay, type GradientDecayConfig } from '../../src/numeric/gradient-decay.js';
import type { Activation } from '../../src/numeric/activation.js';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function rnnWeights(n: number, rng: Rng, W: Matrix): RnnWeights {
  return { W, U: gaussianMatrix(n, n, rng, 1 / Math.sqrt(n)), b: gaussianVector(n, rng, 0.1) };
}
function inputs(T: number, m: number, rng: Rng): Float64Array[] {
  return Array.from({ length: T }, () => gaussianVector(m, rng));
}
function gate(n: number, m: number, rng: Rng, recurrent: boolean, bias = 0): GateWeights {
  return {
    W: recurrent ? gaussianMatrix(n, n, rng, 1 / Math.sqrt(n)) : zeros(n, n),
    U: gaussianMatrix(n, m, rng, 1 / Math.sqrt(m)),
    b: new Float64Array(n).fill(bias),
  };
}
function collect(run: (visit: (k: number, m: Matrix) => void) => void): Matrix[] {
  const out: Matrix[] = [];
  run((_, m) => out.push({ rows: m.rows, cols: m.cols, data: m.data.slice() }));
  return out;
}

describe('RNN: ∂h_T/∂h_{T−k} = Π diag(φ′(a_t))·W', () => {
  it('φ linear and W = ρ·Q (Q orthogonal): every norm equals ρ^k to 1e-9', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0.3, max: 1.7, noNaN: true }),
        fc.integer(),
        (n, T, rho, seed) => {
          const rng = rngFromSeed(seed);
          const w = rnnWeights(n, rng, scale(randomOrthogonal(n, rng), rho));
          const norms = rnnGradientNorms(w, 'linear', inputs(T, n, rng), gaussianVector(n, rng));
          expect(norms.length).toBe(T);
          norms.forEach((v, i) => expect(relErr(v, rho ** (i + 1))).toBeLessThan(1e-9));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('tanh, relu, sigmoid never exceed σ_max(W)^k (Pascanu, Mikolov & Bengio 2013), with Gaussian W too', () => {
    const bound: Record<Activation, number> = { tanh: 1, relu: 1, sigmoid: 0.25, linear: 1 };
    fc.assert(
      fc.property(
        fc.constantFrom<Activation>('tanh', 'relu', 'sigmoid'),
        fc.boolean(),
        fc.integer({ min: 2, max: 24 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer(),
        (phi, orthogonal, n, rho, seed) => {
          const rng = rngFromSeed(seed);
          const W = orthogonal
            ? scale(randomOrthogonal(n, rng), rho)
            : gaussianMatrix(n, n, rng, rho / Math.sqrt(n));
          const sigma = spectralNorm(W) * bound[phi];
          const norms = rnnGradientNorms(rnnWeights(n, rng, W), phi, inputs(30, n, rng), zeros(1, n).data);
          norms.forEach((v, i) => expect(v).toBeLessThanOrEqual(sigma ** (i + 1) * (1 + 1e-12)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tanh with ρ < 1 strictly decreases in k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 32 }), fc.double({ min: 0.2, max: 0.999, noNaN: true }), fc.integer(), (n, rho, seed) => {
        const rng = rngFromSeed(seed);
        const w = rnnWeights(n, rng, scale(randomOrthogonal(n, rng), rho));
        const norms = rnnGradientNorms(w, 'tanh', inputs(50, n, rng), new Float64Array(n));
        for (let k = 1; k < norms.length; k++) expect(norms[k]!).toBeLessThan(norms[k - 1]!);
      }),
      { numRuns: 40 },
    );
  });

  it('the products equal explicit diag(φ′)·W products and central finite differences', () => {
    const rng = rngFromKey('rnn-fd');
    const n = 4;
    const T = 5;
    const w = rnnWeights(n, rng, gaussianMatrix(n, n, rng, 0.8));
    const xs = inputs(T, n, rng);
    const h0 = gaussianVector(n, rng);
    const js = collect((v) => rnnJacobianProducts(w, 'tanh', xs, h0, v));
    const { states } = rnnForward(w, 'tanh', xs, h0);
    for (let k = 1; k <= T; k++) {
      // h_T as a function of h_{T−k}.
      const hT = (start: Float64Array) => rnnForward(w, 'tanh', xs.slice(T - k), start).states[k]!;
      const fd = finiteDifference(hT, states[T - k]!);
      expect(maxRelDiff(js[k - 1]!, fd)).toBeLessThan(1e-7);
    }
  });
});

describe('LSTM: ∂c_T/∂c_{T−k} through the full state recurrence', () => {
  it('with zero recurrent weights it equals diag(Π f_t), entry by entry', () => {
    const rng = rngFromKey('lstm-carousel');
    const n = 6;
    const T = 20;
    const w: LstmWeights = {
      i: gate(n, n, rng, false),
      f: gate(n, n, rng, false, 1),
      o: gate(n, n, rng, false),
      g: gate(n, n, rng, false),
    };
    const xs = inputs(T, n, rng);
    const s0: LstmState = { h: gaussianVector(n, rng), c: gaussianVector(n, rng) };
    const trace = lstmForward(w, xs, s0);
    const cs = collect((v) => lstmCellJacobianProducts(w, xs, s0, v));
    const prod = new Float64Array(n).fill(1);
    for (let k = 1; k <= T; k++) {
      const f = trace[T - k]!.f;
      for (let j = 0; j < n; j++) prod[j]! *= f[j]!;
      const c = cs[k - 1]!;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) expect(relErr(c.data[i * n + j]!, prod[i]!)).toBeLessThan(1e-13);
          else expect(c.data[i * n + j]).toBe(0);
        }
      }
    }
  });

  it('with recurrent weights it matches central finite differences of c_T w.r.t. c_{T−k}', () => {
    const rng = rngFromKey('lstm-fd');
    const n = 3;
    const T = 6;
    const w: LstmWeights = {
      i: gate(n, n, rng, true),
      f: gate(n, n, rng, true, 1),
      o: gate(n, n, rng, true),
      g: gate(n, n, rng, true),
    };
    const xs = inputs(T, n, rng);
    const s0: LstmState = { h: gaussianVector(n, rng, 0.5), c: gaussianVector(n, rng, 0.5) };
    const trace = lstmForward(w, xs, s0);
    const cs = collect((v) => lstmCellJacobianProducts(w, xs, s0, v));
    for (let k = 1; k <= T; k++) {
      const start = T - k === 0 ? s0 : trace[T - k - 1]!;
      const cT = (c: Float64Array) => {
        let s: LstmState = { h: start.h, c };
        for (const x of xs.slice(T - k)) s = lstmStep(w, s, x);
        return s.c;
      };
      const fd = finiteDifference(cT, start.c);
      expect(maxRelDiff(cs[k - 1]!, fd)).toBeLessThan(1e-7);
      // …and differs from diag(Π f): the paths through h and the gates matter.
      if (k > 1) expect(offDiagonalMax(cs[k - 1]!)).toBeGreaterThan(1e-4);
    }
  });

  it('a larger forget-gate bias keeps gradients alive longer', () => {
    const base: GradientDecayConfig = {
      models: ['lstm'],
      activation: 'tanh',
      hidden: 16,
      steps: 40,
      init: 'orthogonal',
      radii: [1],
      seeds: 3,
      seed: 1,
      forgetBias: 0,
      updateBias: 0,
      resetBias: 0,
      inputScale: 1,
      burnIn: 0,
    };
    const g0 = gradientDecay(base)[0]!.gmean;
    const g3 = gradientDecay({ ...base, forgetBias: 3 })[0]!.gmean;
    expect(g3[39]!).toBeGreaterThan(100 * g0[39]!);
  });
});

describe('GRU: ∂h_T/∂h_{T−k}', () => {
  it('matches central finite differences', () => {
    const rng = rngFromKey('gru-fd');
    const n = 3;
    const T = 6;
    const w: GruWeights = { z: gate(n, n, rng, true), r: gate(n, n, rng, true), h: gate(n, n, rng, true) };
    const xs = inputs(T, n, rng);
    const h0 = gaussianVector(n, rng, 0.5);
    const trace = gruForward(w, xs, h0);
    const js = collect((v) => gruJacobianProducts(w, xs, h0, v));
    for (let k = 1; k <= T; k++) {
      const start = T - k === 0 ? h0 : trace[T - k - 1]!.h;
      const hT = (h: Float64Array) => {
        for (const x of xs.slice(T - k)) h = gruStep(w, h, x).h;
        return h;
      };
      expect(maxRelDiff(js[k - 1]!, finiteDifference(hT, start))).toBeLessThan(1e-7);
    }
  });
  it('with zero recurrent weights it is diag(Π(1 − z_t))', () => {
    const rng = rngFromKey('gru-diag');
    const n = 5;
    const T = 10;
    const w: GruWeights = { z: gate(n, n, rng, false), r: gate(n, n, rng, false), h: gate(n, n, rng, false) };
    const xs = inputs(T, n, rng);
    const trace = gruForward(w, xs, new Float64Array(n));
    const js = collect((v) => gruJacobianProducts(w, xs, new Float64Array(n), v));
    const prod = new Float64Array(n).fill(1);
    for (let k = 1; k <= T; k++) {
      trace[T - k]!.z.forEach((z, j) => (prod[j]! *= 1 - z));
      for (let i = 0; i < n; i++) expect(relErr(js[k - 1]!.data[i * n + i]!, prod[i]!)).toBeLessThan(1e-13);
      expect(offDiagonalMax(js[k - 1]!)).toBe(0);
    }
  });
});

describe('the experiment', () => {
  const cfg: GradientDecayConfig = {
    models: ['rnn', 'lstm', 'gru'],
    activation: 'tanh',
    hidden: 8,
    steps: 12,
    init: 'gaussian',
    radii: [0.9, 1.1],
    seeds: 3,
    seed: 7,
    forgetBias: 1,
    updateBias: -1,
    resetBias: 1,
    inputScale: 1,
    burnIn: 0,
  };
  it('is deterministic, one series per model × radius, in order', () => {
    const a = gradientDecay(cfg);
    const b = gradientDecay(cfg);
    expect(a.map((s) => [s.model, s.radius])).toEqual([
      ['rnn', 0.9],
      ['rnn', 1.1],
      ['lstm', 0.9],
      ['lstm', 1.1],
      ['gru', 0.9],
      ['gru', 1.1],
    ]);
    expect(a.map((s) => Array.from(s.gmean))).toEqual(b.map((s) => Array.from(s.gmean)));
    expect(Array.from(gradientDecay({ ...cfg, seed: 8 })[0]!.gmean)).not.toEqual(Array.from(a[0]!.gmean));
  });
  it('geometric mean lies within the min–max band, and seeds differ', () => {
    for (const s of gradientDecay(cfg)) {
      expect(s.runs.length).toBe(3);
      for (let k = 0; k < 12; k++) {
        expect(s.min[k]!).toBeLessThanOrEqual(s.gmean[k]! * (1 + 1e-12));
        expect(s.gmean[k]!).toBeLessThanOrEqual(s.max[k]! * (1 + 1e-12));
        const logs = s.runs.map((r) => Math.log(r[k]!));
        expect(Math.abs(Math.log(s.gmean[k]!) - logs.reduce((x, y) => x + y) / 3)).toBeLessThan(1e-12);
      }
      expect(s.max[11]! / s.min[11]!).toBeGreaterThan(1.0001);
    }
  });
  it('orthogonal linear RNN reproduces ρ^k through the experiment driver', () => {
    const [s] = gradientDecay({ ...cfg, models: ['rnn'], activation: 'linear', init: 'orthogonal', radii: [0.95] });
    s!.gmean.forEach((v, i) => expect(relErr(v, 0.95 ** (i + 1))).toBeLessThan(1e-9));
  });
});

/** Central finite-difference Jacobian of f at x (for checking the exact Jacobians only). */
function finiteDifference(f: (x: Float64Array) => Float64Array, x: Float64Array): Matrix {
  const m = f(x).length;
  const n = x.length;
  const J = zeros(m, n);
  const h = 1e-6;
  for (let j = 0; j < n; j++) {
    const xp = x.slice();
    const xm = x.slice();
    xp[j]! += h;
    xm[j]! -= h;
    const fp = f(xp);
    const fm = f(xm);
    for (let i = 0; i < m; i++) J.data[i * n + j] = (fp[i]! - fm[i]!) / (2 * h);
  }
  return J;
}
function maxRelDiff(a: Matrix, b: Matrix): number {
  let scaleMax = 0;
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) {
    scaleMax = Math.max(scaleMax, Math.abs(b.data[i]!));
    diff = Math.max(diff, Math.abs(a.data[i]! - b.data[i]!));
  }
  return diff / scaleMax;
}
function offDiagonalMax(a: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) if (i !== j) m = Math.max(m, Math.abs(a.data[i * a.cols + j]!));
  return m;
}
