/**
 * The gradient-decay experiment's burn-in and gate biases (issue 8): what they change in the numbers,
 * and that the defaults do what their documentation says.
 */
import { describe, expect, it } from 'vitest';
import gradientDecayShortcode from '../../shortcodes/gradient-decay.js';
import { validateParams } from '../../src/render/params.js';
import type { ParamValue } from '../../src/content/types.js';
import {
  cachedGradientDecay,
  clearGradientDecayCache,
  experimentNetwork,
  gradientDecayConfig,
  gradientDecayCost,
  gradientDecay,
  type GradientDecayConfig,
  type Model,
} from '../../src/numeric/gradient-decay.js';
import { rnnGradientNorms } from '../../src/numeric/rnn.js';
import { lstmGradientNorms } from '../../src/numeric/lstm.js';
import { gruForward, gruGradientNorms } from '../../src/numeric/gru.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';

/** The experiment as `{{< gradient-decay … >}}` runs it with these parameters. */
function config(raw: Record<string, ParamValue> = {}): GradientDecayConfig {
  const { values, problems } = validateParams(gradientDecayShortcode.params, raw);
  expect(problems).toEqual([]);
  return gradientDecayConfig(values);
}

const rms = (v: Float64Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0) / v.length);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean over `seeds` networks of the RMS of the measured window's start state (c for the LSTM). */
function startRms(cfg: GradientDecayConfig, model: Model, radius: number, seeds = 20): number {
  return mean(
    Array.from({ length: seeds }, (_, s) => {
      const { start } = experimentNetwork(cfg, model, radius, s + 1);
      return rms(model === 'lstm' ? start.c : start.h);
    }),
  );
}

describe('burn-in', () => {
  it('starts the measured window from the state the network reached, on unchanged measured inputs', () => {
    const cfg = config({ model: 'rnn,lstm,gru', hidden: 8, steps: 12 });
    expect(cfg.burnIn).toBe(100);
    for (const model of cfg.models) {
      const cold = experimentNetwork({ ...cfg, burnIn: 0 }, model, 1.1, 1);
      const warm = experimentNetwork(cfg, model, 1.1, 1);
      expect(rms(cold.start.h)).toBe(0);
      expect(rms(cold.start.c)).toBe(0);
      expect(rms(warm.start.h), model).toBeGreaterThan(0.01);
      if (model === 'lstm') expect(rms(warm.start.c)).toBeGreaterThan(0.01);
      else expect(rms(warm.start.c)).toBe(0);
      // Same weights and measured inputs: only the start state differs.
      expect(warm.xs.map((x) => Array.from(x))).toEqual(cold.xs.map((x) => Array.from(x)));
      expect(warm.network).toEqual(cold.network);
    }
  });

  it('the experiment measures exactly from that start state', () => {
    const cfg = config({ model: 'rnn,lstm,gru', hidden: 8, steps: 12, seeds: 2, radius: '1.1' });
    const series = gradientDecay(cfg);
    for (const s of series) {
      for (let seed = 0; seed < 2; seed++) {
        const { network: net, start, xs } = experimentNetwork(cfg, s.model, s.radius, cfg.seed + seed);
        const norms =
          net.model === 'rnn'
            ? rnnGradientNorms(net.w, cfg.activation, xs, start.h)
            : net.model === 'lstm'
              ? lstmGradientNorms(net.w, xs, start)
              : gruGradientNorms(net.w, xs, start.h);
        expect(Array.from(norms)).toEqual(Array.from(s.runs[seed]!));
      }
    }
    const cold = gradientDecay({ ...cfg, burnIn: 0 });
    for (let i = 0; i < series.length; i++) expect(Array.from(cold[i]!.gmean)).not.toEqual(Array.from(series[i]!.gmean));
  });

  it('the default (100 steps) reaches the running state: as far from zero as after 1000 steps, unlike 10', () => {
    const cfg = config();
    for (const model of ['rnn', 'lstm'] as const) {
      const settled = startRms({ ...cfg, burnIn: 1000 }, model, 1.1);
      expect(Math.abs(startRms(cfg, model, 1.1) / settled - 1), model).toBeLessThan(0.1);
      if (model === 'lstm') expect(startRms({ ...cfg, burnIn: 10 }, model, 1.1) / settled).toBeLessThan(0.7);
    }
  });

  it('counts in the cost the shortcode limits, as forward steps (n² each, not n³)', () => {
    const cfg = config({ model: 'rnn,lstm,gru' });
    const extra = gradientDecayCost(cfg) - gradientDecayCost({ ...cfg, burnIn: 0 });
    expect(extra).toBe(32 ** 2 * 100 * (2 + 8 + 6) * 3 * 5);
    expect(extra / gradientDecayCost({ ...cfg, burnIn: 0 })).toBeLessThan(0.1);
  });

  it('with the default burn-in the ρ = 1.1 curve no longer rises near k = 50; from h₀ = 0 it does', () => {
    const cfg = config({ radius: '1.1' });
    expect(cfg.steps).toBe(50);
    const warm = gradientDecay(cfg)[0]!.gmean;
    const cold = gradientDecay({ ...cfg, burnIn: 0 })[0]!.gmean;
    // Geometric mean over seeds, k = 40 … 50: the 5-seed mean still wobbles from one k to the next, so the
    // trend is the ratio over the last ten steps, and the largest single-step rise.
    expect(cold[49]! / cold[39]!).toBeGreaterThan(1.3);
    expect(warm[49]! / warm[39]!).toBeLessThan(0.9);
    for (let k = 41; k <= 50; k++) expect(warm[k - 1]! / warm[k - 2]!, `k = ${k}`).toBeLessThan(1.02);
  });
});

