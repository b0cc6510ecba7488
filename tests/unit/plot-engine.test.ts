import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  axisTicks,
  dataTable,
  formatSignificant,
  labelToPlain,
  labelToTex,
  layoutLegend,
  layoutPlot,
  linearTicks,
  logTicks,
  pow10,
  PLOT_FONT,
  BASELINE_DROP,
  renderPlot,
  type PlotSpec,
} from '../../src/svg/plot/index.js';
import { createIds, labelBox, labelFontBox, type Box } from '../../src/svg/index.js';

const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('linear ticks (d3-scale)', () => {
  it('makes nice domains and round ticks', () => {
    const t = linearTicks([0.13, 2.37], {}, 5);
    expect(t.domain).toEqual([0, 2.5]);
    expect(t.ticks.map((x) => x.value)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(t.ticks.map((x) => x.tex)).toEqual(['\\text{0.0}', '\\text{0.5}', '\\text{1.0}', '\\text{1.5}', '\\text{2.0}', '\\text{2.5}']);
  });
  it('writes ticks finer than 0.01 as multiples of a power of ten, never 0.0000', () => {
    const t = linearTicks([0, 0.00048], {}, 5);
    expect(t.ticks.map((x) => x.tex)).toEqual(['\\text{0}', ...[1, 2, 3, 4, 5].map((k) => `\\text{${k}}\\times 10^{-4}`)]);
    expect(linearTicks([-0.003, 0.003], {}, 4).ticks[0]!.tex).toBe('\\text{−4}\\times 10^{-3}');
  });
  it('never writes a tick as 10 or more times the power of ten (a learning rate peaking at 0.001)', () => {
    const t = linearTicks([0, 0.001], {}, 5);
    expect(t.ticks.map((x) => x.tex)).toEqual(['\\text{0}', ...[2, 4, 6, 8].map((k) => `\\text{${k}}\\times 10^{-4}`), '\\text{1}\\times 10^{-3}']);
    expect(linearTicks([0, 0.0012], {}, 5).ticks.at(-1)!.tex).toBe('\\text{1.2}\\times 10^{-3}');
  });
  it('uses a real minus sign and thousands separators from d3-format', () => {
    const t = linearTicks([-3000, 3000], {}, 4);
    expect(t.ticks[0]!.tex).toBe('\\text{−4,000}');
  });
  it('keeps fixed ends and integer ticks', () => {
    const t = linearTicks([1, 50], { min: 0, max: 50, integer: true }, 5);
    expect(t.domain).toEqual([0, 50]);
    expect(t.ticks.map((x) => x.value)).toEqual([0, 10, 20, 30, 40, 50]);
    const small = linearTicks([0, 3], { integer: true }, 10);
    expect(small.ticks.every((x) => Number.isInteger(x.value))).toBe(true);
  });
  it('widens a constant series', () => {
    const t = linearTicks([5, 5], {}, 5);
    expect(t.domain[0]).toBeLessThan(5);
    expect(t.domain[1]).toBeGreaterThan(5);
  });
  it('property: ticks are increasing and inside the domain, which covers the data', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 10 }), (ai, wi, n) => {
        const a = ai / 1000;
        const w = wi / 1000;
        const t = linearTicks([a, a + w], {}, n);
        const eps = 1e-12 * Math.max(1, Math.abs(a) + w);
        expect(t.domain[0]).toBeLessThanOrEqual(a + eps);
        expect(t.domain[1]).toBeGreaterThanOrEqual(a + w - eps);
        const v = t.ticks.map((x) => x.value);
        expect(v.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThan(v[i - 1]!);
        expect(v[0]!).toBeGreaterThanOrEqual(t.domain[0]);
        expect(v[v.length - 1]!).toBeLessThanOrEqual(t.domain[1]);
      }),
    );
  });
});

