/**
 * `gradient-decay`: vanishing and exploding gradients through time, computed at build time.
 *
 *   {{< gradient-decay radius="0.9,1.0,1.1" >}}
 *   {{< gradient-decay model="rnn,lstm" radius="1.0" caption="RNN against LSTM" >}}
 *
 * Simulates h_t = φ(W h_{t−1} + U x_t + b) (and/or an LSTM or GRU) with the recurrent matrices scaled to
 * each spectral radius ρ, and plots ‖∂h_T/∂h_{T−k}‖₂ (LSTM: ‖∂c_T/∂c_{T−k}‖₂) against k on a log axis,
 * from exact Jacobian products in float64 (src/numeric/). Geometric mean over seeds, min–max band, and
 * the plotted numbers in a collapsed data table.
 */
import { ACTIVATIONS } from '../src/numeric/activation.js';
import {
  INITS,
  MODELS,
  cachedGradientDecay,
  gradientDecayConfig,
  gradientDecayCost,
  type DecaySeries,
  type GradientDecayConfig,
  type Model,
} from '../src/numeric/gradient-decay.js';
import { FIGURE_PARAMS } from '../src/render/params.js';
import { defineShortcode, type RenderContext } from '../src/render/types.js';
import { figureTitle, wrapFigure } from '../src/render/figure-wrap.js';
import { createIds } from '../src/svg/ids.js';
import { dataTable, formatSignificant, labelToPlain, renderPlot, type Dash, type PlotSeries } from '../src/svg/plot/index.js';

const params = {
  model: {
    type: 'list',
    values: MODELS,
    min: 1,
    max: 3,
    item: 'model',
    default: ['rnn'] as string[],
    doc: 'Which networks to simulate: `rnn`, `lstm`, `gru`, or several (`rnn,lstm`) drawn with different dash patterns. RNN and GRU plot ‖∂h_T/∂h_{T−k}‖₂, the LSTM ‖∂c_T/∂c_{T−k}‖₂ through its cell state.',
  },
  activation: {
    type: 'enum',
    values: ACTIVATIONS,
    default: 'tanh',
    doc: 'The RNN\'s nonlinearity φ (LSTM and GRU use their own σ and tanh).',
  },
  radius: {
    type: 'numbers',
    min: 0.05,
    max: 4,
    minItems: 1,
    maxItems: 7,
    default: [0.9, 1, 1.1] as number[],
    doc: 'Spectral radius ρ of the recurrent matrices; several values give one curve each.',
  },
  hidden: { type: 'int', min: 2, max: 64, default: 32, doc: 'Hidden size n (also the input size).' },
  steps: { type: 'int', min: 2, max: 200, default: 50, doc: 'Sequence length T; k runs from 0 to T.' },
  init: {
    type: 'enum',
    values: INITS,
    default: 'orthogonal',
    doc: 'Recurrent matrices: ρ·Q with Q Haar-random orthogonal, or a Gaussian matrix rescaled to spectral radius ρ.',
  },
  seeds: {
    type: 'int',
    min: 1,
    max: 20,
    default: 5,
    doc: 'Independent networks and input sequences per curve: the line is their geometric mean, the band their min–max.',
  },
  seed: { type: 'int', min: 0, max: 1_000_000_000, default: 1, doc: 'First random seed (seeds are seed, seed+1, …): change it for other draws.' },
  'forget-bias': {
    type: 'number',
    min: -10,
    max: 10,
    default: 1,
    doc: 'Bias b_f of the LSTM forget gate. Default 1: Jozefowicz, Zaremba and Sutskever (2015) recommend it, and it is TensorFlow 1.x\'s `BasicLSTMCell` default (`forget_bias=1.0`); f_t starts near σ(1) ≈ 0.73. Larger keeps the cell state longer.',
  },
  'update-bias': {
    type: 'number',
    min: -10,
    max: 10,
    default: -1,
    doc: 'Bias b_z of the GRU update gate, in the convention h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t (Cho et al. 2014, Olah 2015), where a negative bias favours keeping the state. Default −1: TensorFlow 1.x\'s `GRUCell` starts its gates\' biases at 1.0 "to not reset and not update", and its gate u = 1 − z keeps the old state; so 1 − z_t starts near σ(1) ≈ 0.73, like the LSTM\'s forget gate with `forget-bias` 1. Use 0 for no bias (PyTorch, Keras).',
  },
  'reset-bias': {
    type: 'number',
    min: -10,
    max: 10,
    default: 1,
    doc: 'Bias b_r of the GRU reset gate. Default 1, TensorFlow 1.x\'s `GRUCell` default: r_t starts near σ(1) ≈ 0.73, so the candidate sees most of h_{t−1}. Use 0 for no bias (PyTorch, Keras).',
  },
  'input-scale': {
    type: 'number',
    min: 0,
    max: 10,
    default: 0.1,
    doc: 'Standard deviation of each unit\'s input drive U·x_t (inputs are N(0, I)). Weak inputs (0.1) keep a tanh RNN near its linear regime, where ρ decides between vanishing and exploding; strong ones (1) saturate it, and gradients vanish even for ρ > 1.',
  },
  'burn-in': {
    type: 'int',
    min: 0,
    max: 1000,
    default: 100,
    doc: 'Steps each network runs from h_0 = 0 (on inputs of their own) before the T measured steps, so that the plot shows the network in its running state rather than its start-up from zero (without it, a ρ = 1.1 tanh RNN\'s curve rises again near k = T, where the Jacobians of its first, unsaturated steps enter the product). 100 is where the curves stop moving: see docs/plots/README.md. 0 starts the measured steps at h_0 = 0.',
  },
  band: { type: 'bool', default: true, doc: 'Shade the min–max range over seeds.' },
  table: { type: 'bool', default: true, doc: 'Add the plotted values as a collapsed data table below the plot.' },
  xlabel: { type: 'string', label: 'text', doc: 'Horizontal axis label (words with `$math$`); default "steps back $k$".' },
  ylabel: { type: 'string', label: 'text', doc: 'Vertical axis label; default the plotted norm, e.g. $\\|\\partial h_T/\\partial h_{T-k}\\|_2$.' },
  ...FIGURE_PARAMS,
} as const;