describe('GRU gate biases', () => {
  it('reach the gates: z_t ≈ σ(update-bias), r_t ≈ σ(reset-bias) with weak inputs', () => {
    for (const [ub, rb] of [
      [-1, 1],
      [2, -0.5],
    ] as const) {
      const cfg = config({ model: 'gru', 'update-bias': ub, 'reset-bias': rb, hidden: 16, steps: 20 });
      const { network: net, start, xs } = experimentNetwork(cfg, 'gru', 0.9, 1);
      if (net.model !== 'gru') throw new Error('not a GRU');
      expect(Array.from(net.w.z.b)).toEqual(new Array(16).fill(ub));
      expect(Array.from(net.w.r.b)).toEqual(new Array(16).fill(rb));
      const trace = gruForward(net.w, xs, start.h);
      expect(Math.abs(mean(trace.flatMap((t) => Array.from(t.z))) - sigmoid(ub))).toBeLessThan(0.02);
      expect(Math.abs(mean(trace.flatMap((t) => Array.from(t.r))) - sigmoid(rb))).toBeLessThan(0.02);
    }
  });

  it('default to keeping the state (update −1, reset 1), which slows the GRU curve and nothing else', () => {
    const cfg = config({ model: 'rnn,lstm,gru', radius: '0.9' });
    expect([cfg.updateBias, cfg.resetBias]).toEqual([-1, 1]);
    const biased = gradientDecay(cfg);
    const unbiased = gradientDecay({ ...cfg, updateBias: 0, resetBias: 0 });
    expect(biased.map((s) => s.model)).toEqual(['rnn', 'lstm', 'gru']);
    expect(Array.from(biased[0]!.gmean)).toEqual(Array.from(unbiased[0]!.gmean));
    expect(Array.from(biased[1]!.gmean)).toEqual(Array.from(unbiased[1]!.gmean));
    // Per step, about (1 − z) + z·r·ρ: 0.5 + 0.25·0.9 ≈ 0.72 unbiased, 0.73 + 0.27·0.73·0.9 ≈ 0.91 biased.
    const rate = (g: Float64Array) => (g[49]! / g[9]!) ** (1 / 40);
    expect(rate(unbiased[2]!.gmean)).toBeCloseTo(0.5 + 0.25 * 0.9, 1);
    expect(rate(biased[2]!.gmean)).toBeCloseTo(sigmoid(1) + sigmoid(-1) * sigmoid(1) * 0.9, 1);
    expect(biased[2]!.gmean[49]! / unbiased[2]!.gmean[49]!).toBeGreaterThan(1e4);
  });

  it('warns when given without a GRU', async () => {
    const r = await renderShortcodeForTest(gradientDecayShortcode, { model: 'rnn', 'update-bias': 0, 'reset-bias': 0, steps: 5, hidden: 4 });
    expect(r.reports.map((x) => [x.severity, x.param])).toEqual([
      ['warning', 'update-bias'],
      ['warning', 'reset-bias'],
    ]);
  });
});

describe('determinism', () => {
  it('same parameters, same numbers and bytes; burn-in and biases are part of the cache key', async () => {
    const cfg = config({ model: 'rnn,lstm,gru', hidden: 8, steps: 12, radius: '0.9,1.1' });
    const a = gradientDecay(cfg);
    const b = gradientDecay({ ...cfg });
    expect(a.map((s) => s.runs.map((r) => Array.from(r)))).toEqual(b.map((s) => s.runs.map((r) => Array.from(r))));
    clearGradientDecayCache();
    const c1 = cachedGradientDecay(cfg);
    for (const over of [{ burnIn: 7 }, { updateBias: 0 }, { resetBias: 0 }]) {
      const other = cachedGradientDecay({ ...cfg, ...over });
      expect(other).not.toBe(c1);
      expect(other.map((s) => Array.from(s.gmean))).toEqual(gradientDecay({ ...cfg, ...over }).map((s) => Array.from(s.gmean)));
    }
    const params = { model: 'lstm,gru', 'burn-in': 30, 'update-bias': -2, 'reset-bias': 0.5, steps: 10, hidden: 6 };
    const r1 = await renderShortcodeForTest(gradientDecayShortcode, params);
    clearGradientDecayCache();
    const r2 = await renderShortcodeForTest(gradientDecayShortcode, params);
    expect(r1.reports).toEqual([]);
    expect(r2.html).toBe(r1.html);
    expect(r1.html).toContain('measured after 30 burn-in steps');
  });
});
