/**
 * The core rule of the design: a shadow is the original byte for byte, except that each construct we own
 * becomes `{{< prerender k="KEY" >}}FRAGMENT{{< /prerender >}}`, the fragment inline. Checked on hand-written pages and on random pages
 * mixing Markdown structure, math, code, our shortcodes, foreign shortcodes and escapes: prerenderPage
 * never throws, never reports an internal error, and always produces a shadow Hugo's lexer accepts.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prerenderPage, type PageEnv } from '../../src/prerender-page.js';
import { parsePage } from '../../src/content/page.js';
import { blockStructure } from '../../src/content/math.js';
import { pageEnv } from '../helpers/page-env.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { createHostServices } from '../../src/render/host.js';
import { SUMMARY_DIVIDER } from '../../src/render/summary.js';

const env = pageEnv;

const PLACEHOLDER = /\{\{< prerender(?:-nofeed)? k="([0-9a-f]+|none)"(?: md5="[0-9a-f]{32}" src=`[^`]*`)?\n* >\}\}[^\n]*?\{\{< \/prerender(?:-nofeed)? >\}\}/g;
const PAGE_BLOCK = /\n\n\{\{< prerender-page[^\n]*\{\{< \/prerender-page >\}\}\n$/;

/**
 * The text between the placeholders. What else the shadow may add (src/render/everywhere.ts) is taken
 * out first: heading ids (` {#id}`, or `{#{{< prerender-id … >}}}` where Hugo versions differ) and a
 * summary divider, and the page's extras after the body.
 */
