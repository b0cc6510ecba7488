/** The feed variant's span matching (src/render/feed.ts): spanEnd against the regular expression it stands for. */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spanEnd, withFeedVariant, FEED_SPLIT } from '../../src/render/feed.js';

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
