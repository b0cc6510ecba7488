import { describe, expect, it } from 'vitest';
import am from '../../shortcodes/attention-map.js';
import { opacityScale, MIN_OPACITY, MAX_OPACITY_WITH_TEXT } from '../../src/svg/heatmap-scale.js';
import { descOf, expectQualityBar, expectRasterises, render, titleOf } from '../helpers/cells-context.js';

const M = '0.82 0.10 0.05 0.03\n0.08 0.86 0.04 0.02\n0.05 0.15 0.74 0.06';
const P = { source: 'the cat sat .', target: 'le chat assis' };

function cellOpacities(html: string): number[] {
  return [...html.matchAll(/<rect class="hp-fill-output" fill="[^"]+" fill-opacity="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('attention-map', () => {
  it('meets the quality bar: plain rows, JSON, values, no tokens, long tokens', async () => {
    await expectQualityBar(am, P, M);
    await expectQualityBar(am, { ...P, values: true }, '[[0.82,0.10,0.05,0.03],[0.08,0.86,0.04,0.02],[0.05,0.15,0.74,0.06]]');
    await expectQualityBar(am, {}, M);
    await expectQualityBar(am, { source: 'internationalisation of trade .', target: 'a b c', legend: false }, M);
  });

  it('draws one cell per value with opacity following the value, and a legend', async () => {
    const { html } = await render(am, P, { inner: M });
    const op = cellOpacities(html);
    expect(op).toHaveLength(12);
    expect(op[5]).toBe(Math.max(...op)); // 0.86 is the largest
    expect(op[0]!).toBeGreaterThan(op[1]!);
    expect(html).toContain('<linearGradient');
    expect(html).toMatch(/\.hp-stop-output\{stop-color:var\(--hp-accent-output/);
    for (const t of ['the', 'cat', 'sat', 'le', 'chat', 'assis']) expect(html).toContain(`>${t}</text>`);
  });

  it('keeps a phone legible: the legend under a wide map, a sideways scroller for one too large even so', async () => {
    const EN = 'The agreement on the European Economic Area was signed in August 1992 .';
    const FR = "L' accord sur la zone économique européenne a été signé en août 1992 .";
    const grid = (r: number, c: number) => Array.from({ length: r }, () => Array(c).fill('0.1').join(' ')).join('\n');
    const width = (html: string) => Number(html.match(/viewBox="0 0 (\d+)/)![1]);
    // A small map: legend at the side (a vertical gradient), no scroller.
    const small = (await render(am, P, { inner: M })).html;
    expect(small).toMatch(/<linearGradient [^>]*x1="0" x2="0" y1="1" y2="0"/);
    expect(small).not.toContain('hp-scroll');
    // Bahdanau's 14 × 13: the legend under the map (horizontal), which brings it to a phone's width at 13 units.
    const big = (await render(am, { source: EN, target: FR }, { inner: grid(14, 13) })).html;
    expect(big).toMatch(/<linearGradient [^>]*x1="0" x2="1" y1="0" y2="0"/);
    expect(big).not.toContain('hp-scroll');
    expect(width(big) * (9 / 13)).toBeLessThanOrEqual(328);
    // 64 × 64 (the limit): a named, focusable scroller around a box of the legible width (x_64's
    // subscript, 0.72 × 14 units, at 7 px).
    const huge = (await render(am, {}, { inner: grid(64, 64) })).html;
    const m = huge.match(/<div class="hp-scroll" role="region" tabindex="0" aria-label="([^"]+)" style="overflow-x:auto;max-width:100%"><div style="min-width:(\d+)px"><svg /);
    expect(m, huge.slice(0, 300)).not.toBeNull();
    expect(m![1]).toBe('Attention map of 64 target by 64 source tokens');
    expect(Number(m![2])).toBe(Math.ceil(width(huge) * (7 / (14 * 0.72))));
  });

  it('sets every token in the readers\' own font when one has a letter the served font lacks', async () => {
    const plain = (await render(am, P, { inner: M })).html;
    expect(plain).not.toContain('class="hp-sys"');
    const fr = (await render(am, { source: 'the cat sat .', target: 'le chat était' }, { inner: M })).html;
    // All seven tokens, "the" as well as "était", and no tick label.
    expect([...fr.matchAll(/<text class="hp-sys" font-family="Arial, [^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).sort()).toEqual(
      ['.', 'cat', 'chat', 'le', 'sat', 'the', 'était'],
    );
    expect(fr).toMatch(/\.hp-sys\{font-family:var\(--hp-font-sans, Arial, /);
  });

  it('prints values when asked, and then keeps the strongest cell light enough for text', async () => {
    const { html } = await render(am, { ...P, values: true }, { inner: M });
    expect(html).toContain('>0.86</text>');
    expect(Math.max(...cellOpacities(html))).toBe(MAX_OPACITY_WITH_TEXT);
  });

  it('uses max= as the top of the scale', async () => {
    const { html } = await render(am, { ...P, max: 1 }, { inner: M });
    expect(Math.max(...cellOpacities(html))).toBeLessThan(0.9);
    expect(html).toContain('>1.00</text>');
  });

  it('labels the axes x_j and y_i when no tokens are given', async () => {
    const { html } = await render(am, {}, { inner: M });
    expect(html).toContain('font-style="italic">x</tspan>');
    expect(html).toContain('font-style="italic">y</tspan>');
  });

  it('turns long source tokens upright', async () => {
    const { html } = await render(am, { source: 'internationalisation of trade .' }, { inner: M });
    expect(html.match(/transform="rotate\(-90 /g)).toHaveLength(4);
    // Short ones stay horizontal (a 26-unit column holds "on" in the widest fallback font, not "the").
    expect((await render(am, { ...P, source: 'a an on .' }, { inner: M })).html).not.toContain('rotate(');
  });

  it('describes rows, columns and the strongest alignment in the desc', async () => {
    const { html } = await render(am, P, { inner: M });
    expect(descOf(html)).toContain('3 rows (target tokens "le", "chat", "assis") by 4 columns (source tokens "the", "cat", "sat", ".")');
    expect(descOf(html)).toContain('"le" → "the" (0.82); "chat" → "cat" (0.86); "assis" → "sat" (0.74)');
    expect(titleOf(html)).toBe('Attention map of 3 target by 4 source tokens');
  });

  it('reports bad input with row and column, and renders nothing', async () => {
    const r = await render(am, P, { inner: '0.5 0.5 0 0\n0.1 x 0.2 0.7\n0.2 0.3 -0.5 1' });
    expect(r.html).toBe('');
    expect(r.errors.map((e) => e.message)).toEqual([
      'row 2, column 2 is "x", which is not a number; write a number such as 0.25',
      'row 3, column 3 is -0.5; attention weights cannot be negative (use the softmax output, not the scores)',
    ]);
    const ragged = await render(am, P, { inner: '0.5 0.5 0 0\n0.1 0.2 0.7' });
    expect(ragged.errors[0]!.message).toBe('row 2 has 3 values but row 1 has 4; every row needs one value per source token');
  });

  it('reports a size that does not match the tokens at the parameter', async () => {
    const r = await render(am, { source: 'the cat sat', target: 'le chat' }, { inner: M });
    expect(r.html).toBe('');
    expect(r.errors).toEqual([
      expect.objectContaining({ param: 'target', message: expect.stringMatching(/^the matrix has 3 rows but target= has 2 tokens/) }),
      expect.objectContaining({ param: 'source', message: expect.stringMatching(/^the matrix has 4 columns but source= has 3 tokens/) }),
    ]);
  });

  it('warns about an all-zero matrix and rejects max=0', async () => {
    const z = await render(am, {}, { inner: '0 0\n0 0' });
    expect(z.errors).toEqual([]);
    expect(z.warnings[0]!.message).toMatch(/every value in the matrix is 0/);
    const m0 = await render(am, { max: 0 }, { inner: M });
    expect(m0.errors[0]).toMatchObject({ param: 'max' });
  });

  it('escapes tokens, including Go template braces', async () => {
    const { html, errors } = await render(am, { source: '<end> {{x}}', target: 'a&b' }, { inner: '0.5 0.5' });
    expect(errors).toEqual([]);
    expect(html).toContain('&lt;end&gt;');
    expect(html).toContain('a&amp;b');
    expect(html).not.toContain('{{');
  });

  it('requires inner content in its definition', () => {
    expect(am.inner).toBe('required');
  });

  it('maps values to opacity linearly and clamps', () => {
    const s = opacityScale(2, 0.5);
    expect(s(0)).toBe(MIN_OPACITY);
    expect(s(2)).toBe(0.5);
    expect(s(5)).toBe(0.5);
    expect(s(1)).toBeCloseTo((MIN_OPACITY + 0.5) / 2);
  });
});

describe('attention-map outside a browser', () => {
  it('rasterises with sharp', async () => {
    await expectRasterises((await render(am, { ...P, values: true }, { inner: M })).html);
  });
});