describe('log ticks', () => {
  it('labels powers of ten as 10^{n}, with minor ticks between', () => {
    const t = logTicks([3e-4, 2], {}, 8);
    expect(t.domain).toEqual([1e-4, 10]);
    expect(t.ticks.map((x) => x.tex)).toEqual(['10^{-4}', '10^{-3}', '10^{-2}', '10^{-1}', '10^{0}', '10^{1}']);
    expect(t.ticks.map((x) => x.value)).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1, 10]);
    expect(t.minor).toContain(2e-4);
    expect(t.minor).toContain(5);
  });
  it('thins wide ranges to every n-th decade, keeping 10^0', () => {
    const t = logTicks([1e-12, 100], {}, 6);
    const e = t.ticks.map((x) => Math.round(Math.log10(x.value)));
    expect(e.length).toBeLessThanOrEqual(6);
    expect(e).toContain(0);
    const steps = new Set(e.slice(1).map((v, i) => v - e[i]!));
    expect(steps.size).toBe(1);
  });
  it('labels every 20th decade of a hundred and twenty, with a minor tick every 4th (not every 23rd, over a ruler of 120 ticks)', () => {
    // gradient-decay with a ReLU RNN over 200 steps and ρ from 0.5 to 2: 10⁻⁹² to 10³⁰.
    const t = logTicks([3e-92, 4e29], {}, 7);
    expect(t.ticks.map((x) => x.tex)).toEqual(['10^{-80}', '10^{-60}', '10^{-40}', '10^{-20}', '10^{0}', '10^{20}']);
    expect(t.minor.length).toBe(25);
    expect(t.minor.every((v) => Math.round(Math.log10(v)) % 4 === 0)).toBe(true);
  });
  it('thins any wide range to a round decade step, at most maxMajor labels and five parts a step', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 290 }), fc.integer({ min: 2, max: 300 }), fc.integer({ min: 2, max: 12 }), (lo, span, maxMajor) => {
        const hi = Math.min(lo + span, 300);
        fc.pre(hi - lo >= 2);
        const t = logTicks([pow10(lo), pow10(hi)], {}, maxMajor);
        const e = t.ticks.map((x) => Math.round(Math.log10(x.value)));
        // Round steps take fewer labels than maxMajor allows, never fewer than two on an axis that has room for four.
        expect(e.length).toBeGreaterThanOrEqual(maxMajor >= 4 ? 2 : 1);
        expect(e.length).toBeLessThanOrEqual(maxMajor);
        const step = e.length > 1 ? e[1]! - e[0]! : undefined;
        if (step !== undefined) {
          expect([1, 2, 3, 4, 5, 10, 20, 25, 50].includes(step) || step % 100 === 0, `step ${step}`).toBe(true);
          expect(e.every((v) => v % step === 0)).toBe(true);
          const between = t.minor.filter((v) => v > t.ticks[0]!.value && v < t.ticks[1]!.value);
          expect(between.length).toBeLessThanOrEqual(step === 1 ? 8 : 4);
        }
        expect(t.minor.length).toBeLessThanOrEqual(8 * (e.length + 1) + 16);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });
  it('uses 1–2–5 steps with plain numbers within about a decade', () => {
    const t = logTicks([0.3, 4], {}, 6);
    expect(t.domain).toEqual([0.2, 5]);
    expect(t.ticks.map((x) => x.value)).toEqual([0.2, 0.5, 1, 2, 5]);
    expect(t.minor).toEqual([0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 3, 4]);
    expect(t.ticks.map((x) => x.tex)).toContain('\\text{0.2}');
  });
  it('axisTicks dispatches on the axis type', () => {
    expect(axisTicks([1, 1000], { type: 'log' }, 5).type).toBe('log');
    expect(axisTicks([1, 1000], {}, 5).type).toBe('linear');
  });
});

describe('labels', () => {
  it('turns words and $math$ into one TeX-like label', () => {
    expect(labelToTex('steps back $k$')).toBe('\\text{steps back }{k}');
    expect(labelToTex('$\\|\\partial h\\|_2$')).toBe('{‖\\partial h‖_2}');
    expect(labelToTex('costs \\$5 {a}')).toBe('\\text{costs $5 \\{a\\}}');
    expect(labelToTex('loss')).toBe('\\text{loss}');
  });
  it('gives readable plain text for descriptions and table headers', () => {
    expect(labelToPlain('RNN, $\\rho = 0.9$')).toBe('RNN, ρ = 0.9');
    expect(labelToPlain('$\\|\\partial h_T/\\partial h_{T-k}\\|_2$')).toBe('‖∂h_T/∂h_(T−k)‖_2');
  });
});

