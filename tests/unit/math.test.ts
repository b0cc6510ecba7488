import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { applyMask, locateMath, maskChars, texOffsetToSource, type MathOptions, type Range } from '../../src/content/math.js';
import { removeMarkdownEscapes } from '../../src/content/math-escapes.js';

/** Locates math in a body-only source and checks that every span's offsets cut exactly its text. */
function locate(source: string, opts: { masked?: Range[]; math?: MathOptions; bodyOffset?: number } = {}) {
  const r = locateMath(source, { bodyOffset: opts.bodyOffset ?? 0, masked: opts.masked ?? [], math: opts.math, file: 'post.md' });
  for (const s of r.spans) {
    const raw = source.slice(s.start, s.end);
    expect(raw.startsWith(s.delimiter)).toBe(true);
  }
  return r;
}

/** [written text of each span (delimiters included), tex, display]. */
function found(source: string, math?: MathOptions): [string, string, boolean][] {
  return locate(source, { math }).spans.map((s) => [source.slice(s.start, s.end), s.tex, s.display]);
}

describe('locateMath: what is math', () => {
  const cases: { name: string; md: string; expect: [string, string, boolean][] }[] = [
    { name: 'inline dollars', md: 'At step $t$ the state $h_t$.', expect: [['$t$', 't', false], ['$h_t$', 'h_t', false]] },
    { name: 'display dollars on their own lines', md: 'a\n\n$$\nh_t = f(h_{t-1})\n$$\n', expect: [['$$\nh_t = f(h_{t-1})\n$$', '\nh_t = f(h_{t-1})\n', true]] },
    { name: '$$ inside a line is display', md: 'so $$a+b$$ holds', expect: [['$$a+b$$', 'a+b', true]] },
    { name: '\\( \\) inline', md: 'This \\(\\sigma(z)\\) is inline.', expect: [['\\(\\sigma(z)\\)', '\\sigma(z)', false]] },
    { name: '\\[ \\] display', md: '\\[ a = b \\]', expect: [['\\[ a = b \\]', ' a = b ', true]] },
    { name: 'code span', md: '`$x$` and `\\(y` and `$$`', expect: [] },
    // blogdown's convention (its math-code.js): a page with a code span holding exactly \(…\) writes math so.
    { name: 'blogdown code-span math', md: '`$x$` and `\\(y\\)` and `f(x)`', expect: [['`$x$`', 'x', false], ['`\\(y\\)`', 'y', false]] },
    { name: 'code span after math', md: '$a$ `$b$`', expect: [['$a$', 'a', false]] },
    { name: 'fenced code', md: '```\n$x$ $$y$$\n```\n', expect: [] },
    { name: 'tilde fence', md: '~~~tex\n\\[x\\]\n~~~\n', expect: [] },
    { name: 'indented code', md: 'para\n\n    $x$\n', expect: [] },
    { name: 'inline HTML attribute', md: '<span title="$a$">x</span> <img alt="$b$">', expect: [] },
    { name: 'HTML block', md: '<div>\n$x$\n</div>\n', expect: [] },
    { name: 'HTML comment', md: '<!-- $x$ -->', expect: [] },
    { name: 'autolink', md: '<https://example.com/$a$>', expect: [] },
    { name: 'link destination is not math, link text is', md: '[$\\TeX$ docs](https://e.com/$x$)', expect: [['$\\TeX$', '\\TeX', false]] },
    { name: 'escaped dollar', md: 'costs \\$5, $x$', expect: [['$x$', 'x', false]] },
    { name: 'escaped dollar inside math', md: '$\\$5 + x$', expect: [['$\\$5 + x$', '\\$5 + x', false]] },
    { name: 'currency', md: 'It costs $5 and $10.', expect: [] },
    { name: 'currency then math, escaped price', md: 'From \\$5 to \\$10, and $x$.', expect: [['$x$', 'x', false]] },
    // An unescaped price before a formula is the author's bug either way (the fix is `\$5`); a closer is
    // never followed by a digit.
    { name: 'currency then math, unescaped price', md: 'From $5 to $10, and $x$.', expect: [['$x$', 'x', false]] },
    { name: 'a price opener closed as math would be is math', md: 'so $2x$ and $3$.', expect: [['$2x$', '2x', false], ['$3$', '3', false]] },
    { name: 'opener followed by space', md: '$ x$', expect: [] },
    // MathJax's rule, which such posts were written for: `$\varepsilon $ with … $\varepsilon$` is two formulas.
    { name: 'closer preceded by space', md: '$x $ and $y$', expect: [['$x $', 'x ', false], ['$y$', 'y', false]] },
    { name: 'closer followed by digit', md: '$x$1 and $y$', expect: [['$x$', 'x', false], ['$y$', 'y', false]] },
    { name: 'empty pairs are not math', md: '$$ $$ and \\(\\)', expect: [] },
    { name: 'emphasis around math', md: '*see $a_b$* and **$c^*$**', expect: [['$a_b$', 'a_b', false], ['$c^*$', 'c^*', false]] },
    { name: 'underscores across formulas stay math', md: '$\\tilde{h}_{t-1}$ and $\\hat{c}_{t}$', expect: [['$\\tilde{h}_{t-1}$', '\\tilde{h}_{t-1}', false], ['$\\hat{c}_{t}$', '\\hat{c}_{t}', false]] },
    { name: 'HTML-looking TeX inside math', md: '$a<b>c$', expect: [['$a<b>c$', 'a<b>c', false]] },
    { name: 'backslash escapes inside math are TeX', md: '$\\{x\\}\\,a\\\\b$', expect: [['$\\{x\\}\\,a\\\\b$', '\\{x\\}\\,a\\\\b', false]] },
    { name: 'list item', md: '- first $x$\n- second $$y$$\n', expect: [['$x$', 'x', false], ['$$y$$', 'y', true]] },
    { name: 'blockquote', md: '> quote $q$\n', expect: [['$q$', 'q', false]] },
    { name: 'table cell', md: '| a | b |\n|---|---|\n| $x_1$ | \\(y\\) |\n', expect: [['$x_1$', 'x_1', false], ['\\(y\\)', 'y', false]] },
    { name: 'footnote', md: 'Text[^n].\n\n[^n]: where $n$ is large.\n', expect: [['$n$', 'n', false]] },
    { name: 'heading', md: '## The $\\tanh$ unit\n', expect: [['$\\tanh$', '\\tanh', false]] },
    { name: 'inline math across a line break', md: 'a $x +\ny$ b', expect: [['$x +\ny$', 'x +\ny', false]] },
    { name: 'display block with blank lines and list-like lines', md: '$$\na\n\n- b\n+ c\n> d\n$$\n', expect: [['$$\na\n\n- b\n+ c\n> d\n$$', '\na\n\n- b\n+ c\n> d\n', true]] },
    { name: 'display block in a blockquote drops the prefixes from tex', md: '> $$\n> a \\\\\n> b\n> $$\n', expect: [['$$\n> a \\\\\n> b\n> $$', '\na \\\\\nb\n', true]] },
    { name: 'display block in a list item', md: '1. step\n\n   \\[\n   x = 1\n   \\]\n', expect: [['\\[\n   x = 1\n   \\]', '\nx = 1\n', true]] },
    { name: 'display closed with text after stays in the paragraph', md: '$$\nx\n$$ where x is real', expect: [['$$\nx\n$$', '\nx\n', true]] },
    { name: 'dollar runs match exactly', md: '$$$x$$$', expect: [] },
    { name: '\\\\( written for Markdown-then-MathJax', md: '\\\\(x\\_1\\\\)', expect: [['\\\\(x\\_1\\\\)', 'x_1', false]] },
    { name: 'environments outside delimiters', md: 'a\n\n\\begin{align*}\na &= b\n\\end{align*}\n\nand \\begin{equation}x\\end{equation}.', expect: [['\\begin{align*}\na &= b\n\\end{align*}', '\\begin{align*}\na &= b\n\\end{align*}', true], ['\\begin{equation}x\\end{equation}', '\\begin{equation}x\\end{equation}', true]] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(found(c.md)).toEqual(c.expect);
    });
  }
});

