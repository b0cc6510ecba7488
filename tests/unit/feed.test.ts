/** The feed variant's span matching (src/render/feed.ts): spanEnd against the regular expression it stands for. */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spanEnd, splitFeed, withFeedVariant, FEED_SPLIT } from '../../src/render/feed.js';
import { inlineFragment } from '../../src/render/inline-safe.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { fixtureFormulas } from '../helpers/formulas.js';

/** spanEnd as first written: the tags of a regular expression, counted. */
function reference(html: string, start: number): number {
  const tag = /<span\b[^>]*>|<\/span>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0] === '</span>' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

describe('spanEnd', () => {
  it("finds the end of KaTeX's outermost span, inline and display", () => {
    for (const displayMode of [false, true]) {
      const html = katex.renderToString('\\frac{\\partial L}{\\partial h_t} = \\sum_{k} W^{k}', { displayMode, output: 'htmlAndMathml' });
      expect(spanEnd(html + ' after', 0)).toBe(html.length);
      expect(spanEnd(`x ${html}`, 2)).toBe(html.length + 2);
    }
  });

  it('is the regular expression it replaces, on any mix of tags and text', () => {
    const piece = fc.constantFrom(
      '<span>',
      '<span class="a">',
      '<span class="b>c">',
      '</span>',
      '<spanx>',
      '<span_1>',
      '<span',
      '<span-x>',
      '</span',
      '</spanx>',
      '<',
      '>',
      'a',
      ' ',
      '<b>',
      '</b>',
      '<span\n>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(20), (parts, at) => {
        const html = parts.join('');
        const start = Math.min(at, html.length);
        expect(spanEnd(html, start)).toBe(reference(html, start));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('withFeedVariant', () => {
  it('keeps only the MathML of a formula, with its TeX as alttext', () => {
    const html = katex.renderToString('x < y', { output: 'htmlAndMathml' });
    const [page, feed] = withFeedVariant(`a ${html} b`).split(FEED_SPLIT);
    expect(page).toBe(`a ${html} b`);
    expect(feed).toMatch(/^a <math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML" alttext="x &lt; y">.*<\/math> b$/);
    expect(feed).not.toContain('katex-html');
  });
});

describe("a formula's page form", () => {
  // src/prerender-page.ts makes the travelling form of a formula (with its feed variant) only when a feed
  // shows the page's math; otherwise the shadow gets the markup made inline-safe on its own, which must be
  // what the page part of the travelling form is.
  it('is the page part of its travelling form, for every fixture formula, inline and display', () => {
    const renderer = createMathRenderer({ errors: 'render' });
    const formulas = fixtureFormulas();
    expect(formulas.length).toBeGreaterThan(300);
    let withFeed = 0;
    for (const tex of [...formulas, '{{a}} + b', 'a\n- b', '\\text{x{{y}}z}']) {
      for (const display of [false, true]) {
        const html = renderer.render(tex, display).html;
        const travelling = inlineFragment(withFeedVariant(html));
        if (travelling.includes(FEED_SPLIT)) withFeed++;
        expect(inlineFragment(html), tex).toBe(splitFeed(travelling).page);
      }
    }
    expect(withFeed).toBeGreaterThan(formulas.length);
  });
});
