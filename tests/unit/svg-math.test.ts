import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { labelBox, layoutMath, mathLabel, measureLabel, measureText, parseMath, themeCss } from '../../src/svg/index.js';

/** The tspans of a label as { text, italic, bold, size, dy, dx }. */
function spans(html: string) {
  const out: { text: string; italic: boolean; bold: boolean; size?: number; dy?: number; dx?: number }[] = [];
  for (const m of html.matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>/g)) {
    const a = m[1]!;
    const num = (k: string) => {
      const r = new RegExp(` ${k}="(-?[\\d.]+)"`).exec(a);
      return r ? Number(r[1]) : undefined;
    };
    out.push({
      text: m[2]!,
      italic: a.includes('font-style="italic"'),
      bold: a.includes('font-weight="bold"'),
      size: num('font-size'),
      dy: num('dy'),
      dx: num('dx'),
    });
  }
  return out;
}

describe('mathLabel', () => {
  test('h_{t-1}: italic h, then a smaller lowered subscript with an upright minus and digit', () => {
    const s = spans(mathLabel('h_{t-1}', { x: 0, y: 0, size: 20 }).html);
    expect(s[0]).toMatchObject({ text: 'h', italic: true, size: undefined });
    expect(s[1]).toMatchObject({ text: 't', italic: true });
    expect(s[1]!.size).toBeCloseTo(14.4);
    expect(s[1]!.dy).toBeGreaterThan(0); // down
    expect(s[2]).toMatchObject({ text: '\u22121', italic: false });
    expect(s.slice(2).every((x) => x.dy === undefined)).toBe(true); // stays on the subscript baseline
  });
  test('x^{(t)}: a raised superscript with upright parentheses', () => {
    const s = spans(mathLabel('x^{(t)}', { x: 0, y: 0 }).html);
    expect(s.map((x) => x.text)).toEqual(['x', '(', 't', ')']);
    expect(s[1]!.dy).toBeLessThan(0); // up
    expect(s[1]!.italic).toBe(false);
    expect(s[2]!.italic).toBe(true);
  });
  test('accents compose: \\hat{y} → ŷ, \\tilde{c} → c with combining tilde', () => {
    expect(spans(mathLabel('\\hat{y}', { x: 0, y: 0 }).html)[0]!.text).toBe('ŷ');
    expect(spans(mathLabel('\\tilde{c}_t', { x: 0, y: 0 }).html)[0]!.text).toBe('c\u0303');
  });
  test('Greek: lower-case italic, upper-case upright; function names upright', () => {
    const s = spans(mathLabel('\\alpha_{t,i} \\Omega \\sigma \\tanh', { x: 0, y: 0 }).html);
    expect(s.find((x) => x.text === 'α')!.italic).toBe(true);
    expect(s.find((x) => x.text.startsWith('Ω'))!.italic).toBe(false);
    expect(s.find((x) => x.text === 'σ')!.italic).toBe(true);
    expect(s.find((x) => x.text.includes('tanh'))!.italic).toBe(false);
  });
  test('operators: ⊙ ⊕ × · get spacing between operands; unary minus does not', () => {
    const s = spans(mathLabel('a \\odot b \\oplus c \\times d \\cdot e', { x: 0, y: 0 }).html);
    for (const op of ['⊙', '⊕', '×', '⋅']) {
      const i = s.findIndex((x) => x.text === op);
      expect(s[i]!.dx).toBeGreaterThan(0);
      expect(s[i + 1]!.dx).toBeGreaterThan(0);
    }
    const neg = spans(mathLabel('-x', { x: 0, y: 0 }).html);
    expect(neg.every((x) => x.dx === undefined)).toBe(true);
  });
  test('\\mathbf sets bold upright', () => {
    expect(spans(mathLabel('\\mathbf{W}', { x: 0, y: 0 }).html)[0]).toMatchObject({ text: 'W', bold: true, italic: false });
  });
  test('sub and superscript together are stacked (the subscript moves back under the superscript)', () => {
    const s = spans(mathLabel('h_t^2', { x: 0, y: 0 }).html);
    expect(s[1]!.dy).toBeLessThan(0);
    expect(s[2]!.dx).toBeLessThan(0);
    expect(s[2]!.dy).toBeGreaterThan(0);
  });
  test('unknown commands and unbalanced braces fall back to literal text', () => {
    expect(mathLabel('\\frobnicate', { x: 0, y: 0 }).html).toContain('\\frobnicate');
    expect(mathLabel('h_{t', { x: 0, y: 0 }).html).toContain('{');
    expect(mathLabel('a}', { x: 0, y: 0 }).html).toContain('}');
  });
  test('never throws and always produces one well-formed <text>', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'\\{}_^ahx1+-,()αd'.split(''), 'alpha', 'hat', 'mathbf', 'frac') }), (src) => {
        const html = mathLabel(src, { x: 1, y: 2 }).html;
        expect(html.startsWith('<text')).toBe(true);
        expect(html.endsWith('</text>') || (!html.includes('<tspan') && html.endsWith('/>'))).toBe(true);
        expect(html.match(/<tspan/g)?.length ?? 0).toBe(html.match(/<\/tspan>/g)?.length ?? 0);
      }),
      { numRuns: 300 },
    );
  });
  test('the markup escapes what the author typed', () => {
    expect(mathLabel('\\text{a<b & c}', { x: 0, y: 0 }).html).toContain('a&lt;b &amp; c');
  });
  test('anchor and vertical centring', () => {
    const b = labelBox('x', { x: 100, y: 50, size: 20, anchor: 'middle' });
    expect((b.x0 + b.x1) / 2).toBeCloseTo(100);
    expect((b.y0 + b.y1) / 2).toBeCloseTo(50);
    const s = labelBox('x', { x: 100, y: 50, size: 20, anchor: 'start' });
    expect(s.x0).toBe(100);
  });
});

