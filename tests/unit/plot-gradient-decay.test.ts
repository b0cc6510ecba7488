import { describe, expect, it } from 'vitest';
import gradientDecay from '../../shortcodes/gradient-decay.js';
import { getShortcode } from '../../src/render/registry.js';
import { describeSpec } from '../../src/render/params.js';
import { paramsTable } from '../../src/render/docs.js';
import { clearGradientDecayCache, gradientDecay as compute } from '../../src/numeric/gradient-decay.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';

/** The data table as rows of cells. */
function table(html: string): { head: string[]; rows: string[][] } {
  const t = /<details class="hp-plot-table"><summary>[^<]*<\/summary><div class="hp-table-scroll"[^>]*><table>(.*?)<\/table><\/div><\/details>/.exec(html);
  expect(t, 'a collapsed data table').not.toBeNull();
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!);
  const head = cells(/<thead>(.*?)<\/thead>/.exec(t![1]!)![1]!);
  const rows = [...(/<tbody>(.*?)<\/tbody>/.exec(t![1]!)![1]!).matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => cells(m[1]!));
  return { head, rows };
}

describe('gradient-decay shortcode', () => {
  it('is registered, and every parameter is documented with its default', () => {
    expect(getShortcode('gradient-decay')).toBe(gradientDecay);
    for (const [name, spec] of Object.entries(gradientDecay.params)) {
      expect(spec.doc.length, name).toBeGreaterThan(10);
      expect(describeSpec(spec)).toBeTruthy();
    }
    const p = gradientDecay.params;
    expect([p.model.default, p.activation.default, p.hidden.default, p.steps.default, p.init.default, p.radius.default, p.seeds.default, p['forget-bias'].default, p['update-bias'].default, p['reset-bias'].default, p['burn-in'].default]).toEqual([
      ['rnn'], 'tanh', 32, 50, 'orthogonal', [0.9, 1, 1.1], 5, 1, -1, 1, 100,
    ]);
  });

  it('renders a figure with an accessible SVG, a log axis and a k-first data table, without diagnostics', async () => {
    const { html, reports } = await renderShortcodeForTest(gradientDecay, { caption: 'Vanishing *gradients*' });
    expect(reports).toEqual([]);
    expect(html).toMatch(/^<figure class="hp-figure"><svg id="hp-test0-svg" class="hp-diagram hp-plot hp-gradient-decay"/);
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<desc id="hp-test0-desc">Line plot, logarithmic vertical axis: [^<]*tanh RNN with hidden size 32[^<]*ρ = 0.9: from 1 at k = 0 to /);
    expect(html).toContain('<tspan>10</tspan>'); // powers-of-ten tick labels
    expect(html).toContain('<figcaption><p>Vanishing <em>gradients</em></p></figcaption>');
    const t = table(html);
    expect(t.head).toEqual(['k', 'ρ = 0.9', 'ρ = 1', 'ρ = 1.1']);
    expect(t.rows.length).toBe(51);
    expect(t.rows.map((r) => r[0])).toEqual(Array.from({ length: 51 }, (_, k) => String(k)));
    expect(t.rows[0]!.slice(1)).toEqual(['1', '1', '1']);
    // At least 4 significant digits, and exactly the computed geometric means.
    const series = compute({ models: ['rnn'], activation: 'tanh', hidden: 32, steps: 50, init: 'orthogonal', radii: [0.9, 1, 1.1], seeds: 5, seed: 1, forgetBias: 1, updateBias: -1, resetBias: 1, inputScale: 0.1, burnIn: 100 });
    for (let k = 1; k <= 50; k++) {
      for (let j = 0; j < 3; j++) {
        const cell = t.rows[k]![j + 1]!;
        expect(cell.replace(/^[0.]+|e.*$|\./g, '').length, cell).toBeGreaterThanOrEqual(4);
        expect(Math.abs(Number(cell) / series[j]!.gmean[k - 1]! - 1)).toBeLessThan(1e-4);
      }
    }
  });

  it('linear φ with orthogonal W reproduces ρ^k through the whole shortcode', async () => {
    const { html, reports } = await renderShortcodeForTest(gradientDecay, { activation: 'linear', radius: '0.8,1.25', steps: 20, hidden: 8, seeds: 2 });
    expect(reports).toEqual([]);
    const t = table(html);
    for (let k = 0; k <= 20; k++) {
      expect(Math.abs(Number(t.rows[k]![1]) / 0.8 ** k - 1)).toBeLessThan(1e-4);
      expect(Math.abs(Number(t.rows[k]![2]) / 1.25 ** k - 1)).toBeLessThan(1e-4);
    }
  });

  it('is byte-for-byte deterministic (also across the cache), and ids differ per instance', async () => {
    const a = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm', radius: '1' });
    clearGradientDecayCache();
    const b = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm', radius: '1' });
    expect(b.html).toBe(a.html);
    const c = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm', radius: '1' }, { idPrefix: 'hp-other' });
    expect(c.html).not.toContain('hp-test0');
    expect(c.html.replaceAll('hp-other', 'hp-test0')).toBe(a.html);
  });

  it('labels RNN against LSTM, with dashes per model and both norms on the y label', async () => {
    const { html } = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm', radius: '1', 'input-scale': 1 });
    expect(table(html).head).toEqual(['k', 'RNN', 'LSTM']);
    expect(html).toContain('stroke-dasharray="7 4"');
    expect(html).toMatch(/class="hp-math hp-plot-ylabel"[^>]*>.*∂.*LSTM.*∂/);
    // The contrast the LSTM section needs: the cell-state gradient survives far longer.
    const rows = table(html).rows;
    expect(Number(rows[50]![2])).toBeGreaterThan(1000 * Number(rows[50]![1]));
  });

  it('never hard-codes black or white', async () => {
    const { html } = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm,gru', radius: '0.5,1,1.5', steps: 10, hidden: 4 });
    for (const c of ['#000', '#fff', 'black', 'white', 'rgb(0,0,0)', 'rgb(255,255,255)']) expect(html.toLowerCase()).not.toContain(c);
  });

  it('reports bad parameters with the valid values, at the parameter', async () => {
    const { reports } = await renderShortcodeForTest(gradientDecay, { model: 'rnn,transformer', radius: '0.9,abc', init: 'xavier' });
    const errs = reports.filter((r) => r.severity === 'error');
    expect(errs.map((e) => e.param).sort()).toEqual(['init', 'model', 'radius']);
    expect(errs.find((e) => e.param === 'model')!.message).toContain('"transformer" is not valid: expected a comma-separated list of "rnn", "lstm", "gru"');
    expect(errs.find((e) => e.param === 'init')!.message).toContain('"orthogonal", "gaussian"');
    const counts = async (model: string) => (await renderShortcodeForTest(gradientDecay, { model })).reports.map((r) => r.message);
    expect(await counts('rnn,lstm,gru,rnn')).toEqual(['model lists 4 models; it takes at most 3']);
    expect(await counts(',')).toEqual(['model is empty: give at least one model, e.g. model="rnn", or leave model out for the default']);
  });

  it('says that radius takes at most 7 values, in the README table and when given more', async () => {
    expect(paramsTable(gradientDecay)).toContain('| `radius` | a comma-separated list of at most 7 numbers from 0.05 to 4 |');
    const r = await renderShortcodeForTest(gradientDecay, { radius: '0.5,0.6,0.7,0.8,0.9,1,1.1,1.2' });
    expect(r.reports.map((e) => [e.severity, e.param, e.message])).toEqual([['error', 'radius', 'radius lists 8 numbers; it takes at most 7']]);
    const none = await renderShortcodeForTest(gradientDecay, { radius: '' });
    expect(none.reports.map((e) => e.message)).toEqual(['radius is empty: give at least one number, or leave radius out for the default (0.9,1,1.1)']);
  });

  it('warns about parameters that do not apply, and refuses experiments that would stall a build', async () => {
    const w = await renderShortcodeForTest(gradientDecay, { model: 'lstm', activation: 'relu', steps: 5, hidden: 4 });
    expect(w.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'activation', message: expect.stringContaining('only applies to model=rnn') })]);
    const f = await renderShortcodeForTest(gradientDecay, { model: 'rnn', 'forget-bias': 2, steps: 5, hidden: 4 });
    expect(f.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'forget-bias' })]);
    const big = await renderShortcodeForTest(gradientDecay, { model: 'rnn,lstm,gru', hidden: 64, steps: 200, seeds: 20, radius: '0.5,0.7,0.9,1,1.1,1.3,1.5' });
    expect(big.html).toBe('');
    expect(big.reports).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('reduce hidden, steps, seeds') })]);
  });

  it('warns when values underflow to 0 on the log axis (dead ReLU units)', async () => {
    const { html, reports } = await renderShortcodeForTest(gradientDecay, { activation: 'relu', radius: '0.5', hidden: 2, steps: 40, seeds: 3, 'input-scale': 3 });
    // Whether a 2-unit ReLU network dies depends on the draw; if it does, the warning must say so.
    const zeros = table(html).rows.filter((r) => r.slice(1).some((c) => c === '0' || c === 'n/a'));
    if (zeros.length) expect(reports.some((r) => r.severity === 'warning' && /left out of the log-scale plot/.test(r.message))).toBe(true);
    else expect(reports).toEqual([]);
  });
});
