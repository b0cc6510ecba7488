/**
 * The vanishing/exploding-gradient experiment behind the `gradient-decay` shortcode: for each model and
 * spectral radius ρ, draw `seeds` independent networks and input sequences, and record
 * ‖∂h_T/∂h_{T−k}‖₂ (RNN, GRU) or ‖∂c_T/∂c_{T−k}‖₂ (LSTM) for k = 1 … T. Across seeds it reports the
 * geometric mean (the natural centre on a log axis) and the min–max range.
 *
 * Initialisation, per seed:
 * - every recurrent matrix (the RNN's W; each gate's W for LSTM and GRU) is ρ·Q with Q Haar-orthogonal
 *   (`orthogonal`), or G·ρ/ρ(G) with G Gaussian (`gaussian`), so its spectral radius is exactly ρ;
 * - input matrices have N(0, inputScale²/m) entries and inputs x_t are N(0, I_m), so each unit's input
 *   drive U·x_t has variance inputScale²; m = hidden size;
 * - biases are 0, except the LSTM forget gate's, which is `forgetBias` (1 by default, Jozefowicz et al.
 *   2015); the initial state is 0.
 * The input sequence of a seed is shared by all models and radii, and a seed's weight directions are
 * shared by all radii (only the scale differs), so the curves differ only by what the parameters change.
 */
import type { Activation } from './activation.js';
import { gaussianMatrix, gaussianVector, scale, smallInt, type Matrix } from './matrix.js';
import { randomOrthogonal } from './qr.js';
import { spectralRadius } from './eigen.js';
import { rngFromKey, type Rng } from './rng.js';
import { rnnGradientNorms } from './rnn.js';
import { lstmGradientNorms, type GateWeights } from './lstm.js';
import { gruGradientNorms } from './gru.js';

export const MODELS = ['rnn', 'lstm', 'gru'] as const;
export type Model = (typeof MODELS)[number];
export const INITS = ['orthogonal', 'gaussian'] as const;
export type Init = (typeof INITS)[number];

export interface GradientDecayConfig {
  models: readonly Model[];
  /** Activation of the vanilla RNN (LSTM and GRU use their own σ and tanh). */
  activation: Activation;
  hidden: number;
  steps: number;
  init: Init;
  radii: readonly number[];
  seeds: number;
  /** First seed; seeds are seed, seed+1, …. */
  seed: number;
  forgetBias: number;
  inputScale: number;
}

