/**
 * The example post explains its gradient-decay plots with numbers (issue 8): each number it quotes is
 * recomputed here from the plot's own parameters, and the explanation the numbers refute (diag(f_t)
 * keeping the plotted LSTM curve high) must not come back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gradientDecayShortcode from '../../shortcodes/gradient-decay.js';
import { validateParams } from '../../src/render/params.js';
import { experimentNetwork, gradientDecay, gradientDecayConfig } from '../../src/numeric/gradient-decay.js';
import { lstmForward } from '../../src/numeric/lstm.js';

const POST = path.resolve(import.meta.dirname, '../../fixtures/site/content/posts/learning-to-remember.md');
const post = readFileSync(POST, 'utf8');

/** The gradient-decay plots of the post, each with its parameters and the paragraphs before and after it. */
function plots(): { params: Record<string, string>; before: string; after: string }[] {
  return [...post.matchAll(/\n\n([^\n]+)\n\n\{\{< gradient-decay ((?:[\w-]+="[^"]*"\s*)+)>\}\}\n\n([^\n]+)\n/g)].map((m) => ({
    params: Object.fromEntries([...m[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
    before: m[1]!,
    after: m[3]!,
  }));
}

function plot(model: string) {
  const found = plots().filter((p) => (p.params.model ?? 'rnn') === model);
  expect(found.length, `one gradient-decay plot with model="${model}", between two paragraphs`).toBe(1);
  const { values, problems } = validateParams(gradientDecayShortcode.params, found[0]!.params);
  expect(problems).toEqual([]);
  return { ...found[0]!, cfg: gradientDecayConfig(values) };
}

/** A number the text quotes after `lead` (a regex source), as "$a \times 10^{b}$", "$10^{b}$" or "$a$". */
function quoted(text: string, lead: string): number {
  const m = new RegExp(`${lead}\\s*\\$(?:([\\d.]+)(?: \\\\times 10\\^\\{(-?\\d+)\\})?|10\\^\\{(-?\\d+)\\})\\$`).exec(text);
  expect(m, `the post quotes a number after /${lead}/`).not.toBeNull();
  return m![3] !== undefined ? 10 ** Number(m![3]) : Number(m![1]) * 10 ** Number(m![2] ?? 0);
}

describe('the example post says what its RNN gradient plot shows', () => {
  const { after, cfg } = plot('rnn');
  const series = gradientDecay(cfg);
  const at = (radius: number, k: number) => series.find((s) => s.radius === radius)!.gmean[k - 1]!;

  it('ρ = 1.1 with weak inputs: grows for about a dozen steps, then falls back', () => {
    expect(cfg.radii).toEqual([0.9, 1, 1.1]);
    expect(cfg.inputScale).toBeLessThanOrEqual(0.1);
    const g = series[2]!.gmean;
    let peak = 0;
    for (let k = 1; k < g.length; k++) if (g[k]! > g[peak]!) peak = k;
    expect(peak + 1).toBeGreaterThanOrEqual(9); // "about a dozen"
    expect(peak + 1).toBeLessThanOrEqual(15);
    expect(after).toContain('grows for about a dozen steps');
    expect(quoted(after, 'grows for about a dozen steps, to').toPrecision(2)).toBe(g[peak]!.toPrecision(2));
    expect(quoted(after, 'falls back to').toPrecision(1)).toBe(at(1.1, 50).toPrecision(1));
    expect(at(1.1, 50)).toBeLessThan(1);
  });

  it('larger radii explode as quoted', () => {
    const big = gradientDecay({ ...cfg, radii: [1.5, 2] });
    const q15 = quoted(after, String.raw`at \$\\rho = 1\.5\$ the norm reaches about`);
    const q2 = quoted(after, String.raw`at \$\\rho = 2\$ about`);
    expect(q15.toPrecision(1)).toBe(big[0]!.gmean[49]!.toPrecision(1));
    expect(Math.round(Math.log10(big[1]!.gmean[49]!))).toBe(Math.log10(q2));
  });
});

describe('the example post explains its LSTM gradient plot with the plotted numbers', () => {
  const { before, after, cfg } = plot('rnn,lstm');
  const [rho] = cfg.radii;
  const [rnn, lstm] = gradientDecay(cfg);
  const T = cfg.steps;

  // Inside the plotted LSTM networks: the gates over the measured window, and the forget gates' product.
  const gates = { f: [] as number[], i: [] as number[], o: [] as number[] };
  let logForgetNorm = 0;
  for (let s = 0; s < cfg.seeds; s++) {
    const { network: net, start, xs } = experimentNetwork(cfg, 'lstm', rho!, cfg.seed + s);
    if (net.model !== 'lstm') throw new Error('not an LSTM');
    const trace = lstmForward(net.w, xs, start);
    const logProd = new Float64Array(cfg.hidden);
    for (const t of trace) {
      for (const g of ['f', 'i', 'o'] as const) gates[g].push(...t[g]);
      t.f.forEach((f, j) => (logProd[j]! += Math.log(f)));
    }
    logForgetNorm += Math.max(...logProd); // ‖diag(Π f)‖₂ is its largest entry
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const forgetNorm = Math.exp(logForgetNorm / cfg.seeds); // geometric mean over seeds, like the plot
  const perStep = (lstm!.gmean[T - 1]! / lstm!.gmean[9]!) ** (1 / (T - 10));

  it('is the experiment the text describes', () => {
    expect([cfg.steps, rho, lstm!.model, rnn!.model]).toEqual([50, 0.9, 'lstm', 'rnn']);
    expect(before).toContain('$k = 50$');
    expect(after).toContain(`\\rho = 0.5 \\cdot 0.5 \\cdot ${rho}`);
  });

  it('quotes the gates as they are', () => {
    expect(before).toMatch(/f_t \\approx \\sigma\(1\) \\approx 0\.73\$/);
    expect(mean(gates.f).toFixed(2)).toBe('0.73');
    expect(after).toMatch(/\$o_t \\approx i_t \\approx 0\.5\$/);
    expect(mean(gates.i).toFixed(1)).toBe('0.5');
    expect(mean(gates.o).toFixed(1)).toBe('0.5');
  });

  it('quotes the forget gates’ product, the RNN and the LSTM at k = 50 as computed', () => {
    expect(quoted(before, 'is about').toPrecision(1)).toBe(forgetNorm.toPrecision(1));
    expect(quoted(before, 'vanilla RNN\'s').toPrecision(2)).toBe(rnn!.gmean[T - 1]!.toPrecision(2));
    expect(quoted(before, 'ends at about').toPrecision(1)).toBe(lstm!.gmean[T - 1]!.toPrecision(1));
    const ratio = lstm!.gmean[T - 1]! / rnn!.gmean[T - 1]!;
    expect(Math.round(ratio / 10) * 10).toBe(50);
    expect(before).toContain('fifty times the RNN');
    // The point of the paragraph: the forget gates alone fall far below the RNN, the plotted LSTM far above.
    expect(forgetNorm).toBeLessThan(rnn!.gmean[T - 1]! / 1000);
    expect(lstm!.gmean[T - 1]!).toBeGreaterThan(1e5 * forgetNorm);
  });

  it('explains the per-step rate by the loop through h: f + o·i·ρ', () => {
    expect(quoted(after, 'shrinks by about').toFixed(2)).toBe(perStep.toFixed(2));
    const predicted = mean(gates.f) + mean(gates.o) * mean(gates.i) * rho!;
    expect(Math.abs(predicted - perStep)).toBeLessThan(0.01);
    expect(mean(gates.f)).toBeLessThan(perStep - 0.15);
    expect(after).toMatch(/0\.95\^\{50\} \\approx 0\.08/);
    expect((0.95 ** 50).toFixed(2)).toBe('0.08');
  });

  it('never credits diag(f_t) or the forget gate for the plotted curve staying high', () => {
    const section = post.slice(post.indexOf('### Long Short-Term Memory'), post.indexOf('### Attention'));
    const sentences = section.replace(/\$[^$]*\$/g, (m) => m.replace(/\./g, '·')).split(/(?<=[.:])\s+/);
    const credits = /(more slowly|keeps? (the )?gradients? alive|what keeps|decays (far )?slower)/i;
    for (const s of sentences) {
      if (!/operatorname\{diag\}\(f_t\)|forget/i.test(s)) continue;
      expect(credits.test(s) && !/alone|not from/.test(s), s).toBe(false);
    }
  });
});
