/**
 * Posts written for MathJax typeset with no settings (issue 11): one fixture page per construct in
 * fixtures/mathjax, checked through `checkSite` (what `hugo-prerender check` prints), with the number of
 * typeset formulas and the TeX KaTeX was given.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type CheckResult } from '../../src/check.js';
import { adaptForKatex } from '../../src/render/mathjax-compat.js';
import { PROJECT_ROOT } from '../helpers/hugo.js';

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
      compat: [3, 3],
      dollars: [3, 3],
      environments: [7, 7],
      escaped: [6, 6],
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
    ]);
  });

  it('follows MathJax for dollars: spaces inside, \\$, prices', () => {
    expect(texOf('dollars')).toEqual(['\\varepsilon', '\\varepsilon', 'x_1 + x_2']);
  });

  it('takes environments outside delimiters, numbers them across the page and resolves \\eqref', () => {
    const tex = texOf('environments');
    expect(tex[0]).toBe('\\begin{equation*}\nE = mc^2  \\tag{1}\n\\end{equation*}');
    expect(tex[1]).toBe('\\begin{align*}\na &= b + c \\\\\nd &= e\n\\end{align*}');
    expect(tex[2]).toBe('\\begin{gather*}\nx = 1 \\tag{2} \\\\\ny = 2 \n\\end{gather*}');
    expect(tex[3]).toBe('\\begin{gather*}\na + b + c \\tag{3} \\\\\n+ d + e \\tag{4}\n\\end{gather*}');
    expect(tex[4]).toContain('\\begin{CD}');
    expect(tex.slice(5)).toEqual(['\\text{(1)}', '\\text{1}']);
    expect(page('environments').diagnostics.map((d) => [d.line, d.code])).toEqual([[19, 'mathjax']]);
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

  it('emulates MathJax leniencies KaTeX lacks: _\\cmd{…}, unknown array columns, \\require', () => {
    expect(texOf('compat')).toEqual([
      '\\mathbf{J}_{\\boldsymbol{\\sigma}} = \\operatorname{diag}(\\sigma)',
      '\\left[ \\begin{array}{c} a_1 \\\\ a_2 \\end{array} \\right]',
      '\\require{cancel} \\cancel{x} + \\bm{v}',
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