export interface DecaySeries {
  model: Model;
  radius: number;
  /** Per seed: norms for k = 1 … T (index k − 1). */
  runs: Float64Array[];
  /** Geometric mean over seeds; NaN where some seed's value is 0 or not finite. */
  gmean: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** A recurrent matrix with spectral radius exactly ρ, in a direction fixed by `rng`. */
function recurrentUnit(n: number, init: Init, rng: Rng): Matrix {
  if (init === 'orthogonal') return randomOrthogonal(n, rng);
  const g = gaussianMatrix(n, n, rng, 1 / Math.sqrt(n));
  return scale(g, 1 / spectralRadius(g));
}

interface SeedDraw {
  xs: Float64Array[];
  /** Unit-radius recurrent matrices and input matrices, by name. */
  W: Map<string, Matrix>;
  U: Map<string, Matrix>;
}

function drawSeed(cfg: GradientDecayConfig, model: Model, seed: number): SeedDraw {
  const n = cfg.hidden;
  const m = n;
  const inputs = rngFromKey('gradient-decay/inputs', seed, n, cfg.steps);
  const xs = Array.from({ length: cfg.steps }, () => gaussianVector(m, inputs));
  const names = model === 'rnn' ? ['W'] : model === 'lstm' ? ['i', 'f', 'o', 'g'] : ['z', 'r', 'h'];
  const W = new Map<string, Matrix>();
  const U = new Map<string, Matrix>();
  for (const name of names) {
    W.set(name, recurrentUnit(n, cfg.init, rngFromKey('gradient-decay/W', model, name, cfg.init, seed, n)));
    U.set(name, gaussianMatrix(n, m, rngFromKey('gradient-decay/U', model, name, seed, n), cfg.inputScale / Math.sqrt(m)));
  }
  return { xs, W, U };
}

/** The norms of one network (one model, radius and seed). */
export function gradientNormsForSeed(cfg: GradientDecayConfig, model: Model, radius: number, seed: number): Float64Array {
  return runDraw(cfg, model, radius, drawSeed(cfg, model, seed));
}

function runDraw(cfg: GradientDecayConfig, model: Model, radius: number, d: SeedDraw): Float64Array {
  const n = cfg.hidden;
  const gate = (name: string, bias = 0): GateWeights => ({
    W: scale(d.W.get(name)!, radius),
    U: d.U.get(name)!,
    b: new Float64Array(n).fill(bias),
  });
  const zero = new Float64Array(n);
  switch (model) {
    case 'rnn': {
      const g = gate('W');
      return rnnGradientNorms(g, cfg.activation, d.xs, zero);
    }
    case 'lstm':
      return lstmGradientNorms(
        { i: gate('i'), f: gate('f', cfg.forgetBias), o: gate('o'), g: gate('g') },
        d.xs,
        { h: zero, c: zero },
      );
    case 'gru':
      return gruGradientNorms({ z: gate('z'), r: gate('r'), h: gate('h') }, d.xs, zero);
  }
}

/** Geometric mean, min and max across runs, pointwise. */
export function summarise(runs: readonly Float64Array[]): { gmean: Float64Array; min: Float64Array; max: Float64Array } {
  const T = runs[0]?.length ?? 0;
  const gmean = new Float64Array(T);
  const min = new Float64Array(T);
  const max = new Float64Array(T);
  for (let k = 0; k < T; k++) {
    let logSum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let ok = true;
    for (const r of runs) {
      const v = r[k]!;
      if (!(v > 0) || !Number.isFinite(v)) ok = false;
      else logSum += Math.log(v);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    gmean[k] = ok ? Math.exp(logSum / runs.length) : Number.NaN;
    min[k] = lo;
    max[k] = hi;
  }
  return { gmean, min, max };
}

/** Runs the whole experiment: one series per (model, radius), models outermost, in the given order. */
export function gradientDecay(config: GradientDecayConfig): DecaySeries[] {
  // Sizes and seeds as small integers, whatever representation the caller's numbers had (see smallInt).
  const cfg: GradientDecayConfig = {
    ...config,
    hidden: smallInt(config.hidden),
    steps: smallInt(config.steps),
    seeds: smallInt(config.seeds),
    seed: smallInt(config.seed),
  };
  const out: DecaySeries[] = [];
  for (const model of cfg.models) {
    const draws = Array.from({ length: cfg.seeds }, (_, s) => drawSeed(cfg, model, cfg.seed + s));
    for (const radius of cfg.radii) {
      const runs = draws.map((d) => runDraw(cfg, model, radius, d));
      out.push({ model, radius, runs, ...summarise(runs) });
    }
  }
  return out;
}

/** Canonical cache key: every field, in a fixed order. */
function cacheKey(cfg: GradientDecayConfig): string {
  return JSON.stringify([
    cfg.models,
    cfg.activation,
    cfg.hidden,
    cfg.steps,
    cfg.init,
    cfg.radii,
    cfg.seeds,
    cfg.seed,
    cfg.forgetBias,
    cfg.inputScale,
  ]);
}

const CACHE_LIMIT = 64;
const cache = new Map<string, DecaySeries[]>();

/**
 * `gradientDecay` with an in-memory cache keyed by the canonical parameters (least recently used entries
 * go first beyond 64): `hugo server` re-renders pages on every save, and a page with two plots of the same
 * experiment computes it once. Callers must not mutate the result.
 */
export function cachedGradientDecay(cfg: GradientDecayConfig): DecaySeries[] {
  const key = cacheKey(cfg);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = gradientDecay(cfg);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}

export function clearGradientDecayCache(): void {
  cache.clear();
}

/**
 * Rough cost in multiply-adds (n³ per step per matrix product and spectral norm, times the number of
 * networks): lets the shortcode refuse parameter sets that would stall a build.
 */
export function gradientDecayCost(cfg: Pick<GradientDecayConfig, 'models' | 'hidden' | 'steps' | 'radii' | 'seeds'>): number {
  const perModel = { rnn: 2.5, lstm: 4, gru: 4.5 } as const;
  const factor = cfg.models.reduce((s, m) => s + perModel[m], 0);
  return cfg.hidden ** 3 * cfg.steps * cfg.radii.length * cfg.seeds * factor;
}
