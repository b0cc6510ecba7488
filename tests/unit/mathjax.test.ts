/**
 * Posts written for MathJax typeset with no settings (issue 11): one fixture page per construct in
 * fixtures/mathjax, checked through `checkSite` (what `hugo-prerender check` prints), with the number of
 * typeset formulas and the TeX KaTeX was given.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type CheckResult } from '../../src/check.js';
import katex from 'katex';
import { adaptForKatex } from '../../src/render/mathjax-compat.js';
import { oneTextCopy } from '../../src/render/katex-markup.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { carryPageMacros } from '../../src/render/page-macros.js';
import { withSuggestion } from '../../src/render/mathjax-packages.js';
import { feedVariant } from '../../src/render/feed.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { locateMath } from '../../src/content/math.js';
import { footnoteDefinitions } from '../../src/content/footnotes.js';
import { prerenderPage } from '../../src/prerender-page.js';
import { pageEnv } from '../helpers/page-env.js';
import { prerenderOptions } from '../../src/site/config.js';

let result: CheckResult;
const page = (name: string) => result.pages.find((p) => p.file === `content/posts/${name}.md`)!;
const texOf = (name: string) => page(name).formulas.map((f) => f.tex.trim());

beforeAll(async () => {
  result = await checkSite(path.join(PROJECT_ROOT, 'fixtures/mathjax'));
});

describe('fixtures/mathjax, default settings', () => {
  it('typesets every formula of every page', () => {
    const counts = Object.fromEntries(result.pages.map((p) => [p.file.replace(/^content\/posts\/|\.md$/g, ''), [p.found, p.typeset]]));
    expect(counts).toEqual({
      blogdown: [3, 3],
      compat: [4, 4],
      dollars: [3, 3],
      environments: [8, 8],
      escaped: [9, 9],
      links: [4, 4],
      macros: [9, 9],
      physics: [19, 19],
      wrappers: [7, 7],
    });
  });

  it('undoes Markdown escapes on a page written for Markdown-then-MathJax, without reproducing Markdown’s damage', () => {
    expect(texOf('escaped')).toEqual([
      'h_t = f(h_{t-1}, x_t)',
      '\\|W\\|_2',
      '\\frac{\\partial L}{\\partial h_t} = \\sum_{k=t}^{T} \\frac{\\partial L_k}{\\partial h_t}',
      'a_i^*',
      // Markdown would have eaten this backslash; the author meant a thin space.
      'x\\,y',
      '\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}',
      // Environments escaped as the delimiters are (`\\begin{align}`, `\\begin{equation\*}`), numbered as MathJax numbers them.
      '\\begin{align*}\nh_t &= \\tanh(W h_{t-1} + U x_t)  \\tag{1} \\\\\ny_t &= V h_t \\tag{2}\n\\end{align*}',
      '\\begin{equation*} o = \\sigma(y_t) \\end{equation*}',
      '\\text{(1)}',
    ]);
    expect(page('escaped').diagnostics).toEqual([]);
  });

  it('follows MathJax for dollars: spaces inside, \\$, prices', () => {
    expect(texOf('dollars')).toEqual(['\\varepsilon', '\\varepsilon', 'x_1 + x_2']);
  });

  it('takes environments outside delimiters, numbers them across the page and resolves \\eqref', () => {
    const tex = texOf('environments');
    expect(tex[0]).toBe('\\begin{equation*}\nE = mc^2  \\tag{1}\n\\end{equation*}');
    expect(tex[1]).toBe('\\begin{align*}\na &= b + c \\\\\nd &= e\n\\end{align*}');
    expect(tex[2]).toBe('\\begin{gather*}\nx = 1 \\tag{2} \\\\\ny = 2 \n\\end{gather*}');
    // multline: one number, on its last line.
    expect(tex[3]).toBe('\\begin{gather*}\na + b + c \\\\\n+ d + e \\tag{3}\n\\end{gather*}');
    expect(tex[4]).toContain('\\begin{CD}');
    // `As \eqref{eq:energy} shows`, in the text, is a formula too (MathJax's processRefs).
    expect(tex.slice(5)).toEqual(['\\text{(1)}', '\\text{(1)}', '\\text{1}']);
    expect(page('environments').diagnostics.map((d) => [d.line, d.code])).toEqual([[19, 'mathjax']]);
  });

  it('takes \\eqref and \\ref in the text as MathJax does (processRefs), written for Markdown-then-MathJax too; not in code, nor with its own delimiters set', () => {
    const md = 'See \\eqref{a} and \\ref{b_c}, escaped \\\\eqref{a}; `\\eqref{a}` and \\eqref without braces stay.\n';
    expect(locateMath(md, { bodyOffset: 0, masked: [] }).spans.map((s) => [s.tex, s.display, s.column])).toEqual([
      ['\\eqref{a}', false, 5],
      ['\\ref{b_c}', false, 19],
      ['\\eqref{a}', false, 38],
    ]);
    const own = { delimiters: { inline: [['$', '$']] as [string, string][], block: [['$$', '$$']] as [string, string][] } };
    expect(locateMath(md, { bodyOffset: 0, masked: [], math: own }).spans).toEqual([]);
  });

  it('recognises the wrapper shortcodes of Hugo Blox, hugo-book and LoveIt, and the site’s own', () => {
    expect(page('wrappers').formulas.map((f) => [f.tex.trim().slice(0, 12), f.display])).toEqual([
      ['\\nabla F(\\ma', false],
      ['f(k;p_0^*) =', true],
      ['\\pi(x)', false],
      ['f(x) = \\int_', true],
      ['\\mathbf{E}=\\', false],
      ['a^2 + b^2 = ', true],
      ['\\sqrt{2}', false],
    ]);
  });

  it('takes blogdown’s math in code spans, and leaves other code alone', () => {
    expect(page('blogdown').formulas.map((f) => [f.tex, f.display])).toEqual([
      ['\\beta_1', false],
      ['\\hat{y}', false],
      ['\\hat{y} = \\beta_0 + \\beta_1 x', true],
    ]);
  });

  it('emulates MathJax leniencies KaTeX lacks: _\\cmd{…}, array column specs, \\require', () => {
    expect(texOf('compat')).toEqual([
      '\\mathbf{J}_{\\boldsymbol{\\sigma}} = \\operatorname{diag}(\\sigma)',
      '\\left[ \\begin{array}{c} a_1 \\\\ a_2 \\end{array} \\right]',
      '\\require{cancel} \\cancel{x} + \\bm{v}',
      '\\begin{array}{ccc|l} 1&2&3&\\text{note} \\end{array}',
    ]);
    expect(page('compat').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('\\require{cancel} is MathJax-only')]);
  });
});

describe('adaptForKatex', () => {
  it('numbers rows across formulas, honours \\tag and \\nonumber, and resolves forward references', () => {
    const out = adaptForKatex([
      { tex: 'see \\eqref{b} and \\ref{a}' },
      { tex: '\\begin{align}x \\label{a}\\\\ y \\tag{*} \\label{t}\\\\ z \\notag\\\\ w \\label{b}\\end{align}' },
      { tex: '\\eqref{t} \\eqref{nope}' },
    ]);
    expect(out.map((o) => o.tex)).toEqual([
      'see \\text{(2)} and \\text{1}',
      '\\begin{align*}x  \\tag{1}\\\\ y \\tag{*} \\\\ z \\\\ w  \\tag{2}\\end{align*}',
      '\\text{(*)} \\text{(?)}',
    ]);
    expect(out[2]!.warnings).toEqual(['\\eqref{nope} refers to no \\label{nope} on this page; it shows as (?)']);
  });

  it('keeps alignat’s column count and leaves starred environments unnumbered', () => {
    const out = adaptForKatex([{ tex: '\\begin{alignat}{2} a &= b\\end{alignat}' }, { tex: '\\begin{equation*} c \\end{equation*}' }]);
    expect(out.map((o) => o.tex)).toEqual(['\\begin{alignat*}{2} a &= b \\tag{1}\\end{alignat*}', '\\begin{equation*} c \\end{equation*}']);
  });
});

describe('adaptForKatex: numbering as MathJax 3 numbers (tags: ams)', () => {
  const adapt = (...tex: string[]) => adaptForKatex(tex.map((t) => ({ tex: t })));

  it('drops the empty last row a trailing \\\\ leaves: it takes no number, later numbers and \\eqref are not shifted', () => {
    const out = adapt('\\begin{align} a&=b \\\\ c&=d \\\\ \\end{align}', '\\begin{equation} e = f \\label{eq:e} \\end{equation}', '\\eqref{eq:e}');
    expect(out.map((o) => o.tex)).toEqual(['\\begin{align*} a&=b \\tag{1} \\\\ c&=d \\tag{2} \\\\ \\end{align*}', '\\begin{equation*} e = f  \\tag{3} \\end{equation*}', '\\text{(3)}']);
    expect(out.flatMap((o) => o.warnings)).toEqual([]);
    // `\\[3pt]` before it, a \tag or a \label in it: still empty; its label refers to nothing, with a warning.
    const [env, ref] = adapt('\\begin{gather} x \\\\[3pt] \\label{x}\\tag{Q} \\end{gather}', '\\eqref{x}');
    expect(env!.tex).toBe('\\begin{gather*} x \\tag{1} \\\\[3pt]  \\end{gather*}');
    expect(createMathRenderer().render(env!.tex, true).error).toBeUndefined();
    expect(env!.warnings).toEqual(['a \\label after the last \\\\ of gather is in an empty row, which MathJax drops: it refers to nothing; move it before the \\\\']);
    expect(ref!.tex).toBe('\\text{(?)}');
  });

  it('gives multline one number, on its last line, which \\eqref shows; \\tag and \\nonumber anywhere in it hold for it', () => {
    const out = adapt('\\begin{multline}\na + b \\label{eq:m} \\\\\n+ c\n\\end{multline}', '\\eqref{eq:m}', '\\begin{multline} a \\tag{T} \\\\ b \\label{t} \\end{multline}', '\\eqref{t}', '\\begin{multline} a \\nonumber \\\\ b \\end{multline}', '\\begin{equation} c \\end{equation}');
    expect(out.map((o) => o.tex)).toEqual([
      '\\begin{gather*}\na + b  \\\\\n+ c \\tag{1}\n\\end{gather*}',
      '\\text{(1)}',
      '\\begin{gather*} a  \\\\ b \\tag{T}  \\end{gather*}',
      '\\text{(T)}',
      '\\begin{gather*} a  \\\\ b \\end{gather*}',
      '\\begin{equation*} c \\tag{2} \\end{equation*}',
    ]);
    expect(out[0]!.warnings).toEqual([expect.stringContaining('multline is typeset as gather (KaTeX has no multline): every line is centred')]);
  });

  it('gives each \\label of a starred environment its own row’s \\tag', () => {
    const out = adapt('\\begin{align*}\np &= q \\tag{P} \\label{eq:p} \\\\\nr &= s \\tag{R} \\label{eq:r}\n\\end{align*}', '\\eqref{eq:p} \\eqref{eq:r}');
    expect(out.map((o) => o.tex)).toEqual(['\\begin{align*}\np &= q \\tag{P}  \\\\\nr &= s \\tag{R} \n\\end{align*}', '\\text{(P)} \\text{(R)}']);
  });

  it('takes a \\tag whose text has braces of its own (\\tag{$x_{1}$}) as the row’s tag, not a second one', () => {
    const out = adapt('\\begin{equation}\nx = 1 \\tag{$x_{1}$} \\label{x}\n\\end{equation}', '\\eqref{x}');
    expect(out.map((o) => o.tex)).toEqual(['\\begin{equation*}\nx = 1 \\tag{$x_{1}$} \n\\end{equation*}', '\\text{($x_{1}$)}']);
    const renderer = createMathRenderer();
    expect(out.map((o) => renderer.render(o.tex, true).error)).toEqual([undefined, undefined]);
  });

  it('typesets eqnarray as align (its middle column joined) and flalign as align, numbered row by row, with a warning where the look differs', () => {
    const out = adapt('\\begin{eqnarray}\nx &=& y \\\\\nz &=& w \\nonumber \\\\\nu &\\le& v \\label{u}\n\\end{eqnarray}', '\\begin{flalign} a &= b \\end{flalign}', '\\begin{eqnarray*} a &\\mbox{is}& b \\end{eqnarray*}', '\\begin{flalign*} c &= d \\end{flalign*}', '\\eqref{u}');
    expect(out.map((o) => o.tex)).toEqual([
      '\\begin{align*}\nx &= y \\tag{1} \\\\\nz &= w  \\\\\nu &\\le v  \\tag{2}\n\\end{align*}',
      '\\begin{align*} a &= b \\tag{3} \\end{align*}',
      '\\begin{align*} a &\\mbox{is} b \\end{align*}',
      '\\begin{align*} c &= d \\end{align*}',
      '\\text{(2)}',
    ]);
    expect(out[0]!.warnings).toEqual([]);
    expect(out[1]!.warnings).toEqual([expect.stringContaining('flalign is typeset as align (KaTeX has no flalign)')]);
    expect(out[2]!.warnings).toEqual([expect.stringContaining('eqnarray is typeset as align (KaTeX has no eqnarray): its middle column is joined to the right-hand side, so "\\mbox{is}" is not centred')]);
    const renderer = createMathRenderer();
    expect(out.slice(0, 2).map((o) => renderer.render(o.tex, true).error)).toEqual([undefined, undefined]);
  });
});

describe('adaptForKatex: a command with arguments as a script, as MathJax takes it', () => {
  it('braces a script that is a command with its arguments, or a page’s or site’s macro whose body is one; KaTeX then typesets it', () => {
    const site = { '\\vphi': '\\boldsymbol{\\phi}', '\\vect': '\\mathbf{#1}' };
    const [defs, use] = carryPageMacros(
      [{ tex: '\\newcommand{\\vtheta}{\\boldsymbol{\\theta}}\\newcommand{\\ab}{ab}\\newcommand{\\vv}[1]{\\vec{#1}}' }, { tex: '\\nabla_\\vtheta J + x_\\ab + q_\\vv x + z_\\vphi + w_\\vect{a}' }],
      20_000,
    );
    const out = adaptForKatex(
      [defs!, use!, { tex: 'x_\\boldsymbol\\mu + x_\\operatorname*{max} + y^\\overrightarrow{AB} + h_\\check{t} + x_\\sqrt[3]{a} + \\sum_\\alpha + x_\\frac12 + a_\\overparen{BC}' }],
      site,
    );
    expect(out[1]!.tex).toBe('\\nabla_{\\vtheta} J + x_\\ab + q_{\\vv x} + z_{\\vphi} + w_{\\vect{a}}');
    expect(out[2]!.tex).toBe('x_{\\boldsymbol\\mu} + x_{\\operatorname*{max}} + y^{\\overrightarrow{AB}} + h_{\\check{t}} + x_{\\sqrt[3]{a}} + \\sum_\\alpha + x_{\\frac12} + a_{\\overparen{BC}}');
    const renderer = createMathRenderer({ macros: site });
    expect(renderer.render(out[1]!.tex, false, use!.preamble).error).toBeUndefined();
    expect(renderer.render(out[2]!.tex, false).error).toBeUndefined();
  });
});

describe('array column specs MathJax accepts and KaTeX does not', () => {
  const adaptOne = (tex: string) => adaptForKatex([{ tex }])[0]!;
  const renderer = createMathRenderer();
  const spec = (tex: string) => /\\begin\{array\}(\{(?:[^{}]|\{[^{}]*\})*\})/.exec(adaptOne(tex).tex)![1];

  it('expands *{n}{…}, takes p, m, b{width} as l and w, W{align}{width} as their alignment, keeps | and :, silently', () => {
    for (const [tex, columns] of [
      ['\\begin{array}{*{3}{c}} 1&2&3 \\end{array}', '{ccc}'],
      ['\\begin{array}{p{2cm}c} a&b \\end{array}', '{lc}'],
      ['\\begin{array}{|m{1cm}|b{1in}:c|} a&b&c \\end{array}', '{|l|l:c|}'],
      ['\\begin{array}{*{2}{c|}r} a&b&c \\end{array}', '{c|c|r}'],
      ['\\begin{array}{*2l} a&b \\end{array}', '{ll}'],
      ['\\begin{array}{*{2}{*{2}{c}}} a&b&c&d \\end{array}', '{cccc}'],
      ['\\begin{array}{w{r}{2cm}W{l}{3cm}} a&b \\end{array}', '{rl}'],
      // Column padding only: leaving it out moves the columns by a space, no more.
      ['\\begin{array}{@{}l@{\\quad}r!{\\hspace{1em}}c@{}} a&b&c \\end{array}', '{lrc}'],
      // Other letters, which MathJax ignores, as before.
      ['\\begin{array}{a} a \\end{array}', '{c}'],
    ]) {
      const out = adaptOne(tex!);
      expect([tex, spec(tex!), out.warnings]).toEqual([tex, columns, []]);
      expect(renderer.render(out.tex, true).error, tex).toBeUndefined();
    }
    // A spec KaTeX takes as it is stays as written (error positions unmoved).
    expect(adaptOne('\\begin{array}{c | c} a&b \\end{array}').tex).toBe('\\begin{array}{c | c} a&b \\end{array}');
  });

  it('leaves out what KaTeX has no place for, with a warning that names it: text between columns, cell declarations, [t]', () => {
    const between = adaptOne('\\begin{array}{c@{:}c} a&b \\end{array}');
    expect(between.tex).toBe('\\begin{array}{cc} a&b \\end{array}');
    expect(between.warnings).toEqual([
      "\\begin{array}{c@{:}c}: KaTeX's array takes only l, c, r, | and : columns, so it is typeset without @{:} (between two columns); write that into the cells instead (text between two columns in a column of its own: a & : & b)",
    ]);
    expect(adaptOne('\\begin{array}{>{\\bf}c!{,}c} a&b \\end{array}').warnings).toEqual([expect.stringContaining('without >{\\bf} (before each cell of a column), !{,} (between two columns);')]);
    const top = adaptOne('x = \\begin{array}[t]{cc} a&b \\\\ c&d \\end{array}');
    expect(top.tex).toBe('x = \\begin{array}{cc} a&b \\\\ c&d \\end{array}');
    expect(top.warnings).toEqual([expect.stringContaining('\\begin{array}[t]: KaTeX has no vertical position for an array, so it is centred on the line, not aligned at its top row')]);
    expect(adaptOne('\\begin{array}[c]{c} a \\end{array}')).toEqual({ tex: '\\begin{array}{c} a \\end{array}', warnings: [] });
  });

  it('does not expand without bound: more than 256 columns, or a count that is not a number, is left as written with a warning', () => {
    for (const [tex, problem] of [
      ['\\begin{array}{*{100000}{c}} a \\end{array}', '*{100000}{c} makes more than 256 columns'],
      ['\\begin{array}{*{20}{*{20}{c}}} a \\end{array}', 'makes more than 256 columns'],
      ['\\begin{array}{*{n}{c}} a \\end{array}', '* needs a whole number and the columns it repeats: write *{3}{c} for ccc'],
    ]) {
      const out = adaptOne(tex!);
      expect(out.tex).toBe(tex);
      expect(out.warnings).toEqual([expect.stringContaining(problem!)]);
      expect(out.warnings[0]).toMatch(/^\\begin\{array\}\{.*\}: left as written, which KaTeX rejects \(it takes only l, c, r, \| and : columns\): /);
    }
  });
});

describe('a page’s own macros (\\newcommand, \\def, \\DeclareMathOperator)', () => {
  it('carries definitions to later formulas in document order, and a formula of definitions only typesets to nothing', () => {
    const p = page('macros');
    expect([p.found, p.typeset]).toEqual([9, 9]);
    expect(p.diagnostics).toEqual([]);
    // The definitions-only display formula: nothing given to KaTeX.
    expect(p.formulas[0]!.tex.trim()).toBe('');
    // Each later formula is given the definitions it uses, and only those.
    expect(p.formulas[1]!.tex).toBe('\\def\\R{\\mathbb{R}}W \\in \\R^{n \\times n}');
    expect(p.formulas[2]!.tex).toBe('\\def\\norm#1{\\left\\lVert #1 \\right\\rVert}\\norm{W x}');
    expect(p.formulas[3]!.tex).toBe('\\def\\argmin{\\operatorname*{arg\\,min}}\\def\\softmax{\\operatorname{softmax}}\\hat\\theta = \\argmin_\\theta \\softmax(z)_i');
    expect(p.formulas[5]!.tex).toBe('\\def\\E{\\mathbb{E}}\\E[y]');
    // \renewcommand holds from its formula on.
    expect(p.formulas[7]!.tex).toBe('\\def\\R{\\mathcal{R}}\\R(x)');
  });

  it('typesets the macros as their definitions: same markup as the TeX written out, no preamble in the MathML alttext', () => {
    const renderer = createMathRenderer();
    // KaTeX's markup as the build writes it (src/render/katex-markup.ts), without the TeX.
    const strip = (html: string) => oneTextCopy(html).replace(/ alttext="[^"]*"/, '');
    const macros = carryPageMacros(
      [
        { tex: '\\newcommand{\\R}{\\mathbb{R}}\\DeclareMathOperator*{\\argmin}{arg\\,min}' },
        { tex: 'x \\in \\R, \\argmin_x' },
        { tex: '\\newcommand{\\loss}[2][\\theta]{\\mathcal{L}_{#1}(#2)} \\loss{x} + \\loss[\\phi]{y}' },
        { tex: '\\def\\pair#1#2{(#1, #2)} \\pair ab' },
      ],
      20_000,
    );
    const out = macros.map((m) => renderer.render(m.tex, false, m.preamble));
    expect(out.map((o) => o.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(strip(out[1]!.html)).toBe(strip(katex.renderToString('x \\in \\mathbb{R}, \\operatorname*{arg\\,min}_x', { output: 'htmlAndMathml' })));
    expect(out[1]!.html).toContain('alttext="x \\in \\R, \\argmin_x"');
    expect(strip(out[2]!.html)).toBe(strip(katex.renderToString(' \\mathcal{L}_{\\theta}(x) + \\mathcal{L}_{\\phi}(y)', { output: 'htmlAndMathml' })));
    expect(strip(out[3]!.html)).toBe(strip(katex.renderToString('(a, b)', { output: 'htmlAndMathml' })));
  });

  it('carries \\let to later formulas like \\newcommand', () => {
    const out = carryPageMacros([{ tex: '\\let\\eps\\varepsilon \\let\\z = z' }, { tex: '\\eps > 0' }, { tex: '\\eps\\z' }], 20_000);
    expect(out.map((o) => [o.preamble, o.definitionsOnly])).toEqual([
      ['', true],
      ['\\let\\eps=\\varepsilon ', false],
      ['\\let\\eps=\\varepsilon \\let\\z=z', false],
    ]);
    const renderer = createMathRenderer();
    const strip = (html: string) => oneTextCopy(html).replace(/ alttext="[^"]*"/, '');
    expect(strip(renderer.render(out[1]!.tex, false, out[1]!.preamble).html)).toBe(strip(katex.renderToString('\\varepsilon > 0', { output: 'htmlAndMathml' })));
    expect(strip(renderer.render(out[2]!.tex, false, out[2]!.preamble).html)).toBe(strip(katex.renderToString('\\varepsilon z', { output: 'htmlAndMathml' })));
  });

  it('never carries macros to another page, and a later error still points into the formula as written', () => {
    const [, second] = carryPageMacros([{ tex: '\\def\\R{\\mathbb{R}}' }, { tex: '\\R + \\oops' }], 20_000);
    const again = carryPageMacros([{ tex: '\\R' }], 20_000);
    expect(again[0]!.preamble).toBe('');
    const r = createMathRenderer().render(second!.tex, false, second!.preamble);
    expect(r.error?.message).toContain('\\oops');
    expect(r.error?.texOffset).toBe(5);
  });

  it('bounds what the page’s macros cost a formula: a self-doubling macro is stopped by the formula limits', () => {
    const [, bomb] = carryPageMacros([{ tex: '\\def\\a{xx}\\def\\b{\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c}\\def\\e{\\d\\d\\d\\d}\\def\\f{\\e\\e\\e\\e}' }, { tex: '\\f\\f\\f\\f' }], 20_000);
    const r = createMathRenderer().render(bomb!.tex, false, bomb!.preamble);
    expect(r.error?.message).toMatch(/too big|expansion/i);
    const [, long] = carryPageMacros([{ tex: Array.from({ length: 50 }, (_, i) => `\\def\\m${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'xy'[i % 2]}{${'a'.repeat(100)}}`).join('') }, { tex: '\\maa' }], 100);
    expect(long!.preamble.length).toBeLessThanOrEqual(100);
  });
});

describe('MathJax-package commands KaTeX lacks (physics, braket, cancel, mhchem)', () => {
  const renderer = createMathRenderer();
  // KaTeX's markup as the build writes it without the TeX: line breaks as our fragments carry them
  // (render/katex.ts oneLine), glyphs in data-c (render/katex-markup.ts), no alttext.
  const strip = (html: string) => oneTextCopy(html.replace(/\n/g, '&#10;')).replace(/ alttext="[^"]*"/, '');
  const same = (written: string, meant: string) => {
    const r = renderer.render(written, false);
    expect(r.error, written).toBeUndefined();
    expect(strip(r.html), written).toBe(strip(katex.renderToString(meant, { output: 'htmlAndMathml', strict: 'ignore' })));
  };

  it.each([
    ['\\dv{f}{x}', '\\frac{\\mathrm{d}{f}}{\\mathrm{d}{x}}'],
    ['\\dv{x}', '\\frac{\\mathrm{d}}{\\mathrm{d}{x}}'],
    ['\\dv[2]{f}{x}', '\\frac{\\mathrm{d}^{2}{f}}{\\mathrm{d}{x}^{2}}'],
    ['\\dv*{f}{x}', '\\mathrm{d}{f}/\\mathrm{d}{x}'],
    ['\\pdv{L}{h_t}', '\\frac{\\partial{L}}{\\partial{h_t}}'],
    ['\\pdv{\\alpha x}{t}', '\\frac{\\partial{\\alpha x}}{\\partial{t}}'],
    ['\\pdv{f}{x}{y}', '\\frac{\\partial^{2}{f}}{\\partial{x}\\,\\partial{y}}'],
    ['\\pdv[3]{f}{x}', '\\frac{\\partial^{3}{f}}{\\partial{x}^{3}}'],
    ['\\fdv{F}{\\phi}', '\\frac{\\delta{F}}{\\delta{\\phi}}'],
    ['\\int f \\dd{x}', '\\int f \\mathop{}\\!\\mathrm{d}{x}'],
    ['\\abs{x}', '\\left\\lvert{x}\\right\\rvert'],
    ['\\abs*{x}', '\\lvert{x}\\rvert'],
    ['\\norm{\\frac12}', '\\left\\lVert{\\frac12}\\right\\rVert'],
    ['\\qty(f(x))', '\\left({f(x)}\\right)'],
    ['\\qty[a]', '\\left[{a}\\right]'],
    ['\\qty{a}', '\\left\\{{a}\\right\\}'],
    ['\\qty|x|', '\\left|{x}\\right|'],
    ['\\pqty{x}', '\\left({x}\\right)'],
    ['\\bqty{x}', '\\left[{x}\\right]'],
    ['\\eval{x^2}_0^1', '\\left.{x^2}\\right|_0^1'],
    ['\\order{n^2}', '\\mathcal{O}\\left(n^2\\right)'],
    ['\\expval{A}', '\\left\\langle{A}\\right\\rangle'],
    ['\\expval{A}{\\psi}', '\\left\\langle{\\psi}\\middle|{A}\\middle|{\\psi}\\right\\rangle'],
    ['\\mel{n}{H}{m}', '\\left\\langle{n}\\middle|{H}\\middle|{m}\\right\\rangle'],
    ['\\braket{\\phi}{\\psi}', '\\left\\langle{\\phi}\\middle|{\\psi}\\right\\rangle'],
    ['\\comm{A}{B}', '\\left[{A},{B}\\right]'],
    ['\\acomm{A}{B}', '\\left\\{{A},{B}\\right\\}'],
    ['\\vb{x}', '\\mathbf{x}'],
    ['\\vb*{\\alpha}', '\\boldsymbol{\\alpha}'],
    ['\\vu{n}', '\\hat{\\mathbf{n}}'],
    ['\\grad f + \\curl F + \\laplacian g', '\\nabla f + \\nabla\\times F + \\nabla^2 g'],
    ['\\tr A + \\Tr B + \\rank C', '\\operatorname{tr} A + \\operatorname{Tr} B + \\operatorname{rank} C'],
    ['\\mqty(a & b \\\\ c & d)', '\\begin{pmatrix}a & b \\\\ c & d\\end{pmatrix}'],
    ['\\mqty[a & b]', '\\begin{bmatrix}a & b\\end{bmatrix}'],
    ['\\pmqty{1 & 0}', '\\begin{pmatrix}1 & 0\\end{pmatrix}'],
    ['\\vb{a} \\cross \\vb{b} + \\vb{a} \\vdot \\vb{b}', '\\mathbf{a} \\times \\mathbf{b} + \\mathbf{a} \\mathbin{\\boldsymbol{\\cdot}} \\mathbf{b}'],
    ['a \\crossproduct b \\dotproduct c \\cp d', 'a \\times b \\mathbin{\\boldsymbol{\\cdot}} c \\times d'],
    ['\\flatfrac{a}{b} \\diffd x', '\\left.a\\middle/b\\right. \\mathrm{d} x'],
    ['f(x) = 0 \\mbox{ if } x < 0', 'f(x) = 0 \\text{ if } x < 0'],
    ['\\displaylines{a = b \\\\ c = d}', '\\begin{gathered}a = b \\\\ c = d\\end{gathered}'],
    ['\\idotsint_V f', '\\int\\cdots\\int_V f'],
    ['x \\buildrel \\text{def} \\over = y', 'x \\mathrel{\\mathop{=}\\limits^{\\text{def}}} y'],
    // MathJax's arc over (under) its argument, stretched to its width: KaTeX's \overgroup (\undergroup)
    ['\\overparen{AB} + \\underparen{x_1 x_2}', '\\overgroup{AB} + \\undergroup{x_1 x_2}'],
  ])('%s is typeset as %s', (written, meant) => same(written, meant));

  it('keeps KaTeX’s own braket, cancel and mhchem commands', () => {
    same('\\braket{\\phi|\\psi}', '\\mathinner{\\langle{\\phi|\\psi}\\rangle}');
    same('\\bra{a}\\ket{b}', '\\bra{a}\\ket{b}');
    expect(renderer.render('\\require{cancel}\\cancel{x}\\bcancel{y}\\xcancel{z}', false).error).toBeUndefined();
    expect(renderer.render('\\ce{2H2 + O2 -> 2H2O}', false).error).toBeUndefined();
  });

  it('lets the site’s and the page’s own definitions win', () => {
    const site = createMathRenderer({ macros: { '\\abs': '|#1|' } });
    expect(strip(site.render('\\abs{x}', false).html)).toBe(strip(katex.renderToString('|x|', { output: 'htmlAndMathml' })));
    const [, page] = carryPageMacros([{ tex: '\\newcommand{\\norm}[1]{\\|#1\\|}' }, { tex: '\\norm{v}' }], 20_000);
    expect(strip(renderer.render(page!.tex, false, page!.preamble).html)).toBe(strip(katex.renderToString('\\|v\\|', { output: 'htmlAndMathml' })));
  });

  it('a formula that redefines a package command changes it for that formula only', () => {
    const before = strip(renderer.render('\\abs{x}', false).html);
    const own = renderer.render('\\gdef\\abs#1{[#1]}\\abs{x}', false);
    expect(strip(own.html)).toBe(strip(katex.renderToString('\\gdef\\abs#1{[#1]}\\abs{x}', { output: 'htmlAndMathml' })));
    expect(strip(renderer.render('\\abs{y}', false).html)).not.toContain('[');
    expect(strip(renderer.render('\\abs{x}', false).html)).toBe(before);
  });

  it('says what to write instead of a MathJax command KaTeX lacks, at the command', () => {
    const r = renderer.render('a + \\cancelto{0}{x}', false);
    expect(r.error).toEqual({ message: expect.stringContaining('KaTeX has no \\cancelto (MathJax cancel): write \\cancel{x}'), texOffset: 4 });
    expect(renderer.render('\\bbox[red]{x}', false).error?.message).toContain('\\boxed');
    expect(renderer.render('\\unicode{x263A}', false).error?.message).toContain('write the character itself');
    expect(renderer.render('\\dmat{1,2}', false).error?.message).toContain('\\begin{pmatrix}');
    expect(withSuggestion('Undefined control sequence: \\foo')).toBe(
      'Undefined control sequence: \\foo. If a MathJax extension defined it, define \\foo yourself: with \\newcommand inside math on the page, before its first use ($\\newcommand{\\foo}{…}$), or in params.prerender.katex.macros in the site config',
    );
    // Two formulas written together are one formula with a `$` in it.
    expect(renderer.render('a$$b', false).error?.message).toBe(
      "Can't use function '$' in math mode. Two formulas written together ($a$$b$) are read as one: put a space between them ($a$ $b$); a dollar sign in a formula is \\$",
    );
    expect(renderer.render('\\qty(a', false).error?.message).toContain("Expected ')'");
  });

  it('locates the suggestion at file:line:column in hugo-prerender check', async () => {
    const r = await checkSite(path.join(PROJECT_ROOT, 'fixtures/mathjax-unknown'));
    const p = r.pages[0]!;
    expect([p.file, p.found, p.typeset]).toEqual(['content/posts/cancel.md', 2, 1]);
    expect(p.diagnostics.filter((d) => d.code === 'katex').map((d) => [d.line, d.column, d.message.split('. ')[1]])).toEqual([
      [7, 7, 'KaTeX has no \\cancelto (MathJax cancel): write \\cancel{x} and put the value beside it, e.g'],
    ]);
  });
});

describe('environments written for Markdown-then-MathJax', () => {
  it('are math in a paragraph and on their own, their escapes undone; with escapes = "none" they stay text', () => {
    const md = 'Then \\\\begin{equation} a\\_1 = b \\\\end{equation} and\n\n\\\\begin{align\\*}\nx &= y \\\\\\\\\nz &= w\n\\\\end{align\\*}\n';
    const spans = locateMath(md, { bodyOffset: 0, masked: [] }).spans;
    expect(spans.map((s) => [s.tex, s.display, s.line, s.column, md.slice(s.start, s.end)])).toEqual([
      ['\\begin{equation} a_1 = b \\end{equation}', true, 1, 6, '\\\\begin{equation} a\\_1 = b \\\\end{equation}'],
      ['\\begin{align*}\nx &= y \\\\\nz &= w\n\\end{align*}', true, 3, 1, md.slice(md.indexOf('\n\n') + 2, -1)],
    ]);
    const none = locateMath(md, { bodyOffset: 0, masked: [], math: { escapes: 'none' } });
    expect(none.spans).toEqual([]);
  });
});

describe('links in math: \\href and \\url, as in MathJax', () => {
  const renderer = createMathRenderer();
  const links = (html: string) => [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]);

  it('links http:, https:, mailto: and relative URLs (KaTeX, by default, showed a red \\href and lost the text), silently', () => {
    const r = renderer.render('\\href{https://example.org}{x} + 1', true);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(links(r.html)).toEqual(['https://example.org']);
    expect(r.html).not.toContain('#cc0000');
    // The text of the link is typeset (x), in the HTML and in the MathML, which carries the link too.
    expect(r.html).toMatch(/<a href="https:\/\/example.org"><span class="mord mathnormal"[^>]*>/);
    expect(r.html).toContain('<mi href="https://example.org">x</mi>');
    for (const [tex, url] of [
      ['\\url{https://example.org/~a\\#b}', 'https://example.org/~a#b'],
      ['\\href{/posts/a/#eq-1}{\\text{eq. 1}}', '/posts/a/#eq-1'],
      ['\\href{mailto:me@example.org}{me}', 'mailto:me@example.org'],
      ['\\text{see \\url{../b/}}', '../b/'],
      ['\\href{HTTP://EXAMPLE.ORG}{z}', 'HTTP://EXAMPLE.ORG'],
    ]) {
      const o = renderer.render(tex!, false);
      expect([tex, links(o.html), o.warnings]).toEqual([tex, [url], []]);
    }
  });

  it('never links javascript:, vbscript:, file: or data: (nor what KaTeX cannot read a scheme from): a warning at the command, never silent', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'data:image/png;base64,iVBORw0KGgo=',
      'javascript&colon;alert(1)',
      'javascript&#58;alert(1)',
      'java\tscript:alert(1)',
      'ftp://example.org/a',
    ]) {
      for (const command of ['\\href', '\\url']) {
        const tex = `a + ${command}{${url}}${command === '\\href' ? '{y}' : ''}`;
        const r = renderer.render(tex, false);
        expect(r.error, tex).toBeUndefined();
        expect(r.html, tex).not.toMatch(/<a\b|\shref=/);
        expect(r.warnings, tex).toEqual([{ message: expect.stringContaining(`${command}{`), texOffset: 4 }]);
        expect(r.warnings[0]!.message, tex).toMatch(/is not made a link: .*; the formula shows (the link's text|the URL as text), not linked\. Write an http:, https:, mailto: or relative URL, or the text alone$/);
        // Never KaTeX's red command name in its place.
        expect(r.html, tex).not.toContain('katex-error');
        expect(r.html, tex).not.toMatch(/color:\s*#cc0000/);
      }
    }
    expect(renderer.render('\\href{javascript:alert(1)}{y}', false).warnings[0]!.message).toContain('never javascript:, vbscript:, file: or data: ones (Goldmark drops those from Markdown links too)');
    expect(renderer.render('\\href{javascript&colon;alert(1)}{y}', false).warnings[0]!.message).toContain('KaTeX cannot tell its scheme');
    expect(renderer.render('\\href{ftp://example.org/a}{y}', false).warnings[0]!.message).toContain('not ftp: ones');
  });

  it('shows a refused link as its text, typeset as plain math (as MathJax’s reader saw it, without the link), not as KaTeX’s red \\href', () => {
    // The typeset formula, without the TeX it was written as (the MathML's annotation and alttext).
    const typeset = (html: string) => oneTextCopy(html).replace(/ alttext="[^"]*"/, '').replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/, '');
    const meant = (tex: string) => typeset(katex.renderToString(tex, { output: 'htmlAndMathml' }));
    for (const display of [false, true]) {
      expect(typeset(renderer.render('a + \\href{javascript:alert(1)}{y_1 + z}', display).html)).toBe(typeset(katex.renderToString('a + {y_1 + z}', { output: 'htmlAndMathml', displayMode: display })));
    }
    expect(typeset(renderer.render('\\href{vbscript:x}{\\text{see}} b', false).html)).toBe(meant('{\\text{see}} b'));
    expect(typeset(renderer.render('\\href{javascript&colon;alert(1)}{y}', false).html)).toBe(meant('{y}'));
    // \url: its URL in typewriter type, as the link's text would be.
    expect(typeset(renderer.render('\\url{javascript:alert(1)}', false).html)).toBe(meant('\\texttt{javascript:alert(1)}'));
    // From a macro too; an allowed link beside it is still KaTeX's link.
    const preamble = '\\def\\lnk#1{\\href{javascript:alert(1)}{#1}}';
    expect(typeset(renderer.render('\\lnk{y}', false, preamble).html)).toBe(meant('{y}'));
    const both = renderer.render('\\lnk{y} + \\href{https://example.org}{x}', false, preamble).html;
    expect(both).not.toContain('katex-error');
    expect([...both.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1])).toEqual(['https://example.org']);
  });

  it('says so for every other command KaTeX would need trust for, and for a refused link that comes from a macro (at the formula)', () => {
    const r = renderer.render('\\htmlClass{big}{x} + \\includegraphics[height=1em]{/a.png}', false);
    expect(r.warnings.filter((w) => !w.message.includes('[htmlExtension]'))).toEqual([
      { message: expect.stringMatching(/^\\htmlClass is not typeset: .*Take it out and keep its content$/), texOffset: 0 },
      { message: expect.stringMatching(/^\\includegraphics\{\/a\.png\} is not typeset: .*as a Markdown image or a figure$/), texOffset: 21 },
    ]);
    const macro = renderer.render('\\lnk{y} + \\href{https://example.org}{x}', false, '\\def\\lnk#1{\\href{javascript:alert(1)}{#1}}');
    expect(links(macro.html)).toEqual(['https://example.org']);
    expect(macro.warnings).toEqual([{ message: expect.stringContaining('\\href{javascript:alert(1)} is not made a link') }]);
  });

  it('keeps one copy of the link in a feed (MathML only): its text, with MathML’s href', () => {
    const r = renderer.render('\\href{https://example.org}{x} + 1', false);
    const feed = feedVariant(r.html)!;
    expect(feed).not.toContain('<a ');
    expect(feed.match(/>x</g)).toHaveLength(1);
    expect(feed).toContain('<mi href="https://example.org">x</mi>');
  });

  it('typesets the fixture page and locates the refused link at file:line:column in hugo-prerender check', () => {
    const p = page('links');
    expect(p.formulas.map((f) => f.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(p.diagnostics.map((d) => [d.severity, d.line, d.column, d.message.split(':')[0]])).toEqual([['warning', 9, 18, '\\href{javascript']]);
  });
});

describe('params.prerender.math.numbering = "none" (MathJax 3’s default, tags: none)', () => {
  it('numbers no row by itself; \\tag still numbers its row, and \\eqref finds it; a label of an unnumbered row is (?)', () => {
    const out = adaptForKatex(
      [
        { tex: '\\begin{align}a &= b \\label{ab}\\\\ c &= d \\tag{T} \\label{cd}\\end{align}' },
        { tex: '\\begin{equation} e = f \\end{equation}' },
        { tex: '\\eqref{cd} \\eqref{ab}' },
      ],
      {},
      'none',
    );
    expect(out.map((o) => o.tex)).toEqual([
      '\\begin{align*}a &= b \\\\ c &= d \\tag{T} \\end{align*}',
      '\\begin{equation*} e = f \\end{equation*}',
      '\\text{(T)} \\text{(?)}',
    ]);
    expect(out[2]!.warnings).toEqual([expect.stringContaining('ab')]);
  });

  it('is read from the site config, and a value other than "ams" or "none" is a warning there', () => {
    expect(prerenderOptions({ params: { prerender: { math: { numbering: 'none' } } } }).options.math).toEqual({ escapes: 'auto', numbering: 'none' });
    expect(prerenderOptions({ params: { prerender: { math: { numbering: 'ams' } } } }).options.math).toEqual({ escapes: 'auto' });
    const bad = prerenderOptions({ params: { prerender: { math: { numbering: 'mathjax' } } } });
    expect(bad.options.math).toEqual({ escapes: 'auto' });
    expect(bad.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/numbering.*"ams".*"none"|numbering.*ams.*none/)]);
  });
});

describe('equation numbers in footnotes: in the order the rendered page shows them, as MathJax numbers them', () => {
  // Goldmark (Hugo 0.111.3) renders this page's footnotes at its end as two, one, three, four (the
  // definitions' references are read where the first definition is written, before the body after it:
  // [^three], cited in [^two], comes before [^four]), and leaves [^unused] out. MathJax 3.2.2 (tags:
  // 'ams') on Hugo's HTML numbers b1 1, b2 2, f2 3, f1 4, f3 5, f4 6.
  const page = [
    '---',
    'title: notes',
    '---',
    'The body cites the second note first[^two] and then the first[^one].',
    '',
    '[^one]: First note: $$\\begin{equation} f1 \\label{f1} \\end{equation}$$',
    '',
    '[^unused]: Never cited: $$\\begin{equation} u \\label{u} \\end{equation}$$',
    '',
    '$$\\begin{equation} b1 \\label{b1} \\end{equation}$$',
    '',
    '[^two]: Second note: $$\\begin{equation} f2 \\label{f2} \\end{equation}$$ and see[^three]',
    '',
    'The body again[^four]: $$\\begin{equation} b2 \\label{b2} \\end{equation}$$',
    '',
    '[^three]: Third: $$\\begin{equation} f3 \\label{f3} \\end{equation}$$',
    '',
    '[^four]: Fourth: $$\\begin{equation} f4 \\label{f4} \\end{equation}$$',
    '',
    'References: $\\eqref{b1}$ $\\eqref{b2}$ $\\eqref{f1}$ $\\eqref{f2}$ $\\eqref{f3}$ $\\eqref{f4}$ $\\eqref{u}$',
    '',
  ].join('\n');
  const numbers = async (source: string) => {
    const r = await prerenderPage(source, pageEnv());
    const shown = r.formulas.map((f) => /\\tag\{([^}]*)\}/.exec(f.tex)?.[1] ?? /\\text\{\(([^)]*)\)\}/.exec(f.tex)?.[1]);
    return { shown, warnings: r.diagnostics.filter((d) => d.code === 'mathjax').map((d) => d.message) };
  };

  it('numbers the body first, then each footnote in Goldmark’s order; \\eqref shows those numbers', async () => {
    const { shown, warnings } = await numbers(page);
    // In the order written: f1, u, b1, f2, b2, f3, f4, then the references.
    expect(shown).toEqual(['4', undefined, '1', '3', '2', '5', '6', '1', '2', '4', '3', '5', '6', '?']);
    expect(warnings).toEqual([expect.stringContaining('\\eqref{u} refers to a \\label{u} in a footnote that no text on the page refers to, which Hugo leaves out')]);
  });

  it('numbers so on a large page too, whose text without math is left out of the parse', async () => {
    const filler = Array.from({ length: 500 }, (_, i) => `Plain paragraph ${i} without anything in it but words, words and words.`).join('\n\n');
    const { shown } = await numbers(page.replace('The body cites', `${filler}\n\nThe body cites`));
    expect(shown).toEqual(['4', undefined, '1', '3', '2', '5', '6', '1', '2', '4', '3', '5', '6', '?']);
  });

  it('follows Goldmark’s labels: a reference names the first definition of exactly its label', () => {
    // `[^C]` names no definition in Goldmark (remark's would be [^c]'s).
    const tree = locateMath('A[^b] B[^a] C[^C]\n\n[^a]: one\n\n[^b]: two\n\n[^a]: again\n\n[^c]: none\n', { bodyOffset: 0, masked: [] }).inlineTree!;
    expect(footnoteDefinitions(tree).map((d) => [d.label, d.place])).toEqual([
      ['a', 1],
      ['b', 0],
      ['a', undefined],
      ['c', undefined],
    ]);
  });
});