describe('calligraphic letters', () => {
  test('\\mathcal{L} is a calligraphic L, in KaTeX_Caligraphic when served and the math font otherwise', () => {
    const html = mathLabel('\\mathcal{L}(\\theta)', { x: 0, y: 0 }).html;
    expect(html).toMatch(/<tspan class="hp-cal" font-family="hp-katex-cal, hp-katex-math, [^"]*">L<\/tspan>/);
    expect(themeCss('s')).toContain('#s .hp-cal{font-family:hp-katex-cal, var(--hp-font-math, hp-katex-math');
    // Measured in the calligraphic font too: KaTeX's L is wider than Times's.
    expect(measureLabel('\\mathcal{L}', 100).width).toBeGreaterThanOrEqual(69);
  });
});

describe('parseMath / layout', () => {
  test('structure of a script node', () => {
    expect(parseMath('x_t')).toEqual([
      { kind: 'scripts', base: { kind: 'sym', text: 'x', style: 'italic', role: 'ord' }, sub: { kind: 'sym', text: 't', style: 'italic', role: 'ord' } },
    ]);
  });
  test('nested scripts shrink further', () => {
    const runs = layoutMath(parseMath('e^{x_i}'));
    expect(runs.map((r) => r.scale)).toEqual([1, 0.72, 0.58]);
  });
});

describe('measurement', () => {
  test('wider strings measure wider; scripts add less than full-size letters', () => {
    expect(measureText('WWW', 10).width).toBeGreaterThan(measureText('iii', 10).width);
    const h = measureLabel('h', 20).width;
    expect(measureLabel('h_t', 20).width).toBeLessThan(measureLabel('ht', 20).width);
    expect(measureLabel('h_t', 20).width).toBeGreaterThan(h);
  });
  test('the widest fallback\'s advance for a known string (DejaVu Sans: "Unfold" ≈ 3.24 em; Arial 2.89)', () => {
    expect(measureText('Unfold', 100).width).toBeCloseTo(324, -1);
  });
});
