import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownToPlainText, plainInlineFastPath, renderInlineMarkdown, smarten } from '../../src/render/markdown.js';
import { createMathRenderer } from '../../src/render/katex.js';

/** A math callback that shows what it was given. */
const tag = (tex: string, display: boolean) => `<m${display ? ' display' : ''}>${tex}</m>`;

describe('renderInlineMarkdown', () => {
  const cases: [string, string][] = [
    ['A **bold** caption & more', 'A <strong>bold</strong> caption &amp; more'],
    ['Attr *x*', 'Attr <em>x</em>'],
    [
      'Unrolling ([*Deep Learning textbook*. Goodfellow *et al.*, 2016](https://www.deeplearningbook.org/)).',
      'Unrolling (<a href="https://www.deeplearningbook.org/"><em>Deep Learning textbook</em>. Goodfellow <em>et al.</em>, 2016</a>).',
    ],
    ['The state $h_{t-1}$ and $x^*$', 'The state <m>h_{t-1}</m> and <m>x^*</m>'],
    ['inline \\(\\sigma\\) and display $$\\sum$$', 'inline <m>\\sigma</m> and display <m display>\\sum</m>'],
    ['`$not math$` and ~~gone~~', '<code>$not math$</code> and <del>gone</del>'],
    ['costs $5 and $10', 'costs $5 and $10'],
    ['{{ .Title }} and {{< x >}}', '{{ .Title }} and {{&lt; x >}}'],
    ['&copy; 2016 \\*not emphasis\\*', '© 2016 *not emphasis*'],
  ];
  for (const [md, html] of cases) {
    it(JSON.stringify(md), () => expect(renderInlineMarkdown(md, tag)).toBe(html));
  }

  it('keeps paragraphs when there are several', () => {
    expect(renderInlineMarkdown('one\n\ntwo', tag)).toBe('<p>one</p>\n<p>two</p>');
  });

  it('omits raw HTML by default, like Hugo', () => {
    expect(renderInlineMarkdown('H<sub>2</sub>O <script>x()</script>', tag)).toBe(
      'H<!-- raw HTML omitted -->2<!-- raw HTML omitted -->O <!-- raw HTML omitted -->x()<!-- raw HTML omitted -->',
    );
  });

  it('keeps raw HTML when the site sets unsafe = true', () => {
    expect(renderInlineMarkdown('H<sub>2</sub>O', tag, { unsafe: true })).toBe('H<sub>2</sub>O');
  });

  it('applies the typographer outside code and math only', () => {
    expect(renderInlineMarkdown(`"Quoted" it's -- a --- b... 'x' \`"c"--\` $f'(x)--$`, tag)).toBe(
      `“Quoted” it’s – a — b… ‘x’ <code>"c"--</code> <m>f'(x)--</m>`,
    );
  });

  it('curls quotes across emphasis and math boundaries', () => {
    expect(renderInlineMarkdown('"*emphasised*" and "$x$"', tag)).toBe('“<em>emphasised</em>” and “<m>x</m>”');
  });

  it('typesets through KaTeX for real', () => {
    const katex = createMathRenderer();
    const html = renderInlineMarkdown('Plot of $h_t$', (t, d) => katex.render(t, d).html);
    expect(html).toMatch(/^Plot of <span class="katex">/);
    expect(html).toContain('alttext="h_t"');
  });

  it('honours configured delimiters', () => {
    const math = { delimiters: { inline: [['\\(', '\\)']] as [string, string][], block: [] }, escapes: 'none' as const };
    expect(renderInlineMarkdown('$x$ and \\(y\\)', tag, { math })).toBe('$x$ and <m>y</m>');
    // By default $…$ is math too, as the site's MathJax or KaTeX takes it in the browser.
    expect(renderInlineMarkdown('$x$ and \\(y\\)', tag, { math: { ...math, escapes: 'auto' } })).toBe('<m>x</m> and <m>y</m>');
  });
});

