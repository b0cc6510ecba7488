/**
 * KaTeX's markup with each formula as text once (src/render/katex-markup.ts): what themes' `plainify`
 * (strip the tags, keep every text node) makes of a formula, and that nothing of KaTeX's HTML rendering
 * is lost on the way into `data-c` attributes. tests/browser/katex-glyphs.test.ts shows that Chromium
 * draws the result exactly as KaTeX's own markup.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMathRenderer } from '../../src/render/katex.js';
import { GLYPH_CSS, oneTextCopy } from '../../src/render/katex-markup.js';

/** What Hugo's plainify keeps: the text between tags, entities decoded. */
const plainify = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

const FORMULAS: [string, boolean][] = [
  ['h_t = \\tanh(W h_{t-1} + x_t)', false],
  ['\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1 - h_t^2)\\, W', true],
  ['\\sqrt{x} \\xrightarrow{f} \\hat{x} \\text{ a b }', false],
  ['\\begin{aligned} a &= b + c \\\\ d &< e \\end{aligned} \\tag{1}', true],
  ['\\overbrace{a+b}^{n} \\cancel{x} \\boxed{y} \\mathbb{R}', false],
  ['\\ce{H2O} \\quad \\$5 \\& \\{x\\}', false],
];

describe('oneTextCopy', () => {
  for (const [tex, display] of FORMULAS) {
    it(`${tex}: plain text is the MathML's text, once; the TeX is in alttext; no glyph is lost`, () => {
      const theirs = katex.renderToString(tex, { displayMode: display, output: 'htmlAndMathml' });
      const ours = createMathRenderer().render(tex, display).html;
      const mathml = (h: string) => /<math[^>]*>(.*?)<\/math>/.exec(h)![1]!;
      // The MathML's own text, without the annotation KaTeX puts in it.
      const mathmlText = plainify(mathml(theirs).replace(/<annotation[^>]*>.*?<\/annotation>/, ''));
      expect(plainify(ours)).toBe(mathmlText);
      expect(ours).not.toContain('<annotation');
      const alt = /<math[^>]*\salttext="([^"]*)"/.exec(ours)![1]!;
      expect(plainify(alt)).toBe(tex);
      // The glyphs, in order: KaTeX's HTML rendering's text is exactly the data-c values.
      const htmlPart = (h: string) => h.slice(h.indexOf('<span class="katex-html"'));
      const glyphs = [...htmlPart(ours).matchAll(/\sdata-c="([^"]*)"/g)].map((m) => m[1]).join('');
      expect(glyphs).toBe(htmlPart(theirs).replace(/<[^>]*>/g, ''));
      // Elements whose ::before KaTeX's stylesheet uses keep it: their text sits in a child span.
      expect(ours).not.toMatch(/class="[^"]*\b(stretchy|eqn-num)\b[^"]*"[^>]*data-c=/);
    });
  }

  it('leaves text outside KaTeX elements and non-KaTeX markup alone', () => {
    const html = '<p>a &amp; b <span class="x">c</span></p>';
    expect(oneTextCopy(html)).toBe(html);
  });

  it("draws data-c only inside KaTeX's HTML rendering", () => {
    expect(GLYPH_CSS).toContain('.katex .katex-html [data-c]::before{content:attr(data-c)}');
  });
});

describe('oneTextCopy, the TeX to alttext step', () => {
  // The regular expression that step used to be, as the reference: the scan must find the same matches.
  const reference = (html: string) =>
    html.replace(
      /<math([^>]*)><semantics>((?:(?!<\/math>)[^])*?)<annotation encoding="application\/x-tex">([^<]*)<\/annotation><\/semantics><\/math>/g,
      (_, attrs: string, inner: string, tex: string) => `<math${attrs} alttext="${tex}">${inner}</math>`,
    );
  // Math elements as KaTeX writes them, each part sometimes missing or spoilt, with text between them.
  const pick = (...xs: string[]) => fc.constantFrom(...xs);
  const element = fc
    .tuple(
      pick('<math>', '<math xmlns="http://www.w3.org/1998/Math/MathML">', '<math display="block">', '<math', '<mathml>', ''),
      pick('<semantics>', '', '<semantic>'),
      fc.array(pick('<mrow><mi>x</mi></mrow>', '<mo>&lt;</mo>', '</math>', 'a', '<', '>'), { maxLength: 3 }).map((a) => a.join('')),
      pick('<annotation encoding="application/x-tex">', '<annotation>', ''),
      pick('x_1', '\\frac{a}{b}', '', 'a<b', '&lt;'),
      pick('</annotation></semantics></math>', '</annotation></semantics>', '</semantics></math>', '</annotation></semantics></math></math>'),
    )
    .map((parts) => parts.join(''));
  const markup = fc.array(fc.oneof(element, pick(' and ', '<span>', '</span>', '<math', '')), { maxLength: 6 }).map((a) => a.join(''));
  it('makes what the regular expression made, on random markup', () => {
    let matched = 0;
    fc.assert(
      fc.property(markup, (html) => {
        // No katex-html span in these: oneTextCopy is the alttext step alone.
        const want = reference(html);
        if (want !== html) matched++;
        expect(oneTextCopy(html)).toBe(want);
      }),
      { numRuns: 3000, seed: 9 },
    );
    // The comparison saw matches, not only markup the expression leaves alone.
    expect(matched).toBeGreaterThan(50);
  });
  it('moves the TeX of real KaTeX output, several formulas in one string', () => {
    const one = (tex: string) => katex.renderToString(tex, { output: 'mathml' });
    const html = `${one('x^2')} and ${one('\\frac{a}{b} < c')}`;
    expect(html.match(/<annotation/g)).toHaveLength(2);
    expect(oneTextCopy(html)).toBe(reference(html));
    expect(oneTextCopy(html)).not.toContain('<annotation');
  });
});
