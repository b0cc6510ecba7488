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
 * - biases are 0, except the LSTM forget gate's (`forgetBias`) and the GRU's update and reset gates'
 *   (`updateBias`, `resetBias`); the shortcode's defaults and their sources are in its parameter docs;
 * - the network first runs `burnIn` steps from the zero state on inputs of their own (a random stream of
 *   their own), and the T measured steps start from the state reached there, so that the first measured
 *   steps are not the transient out of h₀ = 0.
 * The input sequence of a seed is shared by all models and radii, and a seed's weight directions are
 * shared by all radii (only the scale differs), so the curves differ only by what the parameters change.
 */
import type { Activation } from './activation.js';
import { gaussianMatrix, gaussianVector, scale, smallInt, type Matrix } from './matrix.js';
import { randomOrthogonal } from './qr.js';
import { spectralRadius } from './eigen.js';
import { rngFromKey, type Rng } from './rng.js';
import { rnnForward, rnnGradientNorms, type RnnWeights } from './rnn.js';
import { lstmForward, lstmGradientNorms, type GateWeights, type LstmWeights } from './lstm.js';
import { gruForward, gruGradientNorms, type GruWeights } from './gru.js';

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
  /** LSTM forget-gate bias b_f. */
  forgetBias: number;
  /** GRU update-gate bias b_z (z_t weights the candidate, so a negative bias favours keeping the state). */
  updateBias: number;
  /** GRU reset-gate bias b_r. */
  resetBias: number;
  inputScale: number;
  /** Steps run from the zero state before the measured window. */
  burnIn: number;
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
  /** Inputs of the burn-in steps, run before `xs`. */
  burn: Float64Array[];
  /** Unit-radius recurrent matrices and input matrices, by name. */
  W: Map<string, Matrix>;
  U: Map<string, Matrix>;
}

function drawSeed(cfg: GradientDecayConfig, model: Model, seed: number): SeedDraw {
  const n = cfg.hidden;
  const m = n;
  const inputs = rngFromKey('gradient-decay/inputs', seed, n, cfg.steps);
  const xs = Array.from({ length: cfg.steps }, () => gaussianVector(m, inputs));
  // A stream of their own: the measured inputs stay the same whatever the burn-in.
  const burnRng = rngFromKey('gradient-decay/burn-in', seed, n, cfg.burnIn);
  const burn = Array.from({ length: cfg.burnIn }, () => gaussianVector(m, burnRng));
  const names = model === 'rnn' ? ['W'] : model === 'lstm' ? ['i', 'f', 'o', 'g'] : ['z', 'r', 'h'];
  const W = new Map<string, Matrix>();
  const U = new Map<string, Matrix>();
  for (const name of names) {
    W.set(name, recurrentUnit(n, cfg.init, rngFromKey('gradient-decay/W', model, name, cfg.init, seed, n)));
    U.set(name, gaussianMatrix(n, m, rngFromKey('gradient-decay/U', model, name, seed, n), cfg.inputScale / Math.sqrt(m)));
  }
  return { xs, burn, W, U };
}

/** The norms of one network (one model, radius and seed). */
export function gradientNormsForSeed(cfg: GradientDecayConfig, model: Model, radius: number, seed: number): Float64Array {
  return runDraw(cfg, model, radius, drawSeed(cfg, model, seed));
}

/** One network: the seed's directions at spectral radius `radius`, with the configured biases. */
export type Network = { model: 'rnn'; w: RnnWeights } | { model: 'lstm'; w: LstmWeights } | { model: 'gru'; w: GruWeights };

function networkOf(cfg: GradientDecayConfig, model: Model, radius: number, d: SeedDraw): Network {
  const n = cfg.hidden;
  const gate = (name: string, bias = 0): GateWeights => ({
    W: scale(d.W.get(name)!, radius),
    U: d.U.get(name)!,
    b: new Float64Array(n).fill(bias),
  });
  switch (model) {
    case 'rnn':
      return { model, w: gate('W') };
    case 'lstm':
      return { model, w: { i: gate('i'), f: gate('f', cfg.forgetBias), o: gate('o'), g: gate('g') } };
    case 'gru':
      return { model, w: { z: gate('z', cfg.updateBias), r: gate('r', cfg.resetBias), h: gate('h') } };
  }
}

