/** A formula as readable plain text for headings (src/render/math-text.ts). */
import { describe, expect, it } from 'vitest';
import { createMathRenderer } from '../../src/render/katex.js';
import { markdownSafeHtml, markdownText, mathText } from '../../src/render/math-text.js';

const r = createMathRenderer();
const t = (tex: string) => mathText(r.render(tex, false).html);

describe('mathText', () => {
  it.each([
    ['\\tanh', 'tanh'],
    ['h_t', 'hₜ'],
    ['h_{t-1}', 'hₜ₋₁'],
    ['x^2 + y^{n}', 'x² + yⁿ'],
    ["f'(x)", 'f′(x)'],
    ['W_{hh}^\\top', 'Wₕₕ^⊤'],
    ['x_{\\text{max}}', 'xₘₐₓ'],
    ['x_{\\text{big}}', 'x_big'],
    ['h_t = \\tanh(W h_{t-1} + x_t)', 'hₜ = tanh(Whₜ₋₁ + xₜ)'],
    ['\\tanh z', 'tanh z'],
    ['\\frac{a}{b+1}', 'a/(b + 1)'],
    ['\\sqrt{x+1}', '√(x + 1)'],
    ['\\hat{y}', 'ŷ'],
    ['\\sum_{i=1}^{n} x_i', '∑ᵢ₌₁ⁿ xᵢ'],
    ['-x', '−x'],
    ['\\int_0^1 f', '∫₀¹ f'],
    ['a \\in \\mathbb{R}^{d}', 'a ∈ R^d'],
  ])('%s → %s', (tex, text) => {
    expect(t(tex)).toBe(text);
  });

  it('is null without MathML', () => {
    expect(mathText('<span>x</span>')).toBeNull();
  });
});

describe('markdownText and markdownSafeHtml', () => {
  it('write every ASCII punctuation character as a character reference: no Markdown, no {{', () => {
    expect(markdownText('a_b *c* [d](e) \\(f\\) {{g}} $h$')).toBe(
      'a&#95;b &#42;c&#42; &#91;d&#93;&#40;e&#41; &#92;&#40;f&#92;&#41; &#123;&#123;g&#125;&#125; &#36;h&#36;',
    );
  });

  it('escape the text between tags, never the tags', () => {
    expect(markdownSafeHtml('<math alttext="a_b"><mi>a</mi><mo>&lt;</mo><mi>*</mi></math>')).toBe(
      '<math alttext="a_b"><mi>a</mi><mo>&#60;</mo><mi>&#42;</mi></math>',
    );
  });
});