describe('legend layout', () => {
  it('wraps into centred rows within the width, without overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 18 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 200, max: 700 }), (labels, width) => {
        const L = layoutLegend(labels, { centre: width * 0.6, left: 0, right: width, top: 100 });
        expect(L.items.length).toBe(labels.length);
        const boxes = L.items.map((it) => {
          const b = labelBox(it.tex, { x: it.labelX, y: it.y, size: PLOT_FONT.legend, anchor: 'start' });
          return { ...b, x0: it.x };
        });
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
          // Rows fit unless a single entry is wider than the whole width.
          const w = boxes[i]!.x1 - boxes[i]!.x0;
          if (w <= width) {
            expect(boxes[i]!.x0).toBeGreaterThanOrEqual(-1e-9);
            expect(boxes[i]!.x1).toBeLessThanOrEqual(width + 1e-9);
          }
        }
      }),
    );
  });
});

describe('plot layout', () => {
  const specs: PlotSpec[] = [
    { x: { label: 'steps back $k$', integer: true, min: 0, max: 50 }, y: { type: 'log', label: '$\\|\\partial h_T/\\partial h_{T-k}\\|_2$' }, series: [] },
    { x: { label: 'epoch' }, y: { label: 'loss $\\mathcal{L}$' }, series: [] },
    { x: { type: 'log', label: 'learning rate $\\eta$' }, y: { type: 'log' }, series: [] },
  ];
  const data: [number, number][][] = [
    [[1, 50], [1e-13, 12]],
    [[0, 1234567], [-0.5, 3.2]],
    [[1e-5, 1], [0.01, 3]],
  ];
  specs.forEach((spec, i) => {
    it(`keeps tick labels, axis labels and legend apart and inside the figure (${i})`, () => {
      const L = layoutPlot({
        width: 560,
        plotHeight: 300,
        x: spec.x,
        y: spec.y,
        xData: data[i]![0],
        yData: data[i]![1],
        legend: ['train', 'valid $\\hat y$', 'a much longer series name', 'ρ = 1.1'],
      });
      const boxes: Box[] = [];
      for (const t of L.x.placed) boxes.push(labelBox(t.tex, { x: t.pos, y: L.xTickBaseline, size: PLOT_FONT.tick, valign: 'baseline' }));
      for (const t of L.y.placed) boxes.push(labelBox(t.tex, { x: L.yTickRight, y: t.pos + BASELINE_DROP * PLOT_FONT.tick, size: PLOT_FONT.tick, anchor: 'end', valign: 'baseline' }));
      if (L.xLabel) boxes.push(labelBox(L.xLabel.tex, { x: L.xLabel.x, y: L.xLabel.y, size: L.xLabel.size }));
      if (L.yLabel) {
        const b = labelBox(L.yLabel.tex, { x: L.yLabel.x, y: L.yLabel.y, size: L.yLabel.size });
        // Rotated by −90° about its centre.
        const cx = L.yLabel.x;
        const cy = L.yLabel.y;
        boxes.push({ x0: cx - (b.y1 - b.y0) / 2, x1: cx + (b.y1 - b.y0) / 2, y0: cy - (b.x1 - b.x0) / 2, y1: cy + (b.x1 - b.x0) / 2 });
      }
      for (const it of L.legend.items) boxes.push({ ...labelBox(it.tex, { x: it.labelX, y: it.y + BASELINE_DROP * PLOT_FONT.legend, size: PLOT_FONT.legend, anchor: 'start', valign: 'baseline' }), x0: it.x });
      if (L.yLabel) {
        // The y label's font box (as a browser reports it, rotated) keeps 10 units from the widest y tick label.
        const f = labelFontBox(L.yLabel.tex, { x: 0, y: 0, size: L.yLabel.size });
        const widest = Math.max(...L.y.placed.map((t) => labelBox(t.tex, { x: 0, y: 0, size: PLOT_FONT.tick }).x1 - labelBox(t.tex, { x: 0, y: 0, size: PLOT_FONT.tick }).x0));
        expect(L.yTickRight - widest - (L.yLabel.x + f.y1)).toBeGreaterThanOrEqual(10 - 0.01);
        expect(L.yLabel.x + f.y0).toBeGreaterThanOrEqual(0);
      }
      for (let a = 0; a < boxes.length; a++) {
        const b = boxes[a]!;
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(L.width);
        expect(b.y1).toBeLessThanOrEqual(L.height);
        for (let c = a + 1; c < boxes.length; c++) expect(overlap(b, boxes[c]!), `${a} vs ${c}`).toBe(false);
      }
      // Tick labels stay out of the plot area.
      for (const b of boxes) expect(overlap(b, L.plot)).toBe(false);
    });
  });
});