describe('markdownToPlainText', () => {
  const cases: [string, string][] = [
    ['A **bold** caption & more', 'A bold caption & more'],
    ['See [the *book*](https://e.com) and `code`', 'See the book and code'],
    ['The state $h_{t-1}$ and \\(x\\)', 'The state h_{t-1} and x'],
    ['&copy; &amp; &#x41; \\*', '© & A *'],
    ['"Quoted" -- it\'s...', '“Quoted” – it’s…'],
    ['raw <b>html</b>', 'raw html'],
    ['![a diagram](x.png) caption', 'a diagram caption'],
    ['line one\nline two\n\npara', 'line one line two para'],
  ];
  for (const [md, text] of cases) {
    it(JSON.stringify(md), () => expect(markdownToPlainText(md)).toBe(text));
  }
});

describe('smarten', () => {
  const cases: [string, string][] = [
    [`"a"`, '“a”'],
    [`'a'`, '‘a’'],
    [`don't`, 'don’t'],
    [`the '90s`, 'the ’90s'],
    [`he said, "no."`, 'he said, “no.”'],
    [`a -- b --- c ... d`, 'a – b — c … d'],
    [`<<a>>`, '«a»'],
    [`5' 10"`, '5’ 10”'],
  ];
  for (const [input, out] of cases) it(JSON.stringify(input), () => expect(smarten(input)).toBe(out));
});

describe('captions, titles and entries of plain words, without a parse', () => {
  const slow = <T>(f: () => T): T => {
    plainInlineFastPath.enabled = false;
    try {
      return f();
    } finally {
      plainInlineFastPath.enabled = true;
    }
  };
  // What the fast path takes (letters, marks, digits, spaces, ,;:?!()-) next to what it must leave to the
  // parse: Markdown, GFM and typographer syntax, list and heading markers a document can start with,
  // entities, line breaks, autolinks and the math delimiters (the site's own below).
  const good = ['a', 'Z', 'é', 'ß', '9', '²', 'ä', 'ü', '中', ' ', ',', ';', ':', '?', '!', '(', ')', '-', 'Ab', '12'];
  const pieces = [...good, '  ', '--', '---', '.', '...', "'", '"', '*', '_', '`', '[', ']', '<', '>', '<<', '&', '&amp;', '\\', '$', '~', '~~', '#', '# ', '@', 'www.', 'http://x.y', '\t', '\n', '\n\n', '1)', '1) ', '1. ', '- ', '+ ', '> ', '|', '=', '{', '}', 'a(', '    '];
  const text = fc
    .tuple(fc.array(fc.constantFrom(...good), { maxLength: 24 }), fc.option(fc.constantFrom(...pieces)), fc.nat())
    .map(([a, extra, at]) => (extra === null ? a : [...a.slice(0, at % (a.length + 1)), extra, ...a.slice(at % (a.length + 1))]).join(''));
  const passthrough = { delimiters: { inline: [['$', '$'], ['a(', ')']] as [string, string][], block: [] as [string, string][] } };

  it('gives what the parse gives, as HTML and as plain text, on random texts', () => {
    fc.assert(
      fc.property(text, (md) => {
        for (const opts of [{}, { unsafe: true }, { links: false }, { math: passthrough }]) {
          expect(renderInlineMarkdown(md, tag, opts)).toBe(slow(() => renderInlineMarkdown(md, tag, opts)));
          expect(markdownToPlainText(md, opts)).toBe(slow(() => markdownToPlainText(md, opts)));
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('takes plain captions and leaves the rest to the parse', () => {
    expect(renderInlineMarkdown('The LSTM cell, unrolled (three steps)', tag)).toBe('The LSTM cell, unrolled (three steps)');
    expect(renderInlineMarkdown('1) first', tag)).toBe(slow(() => renderInlineMarkdown('1) first', tag)));
    expect(renderInlineMarkdown('1) first', tag)).toContain('<ol>');
    expect(renderInlineMarkdown('before -- after', tag)).toBe('before – after');
    expect(markdownToPlainText('two  spaces', {})).toBe('two spaces');
  });
});