describe('locateMath: positions', () => {
  it('gives exact offsets, lines and code-point columns', () => {
    const src = '+++\ntitle = "x"\n+++\n\nÉté 😀 $a$ and\n\\[b\\]\n';
    const bodyOffset = src.indexOf('\n\n') + 1;
    const r = locate(src, { bodyOffset });
    expect(r.spans.map((s) => [src.slice(s.start, s.end), s.line, s.column, s.delimiter])).toEqual([
      ['$a$', 5, 7, '$'],
      ['\\[b\\]', 6, 1, '\\['],
    ]);
  });

  it('never finds math in front matter', () => {
    const src = '---\ntitle: "$x$"\n---\n$y$\n';
    const r = locate(src, { bodyOffset: src.indexOf('$y$') });
    expect(r.spans.map((s) => s.tex)).toEqual(['y']);
  });

  it('handles CRLF line endings', () => {
    const src = 'a $x$\r\n\r\n$$\r\ny \\\\\r\nz\r\n$$\r\n';
    const r = locate(src);
    expect(r.spans.map((s) => [src.slice(s.start, s.end), s.tex, s.line, s.column])).toEqual([
      ['$x$', 'x', 1, 3],
      ['$$\r\ny \\\\\r\nz\r\n$$', '\ny \\\\\nz\n', 3, 1],
    ]);
  });

  it('returns spans sorted and non-overlapping', () => {
    const src = '$a$ $$b$$\n\n- $c$\n  > $d$\n\n| $e$ |\n|---|\n| $f$ |\n\n[^x]: $g$\n';
    const r = locate(src);
    expect(r.spans.map((s) => s.tex)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    for (let i = 1; i < r.spans.length; i++) expect(r.spans[i]!.start).toBeGreaterThanOrEqual(r.spans[i - 1]!.end);
  });
});

describe('locateMath: masked ranges', () => {
  it('ignores math inside masked ranges and keeps offsets', () => {
    const src = 'Before $a$.\n\n{{< figure caption="$b$" >}}\n\n{{< highlight tex >}}\n$c$\n{{< /highlight >}}\nAfter $d$.\n';
    const fig = src.indexOf('{{< figure');
    const hl = src.indexOf('{{< highlight');
    const hlEnd = src.indexOf('{{< /highlight >}}') + '{{< /highlight >}}'.length;
    const r = locate(src, {
      masked: [
        { start: fig, end: src.indexOf('>}}', fig) + 3 },
        { start: hl, end: hlEnd },
      ],
    });
    expect(r.spans.map((s) => src.slice(s.start, s.end))).toEqual(['$a$', '$d$']);
  });

  it('a masked shortcode alone on a line keeps the next line a paragraph continuation', () => {
    // In Hugo the placeholder is text, so `    $x$` below it is a lazy paragraph line, not indented code.
    const src = '{{< ref >}}\n    $x$\n';
    const r = locate(src, { masked: [{ start: 0, end: 11 }] });
    expect(r.spans.map((s) => s.tex)).toEqual(['x']);
  });

  it('drops math that contains a masked shortcode, with a warning', () => {
    const src = 'Here $a {{< sc >}} b$ ends.';
    const s = src.indexOf('{{<');
    const r = locate(src, { masked: [{ start: s, end: src.indexOf('>}}') + 3 }] });
    expect(r.spans).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', code: 'math-shortcode', line: 1, column: 6, file: 'post.md' }]);
  });
});

describe('locateMath: configured passthrough delimiters', () => {
  const hextra: MathOptions = { delimiters: { block: [['\\[', '\\]'], ['$$', '$$']], inline: [['\\(', '\\)']] } };

  it('uses those and only those delimiters with escapes = "none"', () => {
    expect(found('$x$ and \\(y\\) and $$z$$', { ...hextra, escapes: 'none' })).toEqual([
      ['\\(y\\)', 'y', false],
      ['$$z$$', 'z', true],
    ]);
  });

  it('by default also takes $…$ (with the currency rule), which the site’s MathJax or KaTeX takes in the browser', () => {
    expect(found('$x$ and \\(y\\) and $$z$$, $5 and $10', hextra)).toEqual([
      ['$x$', 'x', false],
      ['\\(y\\)', 'y', false],
      ['$$z$$', 'z', true],
    ]);
  });

  it('applies no currency rule to a configured $', () => {
    const opts: MathOptions = { delimiters: { inline: [['$', '$']], block: [] } };
    expect(found('$5 and $10', opts)).toEqual([['$5 and $', '5 and ', false]]);
  });

  it('accepts custom strings', () => {
    const opts: MathOptions = { delimiters: { inline: [['@@', '@@']], block: [['\\begin{equation}', '\\end{equation}']] }, escapes: 'none' };
    expect(found('a @@x_1@@ b\n\n\\begin{equation}\ny\n\\end{equation}\n', opts)).toEqual([
      ['@@x_1@@', 'x_1', false],
      ['\\begin{equation}\ny\n\\end{equation}', '\\begin{equation}\ny\n\\end{equation}', true],
    ]);
  });
});

describe('locateMath: escapes = "markdown"', () => {
  const md: MathOptions = { escapes: 'markdown' };

  it('recognises \\\\( and \\\\[ and removes Markdown escapes', () => {
    const src = 'ox-hugo: \\\\( x\\_1 + y\\_{t} \\\\) and\n\n\\\\[ a \\\\\\\\ \\\\{b\\\\} \\*c \\\\]\n';
    expect(found(src, md)).toEqual([
      ['\\\\( x\\_1 + y\\_{t} \\\\)', ' x_1 + y_{t} ', false],
      ['\\\\[ a \\\\\\\\ \\\\{b\\\\} \\*c \\\\]', ' a \\\\ \\{b\\} *c ', true],
    ]);
  });

  it('renders the LoveIt documentation excerpt as its authors meant', () => {
    const src = readFileSync(new URL('../../fixtures/math/loveit-escapes.md', import.meta.url), 'utf8');
    const bodyOffset = src.indexOf('\n---\n', 4) + 5;
    const r = locate(src, { bodyOffset, math: md });
    expect(r.spans.slice(0, 4).map((s) => [s.tex.trim(), s.display, s.line])).toEqual([
      ['c = \\pm\\sqrt{a^2 + b^2}', false, 20],
      ['f(x)=\\int_{-\\infty}^{\\infty} \\hat{f}(\\xi) e^{2 \\pi i \\xi x} d \\xi', false, 20],
      ['c = \\pm\\sqrt{a^2 + b^2}', true, 22],
      ['f(x)=\\int_{-\\infty}^{\\infty} \\hat{f}(\\xi) e^{2 \\pi i \\xi x} d \\xi', true, 24],
    ]);
    // Bare environments are display math, as LoveIt's KaTeX auto-render (and MathJax) take them.
    expect(r.spans.slice(4).map((s) => [s.tex.split('\n')[0], s.display, s.line])).toEqual([
      ['\\begin{equation*}', true, 26],
      ['\\begin{equation}', true, 30],
      ['\\begin{align}', true, 34],
    ]);
    expect(r.spans[6]!.tex).toContain('a&=b+c \\\\\n');
    // The example inside the code fence is never math.
    expect(r.spans.every((s) => s.line !== 15)).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('is recognised with no setting: the same page typesets as its authors meant', () => {
    const src = 'A \\\\(x\\\\) and \\\\(y\\\\), $a\\_1$ and $b\\_2$.\n';
    expect(found(src).map(([, tex]) => tex)).toEqual(['x', 'y', 'a_1', 'b_2']);
    expect(locate(src).diagnostics).toEqual([]);
    // A site that says its TeX is written as is keeps it.
    expect(found(src, { escapes: 'none' }).map(([, tex]) => tex)).toEqual(['a\\_1', 'b\\_2']);
  });

  it('per page: an escaped page has its $…$ unescaped, a page of ordinary TeX keeps \\_ and \\,', () => {
    expect(found('$x\\_1$ and \\\\(y\\\\)').map(([, tex]) => tex)).toEqual(['x_1', 'y']);
    expect(found('$\\text{a\\_b}\\,c$').map(([, tex]) => tex)).toEqual(['\\text{a\\_b}\\,c']);
  });

  it('no warning for a page with ordinary TeX', () => {
    const r = locate('$h_t = \\tanh(W h_{t-1})$ and $$a \\\\ b$$');
    expect(r.diagnostics).toEqual([]);
  });
});

describe('locateMath: diagnostics', () => {
  it('warns about an unclosed display opener and keeps the rest of the page', () => {
    const src = 'Intro\n\n$$\nx = 1\n\n- item $y$\n';
    const r = locate(src);
    expect(r.spans.map((s) => s.tex)).toEqual(['y']);
    expect(r.diagnostics).toMatchObject([{ code: 'math-unclosed', line: 3, column: 1, severity: 'warning' }]);
  });
});

describe('locateMath: TeX left as text is never silent', () => {
  const warned = (src: string) => locate(src).diagnostics.map((d) => [d.code, d.column, d.message.split(' ').slice(0, 3).join(' ')]);
  it('warns at an unclosed \\( or \\\\[, an environment KaTeX cannot take, a $…$ pair left raw', () => {
    expect(warned('A \\(x and more.')).toEqual([['math-unclosed', 3, '"\\(" opens inline']]);
    expect(warned('A \\\\[x and more.')).toEqual([['math-unclosed', 3, '"\\\\[" opens display']]);
    expect(warned('\\begin{tikzpicture}\\draw\\end{tikzpicture}')).toEqual([['math-raw', 1, '"\\begin{tikzpicture}" outside math']]);
    expect(warned('see $ x^2$ here')).toEqual([['math-raw', 5, '"$ x^2$" looks']]);
  });
  it('says nothing about prices, typeset math or code', () => {
    expect(warned('costs $5 and $10, and $a_1 $ is math; `\\(x` is code')).toEqual([]);
  });
});

describe('removeMarkdownEscapes', () => {
  const cases: [string, string][] = [
    ['a\\_b', 'a_b'],
    ['x\\*', 'x*'],
    ['\\\\{', '\\{'],
    ['\\\\\\\\', '\\\\'],
    ['\\alpha', '\\alpha'],
    // Markdown's damage is not reproduced: the author meant TeX's thin space.
    ['\\,', '\\,'],
    ['a \\\\\n', 'a \\\\\n'],
    ['\\\\,', '\\,'],
    ['end\\', 'end\\'],
  ];
  for (const [input, out] of cases) it(JSON.stringify(input), () => expect(removeMarkdownEscapes(input)).toBe(out));
});

describe('texOffsetToSource', () => {
  const at = (src: string, needle: string, opts: { math?: MathOptions } = {}) => {
    const span = locate(src, opts).spans[0]!;
    return texOffsetToSource(src, span, span.tex.indexOf(needle));
  };

  it('is the plain offset for simple spans', () => {
    const src = 'see $a + \\bad$';
    expect(at(src, '\\bad')).toBe(src.indexOf('\\bad'));
  });

  it('skips quote prefixes and CRs', () => {
    const src = '> $$\r\n> a +\r\n> \\bad\r\n> $$\r\n';
    expect(at(src, '\\bad')).toBe(src.indexOf('\\bad'));
  });

  it('skips removed Markdown escapes', () => {
    const src = '\\\\( x\\_1 + \\bad \\\\)';
    expect(at(src, '\\bad', { math: { escapes: 'markdown' } })).toBe(src.indexOf('\\bad'));
  });
});

describe('locateMath: properties', () => {
  // Markdown-ish fragments, so random pages hit the interesting interactions.
  const piece = fc.constantFrom(
    '$', '$$', '\\(', '\\)', '\\[', '\\]', '\\', '`', '```', '\n', '\n\n', '\r\n', '> ', '- ', '1. ', '    ',
    '|', '|---|', '<b>', '</b>', '<!--', '-->', '*', '_', '[', '](u)', '[^1]', '[^1]: ', 'x', 'h_t', ' ', '5', '{', '}',
  );
  const page = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

  it('spans are sorted, disjoint, inside the body and cut at their delimiters', () => {
    fc.assert(
      fc.property(page, fc.boolean(), (src, md) => {
        const r = locateMath(src, { bodyOffset: 0, masked: [], math: { escapes: md ? 'markdown' : 'none' } });
        let last = 0;
        for (const s of r.spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(src.length);
          expect(src.startsWith(s.delimiter, s.start)).toBe(true);
          last = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('masked text never yields math', () => {
    fc.assert(
      fc.property(page, page, page, (a, b, c) => {
        const src = `${a}\n\n${b}\n\n${c}`;
        const masked = [{ start: a.length + 2, end: a.length + 2 + b.length }];
        const r = locateMath(src, { bodyOffset: 0, masked });
        for (const s of r.spans) expect(s.end <= masked[0]!.start || s.start >= masked[0]!.end).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyMask', () => {
  const text = fc.array(fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\r\n', '>', '|', '$', 'é'), { maxLength: 60 }).map((a) => a.join(''));
  const range = fc.tuple(fc.integer({ min: -5, max: 80 }), fc.integer({ min: 0, max: 30 })).map(([start, len]) => ({ start, end: start + len }));
  it('touches only the masked ranges, as a pass over every character does (ranges in order or not, overlapping)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 5 }), fc.array(range, { maxLength: 5 }), fc.boolean(), fc.constantFrom('', '|'), (body, offset, ranges, sorted, keep) => {
        const masked = sorted ? [...ranges].sort((a, b) => a.start - b.start) : ranges;
        expect(applyMask(body, offset, masked, keep)).toBe(maskChars(body, offset, masked, keep));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
  it('keeps line structure: line endings, spaces, tabs and the > that start a line', () => {
    expect(applyMask('ab\n> {{< x >}}\n>> y', 0, [{ start: 3, end: 20 }])).toBe('ab\n> xxx x xxx\n>> x');
  });
});