describe('renderPlot', () => {
  const spec: PlotSpec = {
    x: { label: '$k$' },
    y: { type: 'log', label: 'norm' },
    series: [
      { label: 'a', points: [[0, 1], [1, 0.5], [2, 0], [3, 0.1]], mode: 'line', tone: 'output', band: [[0, 1, 1], [1, 0.4, 0.6], [2, 0.1, 0.2], [3, 0.05, 0.2]] },
      { label: 'b $\\beta$', points: [[0, 2], [1, Number.NaN], [2, 1]], mode: 'both', tone: 'input', dash: 'dashed', marker: 'square' },
    ],
  };
  const render = (prefix = 'hp-p1') => renderPlot(spec, { ids: createIds(prefix), title: 'T <&>', desc: 'D' }).svg;
  it('is deterministic and uses page-unique ids only', () => {
    expect(render()).toBe(render());
    const ids = [...render().matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id.startsWith('hp-p1-')).toBe(true);
    expect(render('hp-p2')).not.toContain('hp-p1');
    expect(render()).toContain('clip-path="url(#hp-p1-plot-area)"');
  });
  it('has role, title and desc, and escapes them', () => {
    const s = render();
    expect(s).toMatch(/^<svg[^>]*role="img"/);
    expect(s).toContain('aria-labelledby="hp-p1-title hp-p1-desc"');
    expect(s).toContain('<title id="hp-p1-title">T &lt;&amp;&gt;</title>');
  });
  it('never hard-codes black or white; strokes and text follow currentColor and accent classes', () => {
    const s = render();
    for (const c of ['#000', '#fff', 'black', 'white', 'rgb(0,0,0)', 'rgb(255,255,255)']) expect(s.toLowerCase()).not.toContain(c);
    expect(s).toContain('class="hp-stroke-output hp-plot-line"');
    expect(s).toContain('class="hp-fill-output hp-plot-band"');
    expect(s).toContain('stroke="currentColor"');
  });
  it('breaks lines at gaps and non-positive values on a log axis', () => {
    const s = render();
    const line = /class="hp-stroke-output hp-plot-line" d="([^"]+)"/.exec(s)![1]!;
    expect(line.match(/M/g)!.length).toBe(2); // 0 at k=2 splits the line in two
    const dashed = /class="hp-stroke-input hp-plot-line" d="([^"]+)"/.exec(s)![1]!;
    expect(dashed.match(/M/g)!.length).toBe(2);
    expect(s).toContain('stroke-dasharray="7 4"');
    expect(s).toContain('class="hp-fill-input hp-plot-markers"');
  });
  it('draws no legend for one series unless asked', () => {
    const one = renderPlot({ ...spec, series: [spec.series[0]!] }, { ids: createIds('x'), title: 't', desc: 'd' }).svg;
    expect(one).not.toContain('hp-plot-legend');
    expect(render()).toContain('hp-plot-legend');
  });
});

describe('data table', () => {
  it('formats with five significant digits, ASCII and parseable', () => {
    expect(formatSignificant(0.000003126245)).toBe('0.0000031262');
    expect(formatSignificant(1.2345678e-10)).toBe('1.2346e-10');
    expect(formatSignificant(117.39085)).toBe('117.39');
    expect(formatSignificant(3)).toBe('3');
    expect(formatSignificant(Number.NaN)).toBe('n/a');
    expect(Number(formatSignificant(-2.5e21))).toBe(-2.5e21);
  });
  it('is a collapsed details element with k first and one column per series', () => {
    const html = dataTable({ header: 'k', values: [0, 1] }, [{ header: 'ρ < 1', values: [1, 0.9] }], { caption: 'c' });
    expect(html).toBe(
      '<details class="hp-plot-table"><summary>Data table</summary><div class="hp-table-scroll" role="region" tabindex="0" aria-label="Data table" style="overflow-x:auto;max-width:100%"><table><caption>c</caption><thead><tr><th scope="col">k</th><th scope="col">ρ &lt; 1</th></tr></thead>' +
        '<tbody><tr><th scope="row">0</th><td>1</td></tr><tr><th scope="row">1</th><td>0.90000</td></tr></tbody></table></div></details>',
    );
  });
});