function outside(shadow: string): string[] {
  const cleaned = shadow
    .replace(PAGE_BLOCK, '')
    .replace(/ ?\{#\{\{< prerender-id "[^"]*" "[^"]*" >\}\}\}/g, '')
    .replace(/ \{#[^}\s]*\}/g, '')
    .split(SUMMARY_DIVIDER)
    .join('')
    // A shortcode Hugo renders as Markdown travels inside prerender-md, its fragments first, then itself
    // with tokens for them (a top-level {{% %}} written {{< >}}: see sameText).
    .replace(/\{\{< \/?prerender-md(?: md="\w+")?(?: n="[0-9a-f]{32}")? >\}\}|<!--hugo-prerender:frag:[0-9a-f]{32}-->/g, '');
  return cleaned.replace(PLACEHOLDER, '\0').replace(/hugoprerenderfrag[0-9a-f]{32}n\d+z/g, '\0').split('\0');
}

/** Shortcode delimiters as one kind: the wrapper writes a top-level `{{% x %}}` as `{{< x >}}`. */
function sameText(s: string): string {
  return s.replace(/\{\{%/g, '{{<').replace(/%\}\}/g, '>}}');
}

describe('prerenderPage', () => {
  it('replaces exactly the owned constructs and keeps every other byte', async () => {
    const source = [
      '---',
      'title: "A $post$"',
      '---',
      '',
      '# Heading',
      '',
      'Inline $h_t$ and `$code$` and \\$5, then {{< figure src="/a.png" caption="The $x$ axis" >}}.',
      '',
      '$$',
      '\\begin{aligned} a &= b \\\\',
      'c &= d \\end{aligned}',
      '$$',
      '',
      '{{< notice >}}Inside a foreign shortcode: \\(x^2\\){{< /notice >}}',
      '{{</* figure src="literal" */>}}',
      '',
    ].join('\n');
    const r = await prerenderPage(source, env());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.stats).toMatchObject({ formulas: 3, figures: 1 });
    const pieces = outside(r.shadow!);
    expect(pieces).toEqual([
      '---\ntitle: "A $post$"\n---\n\n# Heading\n\nInline ',
      ' and `$code$` and \\$5, then ',
      '.\n\n',
      '\n\n{{< notice >}}Inside a foreign shortcode: ',
      '{{< /notice >}}\n{{</* figure src="literal" */>}}\n',
    ]);
    // Only the first placeholder carries the staleness check.
    const all = [...r.shadow!.matchAll(PLACEHOLDER)].map((m) => m[0]);
    expect(all[0]).toMatch(/^\{\{< prerender k="[0-9a-f]+" md5="[0-9a-f]{32}" src=`content\/posts\/p.md` >\}\}/);
    expect(all.slice(1).every((p) => !p.includes('md5='))).toBe(true);
    // Each fragment is inline: the rendered HTML, no newline, nothing Hugo's lexer could read.
    for (const f of r.fragments) expect(f.html).not.toMatch(/\{\{|\n/);
    expect(all[0]).toContain('<span class="katex">');
  });

  it('leaves a page without owned constructs alone (no shadow)', async () => {
    const r = await prerenderPage('---\ntitle: x\n---\nNo math here, only `$code$` and {{< youtube id >}}.\n', env());
    expect(r.shadow).toBeUndefined();
    expect(r.fragments).toEqual([]);
  });

  it('gives identical shortcodes on one page distinct keys (page-unique ids), identical formulas one key', async () => {
    const src = '---\n---\n{{< rnn-unroll steps=2 >}}\n\n{{< rnn-unroll steps=2 >}}\n\n$x$ and $x$\n';
    const r = await prerenderPage(src, env());
    const keys = [...r.shadow!.matchAll(PLACEHOLDER)].map((m) => m[1]);
    expect(keys.length).toBe(4);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe(keys[3]);
    const svgs = r.fragments.filter((f) => f.kind === 'shortcode').map((f) => f.html);
    const ids = (h: string) => new Set([...h.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const [a, b] = svgs.map(ids);
    expect([...a!].filter((id) => b!.has(id))).toEqual([]);
  });

  it('reports a bad formula at its place and marks the page failed, once per occurrence', async () => {
    const src = '---\n---\nGood $x$.\n\nBad $\\frac{1}{$ and again $\\frac{1}{$.\n';
    const r = await prerenderPage(src, env());
    expect(r.failed).toBe(true);
    // One formula never holds back the rest of its page: the good one is typeset, the bad ones stay as written.
    expect(r.held).toBe(false);
    expect(r.shadow).toContain('Bad $\\frac{1}{$ and again $\\frac{1}{$.');
    expect(r.shadow).not.toContain('Good $x$');
    expect(r.formulas.map((f) => f.error === undefined)).toEqual([true, false, false]);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.column >= 5])).toEqual([
      [5, true],
      [5, true],
    ]);
    expect(errors[0]!.column).toBeLessThan(errors[1]!.column);
  });

  it('a bad formula in a caption or a title is reported where it is written and left as written; the page still goes out', async () => {
    const src = [
      '---',
      "title: 'Why $\\tanh{$ saturates'",
      "description: 'About $\\foo x$'",
      '---',
      'Good $x$.',
      '',
      '{{< figure src="/a.png" caption="The state $\\frac{h_t$ and $y$" >}}',
      '',
    ].join('\n');
    const r = await prerenderPage(src, env());
    expect(r.failed).toBe(true);
    // Not held: the page is written, the figure with it, its caption's bad formula as the author wrote it.
    expect(r.held).toBe(false);
    const figure = r.fragments.find((f) => f.kind === 'shortcode')!.html;
    expect(figure).toContain('The state $\\frac{h_t$ and <span class="katex">');
    const errors = r.diagnostics.filter((d) => d.severity === 'error' && d.code === 'katex');
    expect(errors.map((d) => [d.line, d.column, d.message.slice(0, 12)])).toEqual([
      [7, 25, 'figure: Unex'],
      [2, 13, 'title: Expec'],
      [3, 21, 'description:'],
    ]);
    expect(errors[2]!.message).toContain('left as written');
    // The title shows the formula as written, never nothing.
    const title = [...r.titles.values()].find((h) => h.includes('saturates'))!;
    expect(title).toBe('Why $\\tanh{$ saturates');
    expect([...r.titles.values()].find((h) => h.includes('About'))).toBe('About $\\foo x$');
    expect((r.otherFormulas ?? []).map((f) => [f.where, f.error === undefined])).toEqual([
      ['figure', false],
      ['figure', true],
      ['title', false],
      ['description', false],
    ]);
  });

  it('warns where a double-quoted front-matter string made escapes of TeX commands (\\tanh a tab, \\frac a form feed, \\nabla a line break)', async () => {
    const yaml = await prerenderPage('---\ntitle: "Why $\\tanh$ and $\\frac{a}{b}$"\ndescription: \'Fine $\\tanh$\'\n---\nBody $x$.\n', env());
    const toml = await prerenderPage('+++\ntitle = "About $\\nabla f$"\n+++\nBody $x$.\n', env());
    const json = await prerenderPage('{"title": "On $\\beta$", "summary": "A $\\rho$"}\nBody $x$.\n', env());
    const warned = (r: Awaited<ReturnType<typeof prerenderPage>>) =>
      r.diagnostics.filter((d) => d.code === 'front-matter-escape').map((d) => [d.line, d.column, /probably has (\\\S+):/.exec(d.message)?.[1]]);
    expect(warned(yaml)).toEqual([[2, 1, '\\tanh']]);
    expect(warned(toml)).toEqual([[2, 1, '\\nabla']]);
    expect(warned(json)).toEqual([
      [1, 2, '\\beta'],
      [1, 25, '\\rho'],
    ]);
  });

  it('no such warning for the line breaks and tabs a YAML block or a TOML multi-line string holds as written; a top-level key is named before a nested one', async () => {
    const yaml = await prerenderPage('---\nparams:\n  summary: "x"\nsummary: |\n  First $x$\n  next line\n\tand a tab\ndescription: >-\n  $y$\n  folded\n---\nBody $x$.\n', env());
    const toml = await prerenderPage('+++\ntitle = """Long $x$\nnabla\tend"""\n+++\nBody $x$.\n', env());
    for (const r of [yaml, toml]) expect(r.diagnostics.filter((d) => d.code === 'front-matter-escape')).toEqual([]);
    const nested = await prerenderPage('---\nparams:\n  title: "nested"\ntitle: "Why $\\tanh$"\n---\nBody $x$.\n', env());
    expect(nested.diagnostics.filter((d) => d.code === 'front-matter-escape').map((d) => [d.line, d.column])).toEqual([[4, 1]]);
  });

  it('leaves math in a heading attribute block as written, with a warning; math in the heading text is typeset', async () => {
    const r = await prerenderPage('---\ntitle: T\n---\n## Head $x$ {title="a $k$ b" .c}\n\nBody $y$.\n', env());
    expect(r.formulas.map((f) => f.tex)).toEqual(['x', 'y']);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['math-in-attribute', 4, 23]]);
    expect(r.shadow).toContain(' title="a $k$ b" .c}');
  });

  it('with errors = "render", a bad formula in a caption or title is KaTeX\'s error span and a warning', async () => {
    const renderer = createMathRenderer({ errors: 'render' });
    const src = "---\ntitle: 'T $\\foo$'\n---\n{{< figure src=\"/a.png\" caption=\"C $\\frac{a$\" >}}\n";
    const r = await prerenderPage(src, { ...env(), renderer, errorMode: 'render', services: createHostServices(renderer, { errors: 'render' }) });
    expect(r.failed).toBe(false);
    expect(r.diagnostics.filter((d) => d.code === 'katex').map((d) => [d.severity, d.line])).toEqual([
      ['warning', 4],
      ['warning', 2],
    ]);
    expect(r.fragments.find((f) => f.kind === 'shortcode')!.html).toContain('class="katex-error"');
    // KaTeX's own rendering of an unknown command: its name in the error colour.
    expect([...r.titles.values()][0]).toContain('color:#cc0000');
  });

  it('never throws and always produces a shadow that Hugo can lex (random pages)', async () => {
    const piece = fc.constantFrom(
      'text ',
      'more words\n',
      '\n\n',
      '$h_t$',
      '$x$ ',
      '$$a^2$$',
      '\n$$\n\\sum_i x_i\n$$\n',
      '\\(y\\)',
      '\\[z\\]',
      '`$not math$`',
      '\n```\n$fenced$ {{< figure src="/f.png" >}}\n```\n',
      '\\$5 and $10',
      '- item $a$\n',
      '> quote $b$\n',
      '| $c$ | d |\n|---|---|\n| e | $f$ |\n',
      '[link $g$](http://x.org)',
      '## head $\\alpha$\n',
      '{{< figure src="/a.png" caption="cap $k$" >}}',
      '{{< rnn-unroll steps=2 >}}',
      '{{< notice >}}inner $m$ {{< /notice >}}',
      '{{% notice %}}markup $n${{% /notice %}}',
      '{{</* figure src="x" */>}}',
      '{{< highlight go >}}$code${{< /highlight >}}',
      '<span>$html$</span>',
      'footnote[^1]\n\n[^1]: note $p$\n',
      '\r\n',
      '$unclosed',
      '$$\nunclosed display',
      '{{< figure',
      '*em $q$*',
    );
    const doc = fc.array(piece, { maxLength: 14 }).map((ps) => `---\ntitle: t\n---\n${ps.join('')}`);
    await fc.assert(
      fc.asyncProperty(doc, async (source) => {
        const r = await prerenderPage(source, env());
        expect(r.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        if (r.shadow === undefined) return;
        const reparsed = parsePage(r.shadow);
        expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        // Our shortcodes are exactly the fragments (their inner content holds none), each closed.
        const ours = (list: typeof reparsed.shortcodes): number =>
          list.reduce((n, sc) => n + (sc.name === 'prerender' || sc.name === 'prerender-nofeed' ? 1 : 0) + ours(sc.children), 0);
        expect(ours(reparsed.shortcodes)).toBe([...r.shadow.matchAll(PLACEHOLDER)].length);
        // Every line where the original has it (Hugo's messages about the shadow name its lines).
        expect(r.shadow.replace(PAGE_BLOCK, '').split('\n').length).toBe(source.split('\n').length);
        // Everything outside the placeholders is the original text, in order.
        let at = 0;
        for (const piece of outside(r.shadow).filter((p) => p !== '')) {
          const found = sameText(source).indexOf(sameText(piece), at);
          expect(found, JSON.stringify(piece)).toBeGreaterThanOrEqual(at);
          at = found + piece.length;
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("prerenderPage: KaTeX's warnings where they are", () => {
  it('names the line and column of the \\\\, of the character and of the \\require, through a blockquote and CRLF', async () => {
    const source = ['Text $x + é$ here.', '', '> $$', '> a = b', '> \\\\ c = d', '> $$', '', '$$\\require{cancel}\\cancel{y}$$', ''].join('\r\n');
    const r = await prerenderPage(source, env());
    expect(r.stats.formulas).toBe(3);
    const at = r.diagnostics.map((d) => [d.severity, d.line, d.column, d.message.replace(/^(.{0,40}).*?(\[\w+\])?$/s, '$1…$2')]);
    expect(at).toEqual([
      ['warning', 1, 11, expect.stringMatching(/^Accented Unicode text character "é".*\[unicodeTextInMathMode\]$/)],
      ['warning', 5, 3, expect.stringMatching(/^In LaTeX, \\\\ or \\newline does nothing.*\[newLineInDisplayMode\]$/)],
      ['warning', 8, 3, expect.stringMatching(/^\\require\{cancel\} is MathJax-only/)],
    ]);
    // In a shortcode's text (a caption, a label): at its parameter, with the formula, as its errors are.
    const figure = await prerenderPage('Intro.\n\n{{< figure src="/a.png" caption="The $x + é$ axis" >}}\n', env());
    expect(figure.diagnostics.map((d) => [d.severity, d.line, d.column, d.code, d.message.replace(/^(.{0,50}).*?(\(in .*)$/s, '$1…$2')])).toEqual([
      ['warning', 3, 25, 'katex', 'figure: Accented Unicode text character "é" used i…(in "x + é")'],
    ]);
    // A page with such a warning is not served from the fragment memo without it (noisy).
    expect(figure.fragments.find((f) => f.kind === 'shortcode')!.noisy).toBe(true);
    // The offset is that of the character in the file.
    expect(r.diagnostics.map((d) => source.slice(d.offset!, d.offset! + 2))).toEqual(['é$', '\\\\', '\\r']);
  });

  it('points into a top-level environment, a numbered one and a formula whose definitions were taken out, at the row', async () => {
    const source = [
      'Intro.', // 1
      '', // 2
      '\\begin{align}', // 3
      'x &= 1 \\\\', // 4
      'y &= \\nopeB', // 5
      '\\end{align}', // 6
      '', // 7
      '$$\\begin{align}', // 8
      'x &= 1 \\label{one} \\\\', // 9
      'y &= \\nopeD + 2', // 10
      '\\end{align}$$', // 11
      '', // 12
      '\\begin{gather*}', // 13
      'a \\\\', // 14
      'é + b', // 15
      '\\end{gather*}', // 16
      '', // 17
      '$\\newcommand{\\half}{\\frac12} \\half + \\nopeE$ and \\begin{equation}', // 18
      'z = \\nopeF', // 19
      '\\end{equation}', // 20
      '',
    ].join('\n');
    const r = await prerenderPage(source, env());
    const at = r.diagnostics.map((d) => [d.severity, d.line, d.column, source.slice(d.offset!, d.offset! + 6)]);
    expect(at).toEqual([
      ['error', 5, 6, '\\nopeB'],
      ['error', 10, 6, '\\nopeD'],
      ['warning', 15, 1, 'é + b\n'],
      ['error', 18, 38, '\\nopeE'],
      ['error', 19, 5, '\\nopeF'],
    ]);
  });
});

describe('prerenderPage: passthrough delimiters that leave out $', () => {
  const stack = { inline: [['\\(', '\\)']] as [string, string][], block: [['\\[', '\\]']] as [string, string][] };
  const withDelimiters = (delimiters: typeof stack): PageEnv => {
    const e = env();
    return { ...e, settings: { ...e.settings, math: { escapes: 'none', delimiters } } };
  };

  it('warns once, at the first $…$, saying what to add; the site’s own delimiters still typeset', async () => {
    const source = 'Intro \\(a\\) and\n\nthe state $h_t$ then $x$ and $5 and $10.\n\n$$y$$\n';
    const r = await prerenderPage(source, withDelimiters(stack));
    expect(r.stats.formulas).toBe(1);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        file: 'content/posts/p.md',
        line: 3,
        column: 11,
        offset: 27,
        code: 'passthrough',
        message:
          "$…$ is not math on this site: markup.goldmark.extensions.passthrough.delimiters leaves out $, so this and 2 more formulas on the page stay raw TeX. Add inline ['$', '$'] and block ['$$', '$$'] to those delimiters in the site config (or write \\(…\\))",
      },
    ]);
  });

  it('says nothing when $ and $$ are listed, on a page without dollars, or in Markdown-escapes mode', async () => {
    const all = { inline: [...stack.inline, ['$', '$']] as [string, string][], block: [...stack.block, ['$$', '$$']] as [string, string][] };
    expect((await prerenderPage('Money $5 and $h_t$.\n', withDelimiters(all))).diagnostics).toEqual([]);
    expect((await prerenderPage('Only \\(h_t\\) and `$x$`.\n', withDelimiters(stack))).diagnostics).toEqual([]);
    const e = withDelimiters(stack);
    expect((await prerenderPage('A $h_t$.\n', { ...e, settings: { ...e.settings, math: { ...e.settings.math, escapes: 'markdown' } } })).diagnostics).toEqual([]);
  });
});

describe('prerenderPage: math inside a shortcode Hugo renders as Markdown again', () => {
  const withSite = (unsafe: boolean): PageEnv => {
    const e = env();
    const markdownInner = (name: string) => (name === 'alert' ? 'themes/congo/layouts/shortcodes/alert.html' : undefined);
    return { ...e, settings: { ...e.settings, unsafe, markdownInner } };
  };
  const source = 'Intro.\n\n{{% hint info %}}\nA $x$ and $y$.\n{{% /hint %}}\n\n{{< alert >}}Also $z$.{{< /alert >}}\n\n{{< other >}}Fine $w$.{{< /other >}}\n';

  /**
   * The shadow's lines, with the wrapper's nonce (the md5 of the page: see the test of forged markers)
   * taken out of its `n`, its split marker and its tokens.
   */
  const lines = (s: string) =>
    s
      .replace(/ n="[0-9a-f]{32}"/g, '')
      .replace(/<!--hugo-prerender:frag:[0-9a-f]{32}-->/g, '<!--hugo-prerender:frag-->')
      .replace(/hugoprerenderfrag[0-9a-f]{32}n(\d+)z/g, 'hugoprerenderfrag$1z')
      .split('\n');

  it('the wrapper\'s split marker and tokens hold the md5 of the page, so that none its author writes is acted on', async () => {
    const forged = 'Intro.\n\n{{% hint %}}\nMath $x$ and <img src=x onerror=alert(1)><!--hugo-prerender:frag-->then hugoprerenderfrag0z, [l](/u "hugoprerenderfrag0z").\n{{% /hint %}}\n';
    const r = await prerenderPage(forged, withSite(false));
    const nonce = createHash('md5').update(forged).digest('hex');
    const shadow = r.shadow!;
    expect(shadow).toContain(`{{< prerender-md md="block" n="${nonce}" >}}`);
    expect(shadow).toContain(`<!--hugo-prerender:frag:${nonce}-->{{< hint >}}`);
    // The author's marker and tokens stay as written: text to the wrapper, which splits and replaces only its own.
    expect(shadow.split('\n')[3]).toBe(`Math hugoprerenderfrag${nonce}n0z and <img src=x onerror=alert(1)><!--hugo-prerender:frag-->then hugoprerenderfrag0z, [l](/u "hugoprerenderfrag0z").`);
  });

  it('with unsafe = false: each such shortcode travels inside prerender-md, its fragments as tokens; no warning; lines kept', async () => {
    const r = await prerenderPage(source, withSite(false));
    expect(r.stats.formulas).toBe(4);
    expect(r.diagnostics).toEqual([]);
    const shadow = r.shadow!;
    expect(lines(shadow)).toHaveLength(lines(source).length);
    const [, , hint, inner, close, , alert, , other] = lines(shadow);
    // A top-level {{% %}} (its lines to itself): written {{< >}} inside the wrapper, which renders its output as a Markdown block.
    expect(hint).toMatch(/^\{\{< prerender-md md="block" >\}\}\{\{< prerender k="[^"]+" md5="[0-9a-f]{32}" src=`content\/posts\/p.md` >\}\}<span class="katex">.*\{\{< \/prerender >\}\}<!--hugo-prerender:frag-->\{\{< prerender k=.*<!--hugo-prerender:frag-->\{\{< hint info >\}\}$/);
    expect(inner).toBe('A hugoprerenderfrag0z and hugoprerenderfrag1z.');
    expect(close).toBe('{{< /hint >}}{{< /prerender-md >}}');
    // A template that markdownifies its inner content: the shortcode as written, no Markdown pass in the wrapper.
    expect(alert).toMatch(/^\{\{< prerender-md >\}\}\{\{< prerender k=.*<!--hugo-prerender:frag-->\{\{< alert >\}\}Also hugoprerenderfrag0z\.\{\{< \/alert >\}\}\{\{< \/prerender-md >\}\}$/);
    // Any other shortcode of the site: fragments as usual.
    expect(other).toMatch(/^\{\{< other >\}\}Fine \{\{< prerender k=.*\{\{< \/prerender >\}\}\.\{\{< \/other >\}\}$/);
    expect(parsePage(shadow).diagnostics).toEqual([]);
  });

  it('inside the wrapper, every line stays where the original has it: a formula over several lines keeps its breaks in an empty shortcode after its token', async () => {
    const src = ['Intro.', '', '{{% hint %}}', 'Before $k$.', '', '$$', 'h_t', '  + x_t', '$$', '', 'Between: $a', 'b$ and', '$$\\newcommand{\\R}{r}', '$$', 'After.', '{{% /hint %}}', ''].join('\n');
    const r = await prerenderPage(src, withSite(false));
    expect(r.diagnostics).toEqual([]);
    const shadow = r.shadow!;
    expect(lines(shadow)).toHaveLength(lines(src).length);
    for (const n of [4, 9, 14]) expect(lines(shadow)[n]).toBe(lines(src)[n]);
    expect(lines(shadow)[3]).toBe('Before hugoprerenderfrag0z.');
    expect(lines(shadow)[5]).toBe('hugoprerenderfrag1z{{< prerender k="none"');
    expect(lines(shadow)[10]).toBe('Between: hugoprerenderfrag2z{{< prerender k="none"');
    // The definitions-only formula: no token, only its breaks.
    expect(lines(shadow)[12]).toBe('{{< prerender k="none"');
    expect(lines(shadow)[15]).toBe('{{< /hint >}}{{< /prerender-md >}}');
    expect(parsePage(shadow).diagnostics).toEqual([]);
  });

  it('a {{% %}} within a line is rendered inline; one nested in another shortcode keeps its {{% %}} and its parent (the wrapper goes around the top-level one); the same formula twice is one fragment', async () => {
    const src = 'Text {{% sc %}}a $x$ b $x${{% /sc %}} end.\n\n{{< box >}}\n{{% inner %}}$y${{% /inner %}}\n{{< /box >}}\n';
    const shadow = (await prerenderPage(src, withSite(false))).shadow!;
    expect(lines(shadow)[0]).toMatch(/^Text \{\{< prerender-md md="inline" >\}\}\{\{< prerender k=[^>]*>\}\}[^\n]*?\{\{< \/prerender >\}\}<!--hugo-prerender:frag-->\{\{< sc >\}\}a hugoprerenderfrag0z b hugoprerenderfrag0z\{\{< \/sc >\}\}\{\{< \/prerender-md >\}\} end\.$/);
    expect(lines(shadow)[2]).toMatch(/^\{\{< prerender-md >\}\}.*<!--hugo-prerender:frag-->\{\{< box >\}\}$/);
    expect(lines(shadow)[3]).toBe('{{% inner %}}hugoprerenderfrag0z{{% /inner %}}');
    expect(lines(shadow)[4]).toBe('{{< /box >}}{{< /prerender-md >}}');
  });

  it('an escaped shortcode inside the wrapped {{% %}} stays escaped, byte for byte (fuzz seeds 20261217/207, 20261227/131)', async () => {
    // Hugo's page lexer turns it into the text {{< katex >}}…, which reaches the wrapper's RenderString:
    // the wrapper neutralises {{< and {{% there (tests/integration/fuzz-finds.test.ts builds it).
    const escaped = '`{{</* katex >}}a{{< /katext */>}}` and {{</* nope */>}} {{%/* y */%}}';
    const src = `Intro.\n\n{{% columns %}}\n$v$ ${escaped}\n{{% /columns %}}\n\nText {{% columns %}}$u$ {{</* nope */>}}{{% /columns %}} end.\n`;
    const r = await prerenderPage(src, withSite(false));
    expect(r.diagnostics).toEqual([]);
    const shadow = r.shadow!;
    expect(lines(shadow)).toHaveLength(lines(src).length);
    expect(lines(shadow)[2]).toMatch(/^\{\{< prerender-md md="block" >\}\}\{\{< prerender k=[^\n]*<!--hugo-prerender:frag-->\{\{< columns >\}\}$/);
    expect(lines(shadow)[3]).toBe(`hugoprerenderfrag0z ${escaped}`);
    expect(lines(shadow)[4]).toBe('{{< /columns >}}{{< /prerender-md >}}');
    expect(lines(shadow)[6]).toMatch(/^Text \{\{< prerender-md md="inline" >\}\}[^\n]*<!--hugo-prerender:frag-->\{\{< columns >\}\}hugoprerenderfrag0z \{\{<\/\* nope \*\/>\}\}\{\{< \/columns >\}\}\{\{< \/prerender-md >\}\} end\.$/);
    expect(parsePage(shadow).diagnostics).toEqual([]);
  });

  it('with unsafe = true: fragments as usual (Goldmark keeps raw HTML), nothing to say', async () => {
    const r = await prerenderPage(source, withSite(true));
    expect(r.diagnostics).toEqual([]);
    expect(r.shadow).not.toContain('prerender-md');
    expect(r.shadow).toContain('{{% hint info %}}');
  });
});

describe('prerenderPage: our shortcodes and tex wrappers inside each other', () => {
  const fm = '---\ntitle: t\n---\n';
  for (const body of [
    // Fuzz seed 107: the katex inside the attention-map was replaced too, leaving {{< /attention-map >}} unopened.
    '{{< attention-map >}}{{< katex >}}\\frac{a}{b}{{< /katex >}}{{< /attention-map >}}',
    '{{< attention-map >}}\n1 2\n3 4\n{{< katex >}}x{{< /katex >}}\n{{< /attention-map >}}',
    '{{< katex >}}{{< attention-map >}}1 2{{< /attention-map >}}{{< /katex >}}',
  ]) {
    it(`give a shadow whose tags match: ${body.replace(/\n/g, '\\n')}`, async () => {
      const r = await prerenderPage(`${fm}${body}\n`, pageEnv());
      expect(r.shadow).toBeDefined();
      expect(parsePage(r.shadow!).diagnostics).toEqual([]);
      // One replacement for the outer shortcode, nothing of the inner one left or replaced on its own.
      expect(r.shadow!.slice(fm.length).match(/\{\{< prerender(-nofeed)? /g)).toHaveLength(1);
      expect(r.shadow).not.toMatch(/\{\{< \/?(attention-map|katex) /);
    });
  }
});

describe('prerenderPage: math inside an inline shortcode (fuzz find)', () => {
  it('is left alone: Hugo rejects a shortcode inside an inline one', async () => {
    const source = '---\ntitle: t\n---\nA {{< x.inline >}}{{ .Page.Title }} $y$\n\\(z\\){{< /x.inline >}} and $w$.\n';
    const r = await prerenderPage(source, pageEnv());
    expect(r.formulas.map((f) => f.tex)).toEqual(['w']);
    expect(r.shadow).toContain('{{< x.inline >}}{{ .Page.Title }} $y$\n\\(z\\){{< /x.inline >}} and {{< prerender ');
    expect(parsePage(r.shadow!).diagnostics).toEqual([]);
  });

  it('never closed: nothing after it is replaced, and no page block follows', async () => {
    const source = '---\ntitle: t\n---\n## H $h$\n\n$a$ then {{< x.inline >}}{{ .Page.Title }} $b$\n\n## K $k$\n';
    const r = await prerenderPage(source, pageEnv());
    expect(r.formulas.map((f) => f.tex)).toEqual(['h', 'a']);
    expect(r.shadow).not.toContain('prerender-page');
    const tail = r.shadow!.slice(r.shadow!.indexOf('{{< x.inline >}}'));
    expect(tail).toMatch(/^\{\{< x\.inline >\}\}\{\{ \.Page\.Title \}\} \$b\$\n\n## K \$k\$/);
    expect(tail.match(/\{\{</g)).toHaveLength(1);
    expect(parsePage(r.shadow!).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('prerenderPage: the page block after a code fence left open (fuzz find)', () => {
  it('closes the fence first, so that the block is not code', async () => {
    // A heading with math gives the page a block (its TOC entry); the file ends inside a ``` fence.
    const source = '---\ntitle: t\n---\n## H $x$\n\n````latex\n$$\na\n';
    const r = await prerenderPage(source, pageEnv());
    expect(r.shadow!.match(/^````/gm)).toHaveLength(2);
    // In the shadow's Markdown, the block is a paragraph of its own: the code block ends before it.
    const tree = blockStructure(r.shadow!.slice(r.shadow!.indexOf('## H')));
    // The automatic summary's divider (the page is short, with math) comes after the closed fence too.
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'code', 'html', 'paragraph']);
    // The code as written, nothing of ours in it (the divider used to be: `$$\na\n<!--more-->`).
    expect((tree.children[1] as { value: string }).value).toBe('$$\na');
    expect((tree.children[2] as { value: string }).value).toBe('<!--more-->');
    expect(tree.children[3]!.position!.start.offset).toBe(r.shadow!.indexOf('{{< prerender-page ') - r.shadow!.indexOf('## H'));
  });

  it('leaves a closed fence alone', async () => {
    const r = await prerenderPage('---\ntitle: t\n---\n## H $x$\n\n```\n$$\n```\n', pageEnv());
    expect(r.shadow!.match(/^```/gm)).toHaveLength(2);
    expect(r.shadow).toContain('{{< prerender-page ');
  });
});

describe('prerenderPage: the shadow keeps the original\'s line numbers', () => {
  it('multi-line formulas, shortcodes and definitions take their line breaks into the fragment\'s opening tag', async () => {
    const source = [
      '---',
      'title: t',
      '---',
      '$$',
      '\\newcommand{\\Rset}{\\mathbb{R}}',
      '$$',
      '',
      'A display:',
      '$$',
      'h_t = \\tanh(W h_{t-1}',
      '  + x_t) \\in \\Rset',
      '$$',
      '',
      '{{< attention-map source="a b" target="c d" >}}',
      '0.5 0.5',
      '0.5 0.5',
      '{{< /attention-map >}}',
      '',
      '{{% hint %}}',
      'In a hint: $a',
      'b$ and more.',
      '{{% /hint %}}',
      '',
      'Then {{< nope >}} on line 24.',
      '',
    ].join('\n');
    const r = await prerenderPage(source, env());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const lines = r.shadow!.replace(PAGE_BLOCK, '').split('\n');
    expect(lines).toHaveLength(source.split('\n').length);
    expect(lines[23]).toMatch(/^Then \{\{< nope >\}\} on line 24\.(<!--more-->)?$/);
    expect(lines[7]).toBe('A display:');
    // The definitions-only formula: an empty shortcode holding its two line breaks.
    expect(lines.slice(3, 6)).toEqual(['{{< prerender k="none"', '', ' >}}{{< /prerender >}}']);
    expect(parsePage(r.shadow!).diagnostics).toEqual([]);
  });
});

describe('prerenderPage: a page without front matter', () => {
  it('that starts with math gets an empty JSON front matter on its first line, so Hugo does not read {{< as one', async () => {
    const r = await prerenderPage('\\(y\\) and $x$\n\nmore\n', pageEnv());
    expect(r.shadow).toMatch(/^\{\}\{\{< prerender /);
    expect(r.shadow!.split('\n')).toHaveLength(4);
    const reparsed = parsePage(r.shadow!);
    expect(reparsed.diagnostics).toEqual([]);
    expect(reparsed.frontMatter).toMatchObject({ format: 'json', data: {} });
  });

  it('that starts with an HTML comment and then math gets {} too: no Hugo reads the shadow as comment-wrapped front matter (fuzz seeds 104, 108)', async () => {
    const source = '<!--more-->\n$x$ text\n';
    const r = await prerenderPage(source, pageEnv());
    expect(r.shadow).toMatch(/^\{\}<!--more -->\n\{\{< prerender /);
    expect(r.shadow!.split('\n')).toHaveLength(3);
    const reparsed = parsePage(r.shadow!);
    expect(reparsed.diagnostics).toEqual([]);
    expect(reparsed.frontMatter).toMatchObject({ format: 'json', data: {} });
    // Hugo reads no summary divider in the original (the file's first character is its lexer's), nor in the shadow.
    expect(parsePage(source).summaryDivider).toBeUndefined();
    expect(reparsed.summaryDivider).toBeUndefined();
    // Another comment first is kept as it is.
    const other = await prerenderPage(' <!-- note -->\n\\(y\\) text\n', pageEnv());
    expect(other.shadow).toMatch(/^ \{\}<!-- note -->\n\{\{< prerender /);
    expect(parsePage(other.shadow!).diagnostics).toEqual([]);
  });

  it('that starts with text is left as it is', async () => {
    const r = await prerenderPage(' \u00a0$x$\n', pageEnv());
    expect(r.shadow).toMatch(/^ \u00a0\{\{< prerender /);
  });
});

describe('copies of the page\'s math (table of contents, summary, titles) get the page\'s macros', () => {
  it('a heading, the front-matter summary and the title typeset \\Rset defined in the body, with no error', async () => {
    const source = '---\ntitle: Over $\\Rset$\nsummary: In $\\Rset^n$.\n---\n\n$\\newcommand{\\Rset}{\\mathbb{R}}$\n\n## Maps into $\\Rset$\n\nBody $\\Rset$.\n';
    const r = await prerenderPage(source, env());
    expect(r.diagnostics).toEqual([]);
    const block = /\{\{< prerender-page[^>]*>\}\}(.*)\{\{< \/prerender-page >\}\}/.exec(r.shadow!)![1]!;
    const extras = JSON.parse(block) as { toc: string; summary: string };
    const titles = [...r.titles.values()];
    expect(titles).toHaveLength(1);
    for (const [what, html] of [['toc', extras.toc], ['summary', extras.summary], ['title', titles[0]!]]) {
      expect(html, what).not.toContain('katex-error');
      expect(html, what).toContain('<mi mathvariant="double-struck">R</mi>');
    }
  });
});

describe('math in headings (PageSettings.headingMath)', () => {
  const source = '---\ntitle: t\n---\n\n## Why $\\tanh$ and $h_{t-1}$ saturate\n\nBody $x_1$.\n';
  const shadowFor = async (headingMath: PageEnv['settings']['headingMath'], unsafe = false) => {
    const e = env();
    const r = await prerenderPage(source, { ...e, settings: { ...e.settings, headingMath, unsafe } });
    return r.shadow!.split('\n')[4]!;
  };

  it('as readable text where Hugo builds the TOC and drops raw HTML: no shortcode, the same id', async () => {
    expect(await shadowFor('text')).toBe('## Why tanh and hₜ₋₁ saturate {#why-tanh-and-h_t-1-saturate}');
  });

  it('as raw HTML where Hugo keeps it: the typeset formula, no shortcode, its MathML text safe from Markdown', async () => {
    const h = await shadowFor('html', true);
    expect(h).not.toContain('{{<');
    expect(h.match(/<span class="katex">/g)).toHaveLength(2);
    expect(h).toContain('alttext="h_{t-1}"');
    expect(h).toContain('<mi>t</mi><mo>−</mo><mn>1</mn>');
    expect(h).toMatch(/ saturate \{#why-tanh-and-h_t-1-saturate\}$/);
  });

  it('as a fragment where nothing reads Hugo\'s heading data', async () => {
    expect((await shadowFor('shortcode')).match(/\{\{< prerender k=/g)).toHaveLength(2);
  });
});

describe('prerenderPage: a problem inside a shortcode’s inner content', () => {
  it('is reported at its line and column (an attention map’s bad value, ragged row, invalid JSON), not at the opening tag', async () => {
    const source = [
      '---',
      'title: t',
      '---',
      'Text.',
      '',
      '{{< attention-map source="a b" target="c d e" >}}',
      '0.5 0.5',
      '0.5  x',
      '  0.1 0.2 0.7',
      '{{< /attention-map >}}',
      '',
      '{{< attention-map >}}',
      '[[0.5, 0.5],',
      ' [0.5 0.5]]',
      '{{< /attention-map >}}',
      '',
    ].join('\n');
    const r = await prerenderPage(source, env());
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^8:6 attention-map: row 2, column 2 is "x", which is not a number/),
      expect.stringMatching(/^9:11 attention-map: row 3 has 3 values but row 1 has 2;/),
      expect.stringMatching(/^14:7 attention-map: the inner content starts with "\[" so it is read as JSON, but it is not valid JSON/),
    ]);
    expect(errors.map((d) => source.slice(d.offset!, d.offset! + 3))).toEqual(['x\n ', '0.7', '0.5'].map((t) => t.slice(0, 3)));
  });
});

describe('prerenderPage: params.prerender.math.numbering', () => {
  it('"none" numbers no equation by itself (MathJax 3’s default), only the \\tag; "ams" numbers the equation too', async () => {
    const source = '---\ntitle: t\n---\n$$\\begin{equation} a = b \\end{equation}$$\n\n$$\\begin{align} c &= d \\tag{T}\\end{align}$$\n';
    const e = env();
    const tags = async (numbering?: 'none') => {
      const r = await prerenderPage(source, numbering ? { ...e, settings: { ...e.settings, math: { ...e.settings.math, numbering } } } : e);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      return (r.shadow!.match(/class="tag"/g) ?? []).length;
    };
    expect(await tags()).toBe(2);
    expect(await tags('none')).toBe(1);
  });
});