const DECAY_TONES = ['output', 'hidden', 'input', 'gate', 'loss', 'highlight', 'target'] as const;
const MODEL_NAME: Record<Model, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };
const MODEL_DASH: Record<Model, Dash> = { rnn: 'solid', lstm: 'dashed', gru: 'dashdot' };
const NORM_H = '$\\|\\partial h_T/\\partial h_{T-k}\\|_2$';
const NORM_C = '$\\|\\partial c_T/\\partial c_{T-k}\\|_2$';

/** Work allowed per figure, in the units of `gradientDecayCost`: about 40 default figures. */
const COST_LIMIT = 40 * gradientDecayCost({ models: ['rnn'], hidden: 32, steps: 50, radii: [0.9, 1, 1.1], seeds: 5, burnIn: 100 });

function radiusText(r: number): string {
  return String(r);
}

function seriesLabel(s: DecaySeries, models: readonly Model[], radii: readonly number[]): string {
  const name = MODEL_NAME[s.model];
  const rho = `$\\rho = ${radiusText(s.radius)}$`;
  if (models.length > 1 && radii.length > 1) return `${name}, ${rho}`;
  if (models.length > 1) return name;
  return rho;
}

function defaultYLabel(models: readonly Model[]): string {
  const h = models.some((m) => m !== 'lstm');
  const c = models.includes('lstm');
  if (h && c) return `${NORM_H} (LSTM: ${NORM_C})`;
  return c ? NORM_C : NORM_H;
}

function describe(cfg: GradientDecayConfig, series: DecaySeries[], labels: string[]): string {
  const who = cfg.models
    .map((m) => (m === 'rnn' ? `a ${cfg.activation} RNN` : `an ${MODEL_NAME[m]}`.replace('an GRU', 'a GRU')))
    .join(' and ');
  const what = [
    `Line plot, logarithmic vertical axis: the spectral norm of the gradient through k time steps (`,
    cfg.models.includes('lstm') ? 'the cell state for the LSTM, the hidden state otherwise' : 'the hidden state',
    `), for k from 0 to ${cfg.steps}, for ${who} with hidden size ${cfg.hidden} and ${cfg.init} recurrent matrices`,
    ` of spectral radius ${cfg.radii.map(radiusText).join(', ')}`,
    cfg.burnIn > 0 ? `, measured after ${cfg.burnIn} burn-in steps from the zero state.` : ', measured from the zero state.',
    cfg.seeds > 1 ? ` Each line is the geometric mean over ${cfg.seeds} random networks, with their minimum-to-maximum range shaded.` : '',
  ].join('');
  const curves = series.map((s, i) => {
    const last = s.gmean[s.gmean.length - 1]!;
    return `${labelToPlain(labels[i]!)}: from 1 at k = 0 to ${formatSignificant(last, 3)} at k = ${cfg.steps}.`;
  });
  return [what, ...curves].join(' ');
}