/** The state reached after the burn-in steps from the zero state: h, and c (0 but for the LSTM). */
function burnedIn(cfg: GradientDecayConfig, net: Network, d: SeedDraw): { h: Float64Array; c: Float64Array } {
  const zero = new Float64Array(cfg.hidden);
  const B = d.burn.length;
  if (B === 0) return { h: zero, c: zero };
  switch (net.model) {
    case 'rnn':
      return { h: rnnForward(net.w, cfg.activation, d.burn, zero).states[B]!, c: zero };
    case 'lstm': {
      const s = lstmForward(net.w, d.burn, { h: zero, c: zero })[B - 1]!;
      return { h: s.h, c: s.c };
    }
    case 'gru':
      return { h: gruForward(net.w, d.burn, zero)[B - 1]!.h, c: zero };
  }
}

function runDraw(cfg: GradientDecayConfig, model: Model, radius: number, d: SeedDraw): Float64Array {
  const net = networkOf(cfg, model, radius, d);
  const s0 = burnedIn(cfg, net, d);
  switch (net.model) {
    case 'rnn':
      return rnnGradientNorms(net.w, cfg.activation, d.xs, s0.h);
    case 'lstm':
      return lstmGradientNorms(net.w, d.xs, s0);
    case 'gru':
      return gruGradientNorms(net.w, d.xs, s0.h);
  }
}

/** Sizes and seeds as small integers, whatever representation the caller's numbers had (see smallInt). */
function normalise(config: GradientDecayConfig): GradientDecayConfig {
  return {
    ...config,
    hidden: smallInt(config.hidden),
    steps: smallInt(config.steps),
    seeds: smallInt(config.seeds),
    seed: smallInt(config.seed),
    burnIn: smallInt(config.burnIn),
  };
}

/**
 * One network of the experiment as it is measured: its weights, the state it starts the measured window
 * from (after the burn-in: h, and c, which is 0 but for the LSTM) and the window's inputs. For looking
 * inside a plotted curve (gate values, states); the experiment itself does not go through it.
 */
export function experimentNetwork(
  config: GradientDecayConfig,
  model: Model,
  radius: number,
  seed: number,
): { network: Network; start: { h: Float64Array; c: Float64Array }; xs: readonly Float64Array[] } {
  const cfg = normalise(config);
  const d = drawSeed(cfg, model, smallInt(seed));
  const network = networkOf(cfg, model, radius, d);
  return { network, start: burnedIn(cfg, network, d), xs: d.xs };
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

/** The shortcode's parameters, as validated (the names `{{< gradient-decay >}}` takes). */
export interface GradientDecayParams {
  model: readonly string[];
  activation: Activation;
  hidden: number;
  steps: number;
  init: Init;
  radius: readonly number[];
  seeds: number;
  seed: number;
  'forget-bias': number;
  'update-bias': number;
  'reset-bias': number;
  'input-scale': number;
  'burn-in': number;
}

/** The experiment a set of the shortcode's parameters asks for; a model or radius listed twice runs once. */
export function gradientDecayConfig(p: GradientDecayParams): GradientDecayConfig {
  return {
    models: [...new Set(p.model)] as Model[],
    activation: p.activation,
    hidden: p.hidden,
    steps: p.steps,
    init: p.init,
    radii: [...new Set(p.radius)],
    seeds: p.seeds,
    seed: p.seed,
    forgetBias: p['forget-bias'],
    updateBias: p['update-bias'],
    resetBias: p['reset-bias'],
    inputScale: p['input-scale'],
    burnIn: p['burn-in'],
  };
}

/** Runs the whole experiment: one series per (model, radius), models outermost, in the given order. */
export function gradientDecay(config: GradientDecayConfig): DecaySeries[] {
  const cfg = normalise(config);
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
    cfg.updateBias,
    cfg.resetBias,
    cfg.inputScale,
    cfg.burnIn,
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
 * Rough cost in multiply-adds (n³ per step per matrix product and spectral norm, n² per burn-in step per
 * matrix-vector product, times the number of networks): lets the shortcode refuse parameter sets that
 * would stall a build.
 */
export function gradientDecayCost(
  cfg: Pick<GradientDecayConfig, 'models' | 'hidden' | 'steps' | 'radii' | 'seeds'> & { burnIn?: number },
): number {
  const perModel = { rnn: 2.5, lstm: 4, gru: 4.5 } as const;
  const perBurnIn = { rnn: 2, lstm: 8, gru: 6 } as const;
  const n = cfg.hidden;
  const perNetwork = cfg.models.reduce((s, m) => s + n ** 3 * cfg.steps * perModel[m] + n ** 2 * (cfg.burnIn ?? 0) * perBurnIn[m], 0);
  return perNetwork * cfg.radii.length * cfg.seeds;
}
