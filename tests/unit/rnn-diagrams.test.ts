import { describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import { renderWith } from '../helpers/svg-context.js';
import rnnUnroll from '../../shortcodes/rnn-unroll.js';
import rnnArchitectures, { PANELS } from '../../shortcodes/rnn-architectures.js';
import { shortcodes } from '../../src/render/registry.js';
import { labelBox } from '../../src/svg/index.js';

const NO_BW = /#000\b|#000000|#fff\b|#ffffff|\bblack\b|\bwhite\b|rgb\(0,\s*0,\s*0\)|rgb\(255,\s*255,\s*255\)/i;
const idsOf = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);

const VARIANTS: [ShortcodeDefinition<any>, Record<string, ParamValue>][] = [
  [rnnUnroll, {}],
  [rnnUnroll, { losses: true, notation: 'sup', index: 'relative', bptt: true, steps: 7 }],
  [rnnUnroll, { folded: false, outputs: false, steps: 1, weights: '' }],
  [rnnArchitectures, {}],
  [rnnArchitectures, { panels: 'many-to-one,one-to-many', labels: true, wrap: 1 }],
];

describe.each(VARIANTS)('%s %o', (def, params) => {
  test('deterministic bytes', async () => {
    const a = await renderWith(def, params, { idPrefix: 'p-1' });
    const b = await renderWith(def, params, { idPrefix: 'p-1' });
    expect(a.errors).toEqual([]);
    expect(a.html).toBe(b.html);
  });
  test('ids are unique within the figure, disjoint between instances, and every reference resolves', async () => {
    const a = (await renderWith(def, params, { idPrefix: 'p-1' })).html;
    const b = (await renderWith(def, params, { idPrefix: 'p-2' })).html;
    const ia = idsOf(a);
    expect(new Set(ia).size).toBe(ia.length);
    const ib = new Set(idsOf(b));
    for (const id of ia) expect(ib.has(id)).toBe(false);
    for (const m of a.matchAll(/url\(#([^)]+)\)/g)) expect(ia).toContain(m[1]);
    const labelled = /aria-labelledby="([^"]+)"/.exec(a)![1]!.split(' ');
    for (const id of labelled) expect(ia).toContain(id);
  });
  test('accessible, themeable, responsive', async () => {
    const { html } = await renderWith(def, params);
    // one SVG, or (rnn-architectures) one SVG per panel in a wrapping row
    expect(html).toMatch(/^<figure class="hp-figure">(<div class="hp-panels" role="group" aria-label="[^"]{10,}"[^>]*>)?<svg /);
    for (const [svg] of html.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/<title id="[^"]+">[^<]{6,}<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]{40,}<\/desc>/);
      const [, vw, vh] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
      expect(svg).toContain(` width="${vw}"`);
      expect(svg).toContain(` height="${vh}"`);
    }
    expect(html).toContain('max-width:100%;height:auto');
    expect(html).not.toMatch(NO_BW);
    expect(html).not.toContain('foreignObject');
    expect(html).not.toContain('{{');
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe.each(VARIANTS)('rasterised by sharp (librsvg, no CSS variables): %s %o', (def, params) => {
  test('draws strokes and tints, not solid dark blobs', async () => {
    const { html } = await renderWith(def, params);
    // the largest SVG of the figure (rnn-architectures has one per panel)
    const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!;
    const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#fafafa' }).raw().toBuffer({ resolveWithObject: true });
    let dark = 0;
    let inked = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const lum = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
      if (lum < 60) dark++;
      if (lum < 235) inked++;
    }
    const n = info.width * info.height;
    expect(inked / n).toBeGreaterThan(0.02);
    // Lines and letters only: a node filled solid with currentColor would blow this up.
    expect(dark / n).toBeLessThan(0.06);
  });
});

describe('registration and parameter docs', () => {
  test('both shortcodes are registered by name', () => {
    expect(shortcodes.get('rnn-unroll')).toBe(rnnUnroll);
    expect(shortcodes.get('rnn-architectures')).toBe(rnnArchitectures);
  });
  test('every parameter is documented and has a default or is optional', () => {
    for (const def of [rnnUnroll, rnnArchitectures]) {
      for (const [name, spec] of Object.entries(def.params as Record<string, { doc: string }>)) {
        expect(spec.doc.length, `${def.name}.${name}`).toBeGreaterThan(15);
      }
      for (const p of ['caption', 'alt', 'class']) expect(def.params).toHaveProperty(p);
    }
  });
});

describe('rnn-unroll', () => {
  test('steps out of range is an error naming the valid range', async () => {
    for (const steps of [0, 17, 2.5, 'many'] as ParamValue[]) {
      const r = await renderWith(rnnUnroll, { steps });
      expect(r.errors.map((e) => e.message).join()).toMatch(/steps=.* is not valid: expected a whole number from 1 to 16/);
      expect(r.errors[0]!.param).toBe('steps');
      expect(r.html).toContain('<svg'); // rendered with the default instead
    }
  });
  test('a bad notation names the valid values', async () => {
    const r = await renderWith(rnnUnroll, { notation: 'superscript' });
    expect(r.errors[0]!.message).toContain('expected one of "sub", "sup"');
  });
  test('weights must be three labels or none; losses need outputs', async () => {
    expect((await renderWith(rnnUnroll, { weights: 'A,B' })).errors[0]!.message).toMatch(/weights takes 3 labels/);
    expect((await renderWith(rnnUnroll, { losses: true, outputs: false })).errors[0]!.message).toMatch(/losses=true needs outputs=true/);
    expect((await renderWith(rnnUnroll, { hidden: ' ' })).errors[0]!.param).toBe('hidden');
  });
  test('the chain has `steps` columns with sub or sup indices', async () => {
    const sub = (await renderWith(rnnUnroll, { steps: 3 })).html;
    // h_1 … h_3: italic h followed by a lowered upright digit
    for (const k of [1, 2, 3]) expect(sub).toMatch(new RegExp(`<tspan font-style="italic">h</tspan><tspan dy="[\\d.]+" font-size="[\\d.]+">${k}</tspan>`));
    expect(sub).not.toMatch(/>4</);
    const sup = (await renderWith(rnnUnroll, { steps: 3, notation: 'sup', index: 'relative' })).html;
    expect(sup).toMatch(/<tspan font-style="italic">h<\/tspan><tspan dx="[\d.]+" dy="-[\d.]+" font-size="[\d.]+">\(<\/tspan>/);
    expect(sup).toContain('t+1');
    expect(sup).toContain('t−1');
  });
  test('two dashed continuation nodes, one delay square, the Unfold arrow', async () => {
    const html = (await renderWith(rnnUnroll, {})).html;
    expect(html.match(/<circle[^>]*stroke-dasharray/g)).toHaveLength(2);
    // So are the two edges into and out of them (Goodfellow et al. fig. 10.2), and only those.
    expect(html.match(/<path[^>]*stroke-dasharray/g)).toHaveLength(2);
    expect((await renderWith(rnnUnroll, { steps: 1 })).html.match(/<path[^>]*stroke-dasharray/g)).toHaveLength(2);
    expect(html).toContain('>Unfold</text>');
    expect(html.match(/<rect fill="currentColor"/g)).toHaveLength(1);
    const unfolded = (await renderWith(rnnUnroll, { folded: false })).html;
    expect(unfolded).not.toContain('>Unfold</text>');
    expect(unfolded.match(/<circle[^>]*stroke-dasharray/g)).toHaveLength(2);
    expect(unfolded).not.toMatch(/<rect fill="currentColor"/);
  });
  test('losses add L and y rows; bptt adds fading highlight arrows', async () => {
    const plain = (await renderWith(rnnUnroll, { steps: 4 })).html;
    const full = (await renderWith(rnnUnroll, { steps: 4, losses: true, bptt: true, decay: 0.5 })).html;
    const circles = (s: string) => s.match(/<circle/g)!.length;
    expect(circles(full) - circles(plain)).toBe(2 * 5); // L and y in the folded graph and in 4 steps
    const arrows = [...full.matchAll(/<path class="hp-stroke-highlight"[^>]*opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(arrows).toHaveLength(4); // h4→h3, h3→h2, h2→h1, h1→h…
    for (let i = 1; i < arrows.length; i++) expect(arrows[i]!).toBeLessThan(arrows[i - 1]!);
    expect(full).toMatch(/<desc[^>]*>[^<]*fade by a factor of 0.5 per step/);
  });
  test('desc describes the structure in words', async () => {
    const { html } = await renderWith(rnnUnroll, {});
    const desc = [...html.matchAll(/<desc[^>]*>([^<]*)<\/desc>/g)].map((m) => m[1]).join(' ');
    expect(desc).toContain('unrolled over 4 time steps');
    expect(desc).toContain('inputs x_1 … x_4 feed hidden states h_1 … h_4 through U');
    expect(desc).toContain('through W');
  });
  test('caption goes to the figcaption through Markdown; alt names the figure', async () => {
    const { html } = await renderWith(rnnUnroll, { caption: 'The *unrolled* RNN', alt: 'Unrolled RNN diagram', class: 'wide bad"class' });
    expect(html).toContain('<figcaption><p>The <em>unrolled</em> RNN</p></figcaption>');
    // the folded graph and the chain are two SVGs in a group named by alt
    expect(html).toMatch(/<div class="hp-panels" role="group" aria-label="Unrolled RNN diagram"/);
    const chain = (await renderWith(rnnUnroll, { alt: 'Unrolled RNN diagram', folded: false })).html;
    expect(chain).toMatch(/^<figure class="hp-figure"><svg [^>]*><title id="[^"]+">Unrolled RNN diagram<\/title>/);
    expect(html).toMatch(/^<figure class="hp-figure wide">/);
    const r = await renderWith(rnnUnroll, { class: 'bad"class' });
    expect(r.diagnostics.some((d) => d.severity === 'warning' && d.param === 'class')).toBe(true);
  });
  test('node labels keep their full size and lie inside their circles, whatever the notation (issue 8)', async () => {
    const cases: [Record<string, ParamValue>, string[]][] = [
      [{}, ['{h}_{4}', '{h}_{\\ldots}']],
      [{ notation: 'sup', index: 'relative', steps: 3, losses: true }, ['{h}^{(t-1)}', '{L}^{(t+1)}', '{h}^{(\\ldots)}']],
      [{ notation: 'sup', steps: 12 }, ['{h}^{(12)}', '{o}^{(10)}']],
      [{ input: '\\mathbf{x}', hidden: '\\tilde{h}', output: '\\hat{y}', notation: 'sup', index: 'relative', steps: 5 }, ['{\\tilde{h}}^{(t+2)}', '{\\hat{y}}^{(t-2)}', '{\\mathbf{x}}^{(t-1)}']],
    ];
    for (const [params, widest] of cases) {
      const { html } = await renderWith(rnnUnroll, params);
      let inNodes = 0;
      let r = Infinity;
      for (const [svg] of html.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
      const circles = [...svg.matchAll(/<circle[^>]*cx="([\d.]+)" cy="([\d.]+)"[^>]*r="([\d.]+)"/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]), r: Number(m[3]) }));
      const labels = [...svg.matchAll(/<text class="hp-math"[^>]*font-size="([\d.]+)"[^>]*x="([\d.]+)" y="([\d.]+)"/g)].map((m) => ({ size: Number(m[1]), x: Number(m[2]), y: Number(m[3]) }));
      for (const c of circles) {
        const l = labels.filter((t) => Math.abs(t.x - c.cx) < 0.01 && Math.abs(t.y - c.cy) < 12);
        expect(l, JSON.stringify(params)).toHaveLength(1);
        expect(l[0]!.size, `${JSON.stringify(params)}: node label shrunk`).toBe(20);
        inNodes++;
      }
      r = Math.min(r, ...circles.map((c) => c.r));
      }
      expect(inNodes).toBeGreaterThan(6);
      // the widest label's box, corners included, inside the circle with 3 units to spare
      for (const src of widest) {
        const b = labelBox(src, { x: 0, y: 0, size: 20 });
        expect(Math.hypot(Math.max(-b.x0, b.x1), Math.max(-b.y0, b.y1)), `${src} in r=${r}`).toBeLessThanOrEqual(r - 3);
      }
    }
  });
  test('labels are configurable and TeX-like', async () => {
    const { html } = await renderWith(rnnUnroll, { input: '\\mathbf{x}', weights: 'W_{xh},W_{hy},W_{hh}', steps: 2 });
    expect(html).toContain('<tspan font-weight="bold">x</tspan>');
    expect(html).toMatch(/W<\/tspan><tspan dy="[\d.]+" font-size="[\d.]+" font-style="italic">hh<\/tspan>/);
  });
});

describe('rnn-architectures', () => {
  test('an unknown panel names the valid ones', async () => {
    const r = await renderWith(rnnArchitectures, { panels: 'one-to-one,two-to-two' });
    expect(r.errors[0]!.message).toContain('"two-to-two" is not valid');
    for (const p of PANELS) expect(r.errors[0]!.message).toContain(`"${p}"`);
  });
  test('each chosen panel is drawn once, titled, in order', async () => {
    const { html, diagnostics } = await renderWith(rnnArchitectures, { panels: 'many-to-one,one-to-many,many-to-one' });
    expect(diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(1);
    expect(html.match(/class="hp-panel"/g)).toHaveLength(2);
    expect(html.indexOf('>many to one<')).toBeLessThan(html.indexOf('>one to many<'));
  });
  test('a panel listed three times: one warning that says so, and the panel drawn once', async () => {
    const { html, diagnostics } = await renderWith(rnnArchitectures, { panels: 'one-to-one,one-to-one,one-to-one' });
    expect(diagnostics.map((d) => [d.severity, d.param, d.message])).toEqual([
      ['warning', 'panels', 'panel "one-to-one" is listed 3 times; it is drawn once'],
    ]);
    expect(html.match(/class="hp-panel"/g)).toHaveLength(1);
  });
  test('no panel at all is an error that says in words what to write', async () => {
    const { errors } = await renderWith(rnnArchitectures, { panels: '' });
    expect(errors.map((e) => [e.param, e.message])).toEqual([
      ['panels', 'panels is empty: give at least one panel, e.g. panels="one-to-one", or leave panels out for the default'],
    ]);
  });
  test('the encoder–decoder panel reads 3 inputs, then writes 3 outputs (Karpathy 2015, 4th panel)', async () => {
    const { html } = await renderWith(rnnArchitectures, { panels: 'many-to-many', legend: false });
    const count = (tone: string) => html.match(new RegExp(`class="[^"]*hp-fill-${tone}`, 'g'))?.length ?? 0;
    expect(count('input')).toBe(3);
    expect(count('hidden')).toBe(6);
    expect(count('output')).toBe(3);
    expect(html).toContain('encoder–decoder');
    // every output comes after every input: x centres of the input boxes < x centres of the output boxes
    const xs = (tone: string) => [...html.matchAll(new RegExp(`<rect[^>]*class="[^"]*hp-fill-${tone}[^"]*"[^>]*x="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
    expect(xs('input')).toHaveLength(3);
    expect(Math.max(...xs('input'))).toBeLessThan(Math.min(...xs('output')));
    const legend = (await renderWith(rnnArchitectures, { panels: 'many-to-many' })).html;
    expect(legend.match(/class="[^"]*hp-fill-output/g)).toHaveLength(3 + 1); // plus the legend swatch
  });
  test('each panel is an SVG of its own in a wrapping row, none wider than a phone column (328 px)', async () => {
    const widths = (h: string) => [...h.matchAll(/<svg[^>]*viewBox="0 0 ([\d.]+) /g)].map((m) => Number(m[1]));
    const auto = (await renderWith(rnnArchitectures, {})).html;
    expect(auto).toMatch(/<div class="hp-panels" role="group" aria-label="RNN architectures[^"]*" style="display:flex;flex-wrap:wrap;/);
    expect(widths(auto)).toHaveLength(5 + 1);
    for (const w of widths(auto)) expect(w).toBeLessThanOrEqual(328);
    // ids stay unique across the panels
    const ids = [...auto.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(auto).not.toContain('hp-panel-break');
    const two = (await renderWith(rnnArchitectures, { wrap: 2 })).html;
    expect(two.match(/hp-panel-break/g)).toHaveLength(2); // after panels 2 and 4
  });
  test('lines in a column as the README says: one from 1008 px, two in a 650–800 px column (3 + 2), four on a phone', async () => {
    const html = (await renderWith(rnnArchitectures, { legend: false })).html;
    const widths = [...html.matchAll(/<svg[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const gap = Number(/gap:[\d.]+px ([\d.]+)px/.exec(html)![1]);
    // How a wrapping flex row fills lines: a panel goes on the line while it and the gap before it fit.
    const lines = (column: number) => {
      const out: number[] = [];
      let used = Infinity;
      for (const w of widths) {
        if (used + gap + w <= column) used += gap + w;
        else (out.push(0), (used = w));
        out[out.length - 1]!++;
      }
      return out;
    };
    expect(widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1)).toBe(1008);
    expect(lines(1008)).toEqual([5]);
    expect(lines(1007)).toEqual([4, 1]);
    for (const column of [650, 736, 800]) expect(lines(column), `${column} px`).toEqual([3, 2]);
    expect(lines(328)).toHaveLength(4);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('five on one line need a column of 1008 px, wider than most themes\' (650–800 px): there they take two\nlines, the first three panels, then the two many-to-many ones; on a phone (a 328 px column) four lines.');
  });
  test('the descs name every panel', async () => {
    const { html } = await renderWith(rnnArchitectures, {});
    const desc = [...html.matchAll(/<desc[^>]*>([^<]*)<\/desc>/g)].map((m) => m[1]).join(' ');
    for (const t of ['one to one', 'one to many', 'many to one', 'many to many (encoder–decoder)', 'many to many (synced)']) expect(desc).toContain(t);
  });
});