function render(ctx: RenderContext<typeof params>): string {
  const p = ctx.params;
  const cfg = gradientDecayConfig(p);
  const { models, radii } = cfg;
  if (models.length < p.model.length) ctx.warn('model lists a network twice; each is drawn once', { param: 'model' });
  if (radii.length < p.radius.length) ctx.warn('radius lists a value twice; each is drawn once', { param: 'radius' });
  const raw = Array.isArray(ctx.rawParams) ? {} : ctx.rawParams;
  if ('activation' in raw && !models.includes('rnn')) {
    ctx.warn('activation only applies to model=rnn (LSTM and GRU use σ and tanh); add rnn to model or remove activation', { param: 'activation' });
  }
  if ('forget-bias' in raw && !models.includes('lstm')) {
    ctx.warn('forget-bias only applies to model=lstm', { param: 'forget-bias' });
  }
  for (const name of ['update-bias', 'reset-bias'] as const) {
    if (name in raw && !models.includes('gru')) ctx.warn(`${name} only applies to model=gru`, { param: name });
  }
  const cost = gradientDecayCost(cfg);
  if (cost > COST_LIMIT) {
    ctx.error(
      `this experiment is about ${Math.round(cost / (COST_LIMIT / 40))}× the default one and would slow every build; ` +
        'reduce hidden, steps, seeds, the number of radii or of models',
    );
    return '';
  }
  const series = cachedGradientDecay(cfg);

  // Colour follows ρ; with a single ρ and several models, colour follows the model. Dashes follow the model.
  const labels = series.map((s) => seriesLabel(s, models, radii));
  let dropped = 0;
  const plotSeries: PlotSeries[] = series.map((s, i) => {
    const colourIndex = radii.length > 1 ? radii.indexOf(s.radius) : models.indexOf(s.model);
    // Blue, green, red for the usual "0.9, 1.0, 1.1": vanishing, neutral, exploding.
    const points: [number, number][] = [[0, 1]];
    const band: [number, number, number][] = [[0, 1, 1]];
    for (let k = 1; k <= cfg.steps; k++) {
      const g = s.gmean[k - 1]!;
      if (!(g > 0) || !Number.isFinite(g)) dropped++;
      points.push([k, g]);
      band.push([k, s.min[k - 1]!, s.max[k - 1]!]);
    }
    return {
      label: labels[i]!,
      points,
      mode: 'line',
      tone: DECAY_TONES[colourIndex % DECAY_TONES.length]!,
      dash: MODEL_DASH[s.model],
      band: p.band && cfg.seeds > 1 ? band : undefined,
    };
  });
  if (dropped > 0) {
    ctx.warn(
      `${dropped} plotted value(s) are 0 or overflowed (e.g. dead ReLU units, or ρ far from 1 over many steps) and are left out of the log-scale plot; the data table shows them as 0, n/a or Infinity`,
    );
  }

  const ids = createIds(ctx.idPrefix);
  const title = figureTitle(ctx, p, `Gradient norm against time steps for spectral radius ${radii.map(radiusText).join(', ')}`);
  const { svg } = renderPlot(
    {
      x: { type: 'linear', integer: true, label: p.xlabel ?? 'steps back $k$', min: 0, max: cfg.steps },
      y: { type: 'log', label: p.ylabel ?? defaultYLabel(models) },
      series: plotSeries,
    },
    { ids, title, desc: describe(cfg, series, labels), class: 'hp-gradient-decay' },
  );
  let html = svg;
  if (p.table) {
    const ks = Float64Array.from({ length: cfg.steps + 1 }, (_, k) => k);
    html += dataTable(
      { header: 'k', values: ks },
      series.map((s, i) => ({ header: labelToPlain(labels[i]!), values: Float64Array.from([1, ...s.gmean]) })),
      {
        summary: 'Data table',
        caption:
          cfg.seeds > 1
            ? `Geometric mean over ${cfg.seeds} seeds of ${labelToPlain(defaultYLabel(models))}`
            : labelToPlain(defaultYLabel(models)),
      },
    );
  }
  return wrapFigure(ctx, html, { caption: p.caption, class: p.class });
}

export default defineShortcode({
  name: 'gradient-decay',
  summary:
    'Plots how the gradient norm through k time steps vanishes or explodes for RNNs, LSTMs and GRUs, computed at build time from exact Jacobian products.',
  params,
  inner: 'none',
  version: 6,
  render,
});
