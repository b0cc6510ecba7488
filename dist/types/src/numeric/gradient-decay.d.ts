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
import { type RnnWeights } from './rnn.js';
import { type LstmWeights } from './lstm.js';
import { type GruWeights } from './gru.js';
export declare const MODELS: readonly ["rnn", "lstm", "gru"];
export type Model = (typeof MODELS)[number];
export declare const INITS: readonly ["orthogonal", "gaussian"];
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
/** The norms of one network (one model, radius and seed). */
export declare function gradientNormsForSeed(cfg: GradientDecayConfig, model: Model, radius: number, seed: number): Float64Array;
/** One network: the seed's directions at spectral radius `radius`, with the configured biases. */
export type Network = {
    model: 'rnn';
    w: RnnWeights;
} | {
    model: 'lstm';
    w: LstmWeights;
} | {
    model: 'gru';
    w: GruWeights;
};
/**
 * One network of the experiment as it is measured: its weights, the state it starts the measured window
 * from (after the burn-in: h, and c, which is 0 but for the LSTM) and the window's inputs. For looking
 * inside a plotted curve (gate values, states); the experiment itself does not go through it.
 */
export declare function experimentNetwork(config: GradientDecayConfig, model: Model, radius: number, seed: number): {
    network: Network;
    start: {
        h: Float64Array;
        c: Float64Array;
    };
    xs: readonly Float64Array[];
};
/** Geometric mean, min and max across runs, pointwise. */
export declare function summarise(runs: readonly Float64Array[]): {
    gmean: Float64Array;
    min: Float64Array;
    max: Float64Array;
};
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
export declare function gradientDecayConfig(p: GradientDecayParams): GradientDecayConfig;
/** Runs the whole experiment: one series per (model, radius), models outermost, in the given order. */
export declare function gradientDecay(config: GradientDecayConfig): DecaySeries[];
/**
 * `gradientDecay` with an in-memory cache keyed by the canonical parameters (least recently used entries
 * go first beyond 64): `hugo server` re-renders pages on every save, and a page with two plots of the same
 * experiment computes it once. Callers must not mutate the result.
 */
export declare function cachedGradientDecay(cfg: GradientDecayConfig): DecaySeries[];
export declare function clearGradientDecayCache(): void;
/**
 * Rough cost in multiply-adds (n³ per step per matrix product and spectral norm, n² per burn-in step per
 * matrix-vector product, times the number of networks): lets the shortcode refuse parameter sets that
 * would stall a build.
 */
export declare function gradientDecayCost(cfg: Pick<GradientDecayConfig, 'models' | 'hidden' | 'steps' | 'radii' | 'seeds'> & {
    burnIn?: number;
}): number;
