import { describe, expect, it, vi } from 'vitest';
import { createMathRenderer, KATEX_VERSION } from '../../src/render/katex.js';
// @ts-expect-error plain JS module shared with the esbuild build
import { MATH_GROUP_DEPTH } from '../../scripts/katex-plugin.mjs';

describe('createMathRenderer', () => {
  it('renders inline math as HTML and MathML', () => {
    const r = createMathRenderer().render('h_{t-1}', false);
    expect(r.error).toBeUndefined();
    expect(r.html).toMatch(/^<span class="katex">/);
    expect(r.html).toContain('<math');
    expect(r.html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="h_{t-1}">');
    expect(r.html).not.toContain('<annotation');
    expect(r.html).toContain('class="katex-html"');
    expect(r.html).not.toContain('katex-display');
  });

  it('writes a formula over several lines as one line: the same alttext, no line a Markdown pass could read as a list', () => {
    const tex = 'a\n- b\r\n+ c';
    const r = createMathRenderer().render(tex, true);
    expect(r.html).not.toMatch(/[\r\n]/);
    expect(r.html).toContain('alttext="a&#10;- b&#13;&#10;+ c"');
    const alttext = /alttext="([^"]*)"/.exec(r.html)![1]!;
    expect(alttext.replace(/&#10;/g, '\n').replace(/&#13;/g, '\r')).toBe(tex);
  });

  it('renders display math in display mode', () => {
    const r = createMathRenderer().render('\\sum_i x_i', true);
    expect(r.html).toMatch(/^<span class="katex-display">/);
    expect(r.html).toContain('display="block"');
  });

  it('reports a parse error with its message and the offset in the given tex', () => {
    const tex = 'a + \\frac{1}{2} + \\undefinedcontrol + b';
    const r = createMathRenderer().render(tex, false);
    expect(r.html).toBe('');
    expect(r.error?.message).toContain('Undefined control sequence: \\undefinedcontrol');
    expect(r.error?.message).not.toMatch(/^KaTeX parse error/);
    expect(r.error?.texOffset).toBe(tex.indexOf('\\undefinedcontrol'));
  });

  it("with errors: 'render' returns KaTeX's error span as well as the error", () => {
    const r = createMathRenderer({ errors: 'render' }).render('x^', false);
    expect(r.error?.message).toMatch(/Expected group/);
    expect(r.error?.texOffset).toBe(1); // the `^` that lacks its group
    expect(r.html).toContain('class="katex-error"');
    expect(r.html).toContain('color:#cc0000');
  });

  it('says that a formula nests too deeply, at the group past the limit (it advised balancing balanced braces)', () => {
    const r = createMathRenderer({ limits: { mathTokens: 1_000_000 } }).render(`${'{'.repeat(20_000)}x${'}'.repeat(20_000)}`, false);
    expect(r.error?.message).toBe(`its groups (braces, arguments, \\left…\\right, environments) nest more than ${MATH_GROUP_DEPTH} levels deep; write it with fewer levels`);
    // Each brace and the x are a group each: the brace at index 200 is the 201st.
    expect(r.error?.texOffset).toBe(MATH_GROUP_DEPTH);
  });

  // KaTeX recursed until the thread's stack ran out: 405 nested pmatrix in the build's thread (984 KB), over
  // a thousand in a worker's (4 MB), so the same page typeset with one --jobs and failed with another.
  const nests: Record<string, (n: number) => string> = {
    braces: (n) => `${'{'.repeat(n)}x${'}'.repeat(n)}`,
    pmatrix: (n) => `${'\\begin{pmatrix}'.repeat(n)}x${'\\end{pmatrix}'.repeat(n)}`,
    cases: (n) => `${'\\begin{cases}'.repeat(n)}x${'\\end{cases}'.repeat(n)}`,
    superscripts: (n) => `${'x^{'.repeat(n)}y${'}'.repeat(n)}`,
    'left-right': (n) => `${'\\left(\\frac{'.repeat(n)}x${'}{y}\\right)'.repeat(n)}`,
    boxed: (n) => `${'\\boxed{'.repeat(n)}x${'}'.repeat(n)}`,
    'a macro': (n) => `\\def\\g#1{{#1}}${'\\g{'.repeat(n)}x${'}'.repeat(n)}`,
  };
  for (const [kind, make] of Object.entries(nests)) {
    it(`nested ${kind}: typesets 40 levels; 500 and 3000 levels are the same nesting error, whatever the stack`, () => {
      const render = createMathRenderer({ limits: { mathTokens: 1_000_000 } });
      const ok = render.render(make(40), true);
      expect(ok.error, kind).toBeUndefined();
      expect(ok.html).toContain('class="katex-display"');
      for (const n of [500, 3000]) {
        const r = render.render(make(n), true);
        expect(r.error?.message, `${kind} × ${n}`).toMatch(new RegExp(`nest more than ${MATH_GROUP_DEPTH} levels deep; write it with fewer levels$`));
        // Located, but for \\boxed: KaTeX's token is in the macro's expansion, so the formula's start is named.
        if (kind !== 'boxed') expect(r.error?.texOffset, `${kind} × ${n}`).toBeGreaterThan(0);
      }
      // What is left of the budget after an error: the next formula typesets.
      expect(render.render('a+b', false).error).toBeUndefined();
    });
  }

  it('reports an Error KaTeX throws that is not a ParseError (an \\end name with a space) as a formula error', () => {
    // Found by the fuzz suite: KaTeX asserts "Expected node of type textord, but got node of type spacing".
    const tex = '\\begin{aligned}a\\end{text aligned}';
    for (const errors of ['render', 'fail'] as const) {
      const r = createMathRenderer({ errors }).render(tex, true);
      expect(r.error?.message).toMatch(/^KaTeX cannot typeset this formula \(Expected node of type textord/);
      expect(r.error?.message).toContain('\\begin has its \\end');
      if (errors === 'render') expect(r.html).toContain('class="katex-error"');
      else expect(r.html).toBe('');
    }
  });

  it('applies macros, copied for every render so \\gdef does not leak', () => {
    const m = createMathRenderer({ macros: { '\\RR': '\\mathbb{R}' } });
    expect(m.render('x \\in \\RR', false).html).toContain('mathvariant="double-struck"');
    expect(m.render('\\gdef\\foo{42} \\foo', false).html).toContain('42');
    const after = m.render('\\foo', false);
    expect(after.error?.message).toContain('Undefined control sequence: \\foo');
    // And the configured macros survive.
    expect(m.render('\\RR^n', false).error).toBeUndefined();
  });

  it('does not mutate the macros object it was given', () => {
    const macros = { '\\a': 'b' };
    createMathRenderer({ macros }).render('\\gdef\\z{1}\\z', false);
    expect(macros).toEqual({ '\\a': 'b' });
  });

  it('caches by (tex, display)', () => {
    const m = createMathRenderer();
    const a = m.render('x^2', false);
    const b = m.render('x^2', false);
    m.render('x^2', true);
    expect(a.cached).toBeUndefined();
    expect(b).toEqual({ ...a, cached: true });
    expect(m.stats()).toEqual({ rendered: 2, cacheHits: 1 });
  });

  it('keeps a formula in use while the others go, least recently used first', () => {
    const m = createMathRenderer();
    // x_{0} is asked for again every 100 formulas: 3000 others pass through, it is typeset once.
    m.render('x_{0}', false);
    for (let i = 1; i <= 3000; i++) {
      m.render(`x_{${i}}`, false);
      if (i % 100 === 0) expect(m.render('x_{0}', false).cached).toBe(true);
    }
    expect(m.stats()).toEqual({ rendered: 3001, cacheHits: 30 });
    // x_{1} was not: it went long ago.
    expect(m.render('x_{1}', false).cached).toBeUndefined();
  });

  it('holds a bounded number of results: the oldest are typeset again', () => {
    const m = createMathRenderer();
    // About 1000 characters of HTML each: 3000 of them are past the cache's 1 M characters.
    for (let i = 0; i < 3000; i++) m.render(`x_{${i}}`, false);
    m.render('x_{2999}', false);
    expect(m.stats()).toEqual({ rendered: 3000, cacheHits: 1 });
    m.render('x_{0}', false);
    expect(m.stats()).toEqual({ rendered: 3001, cacheHits: 1 });
  });

  it('cached results cannot be corrupted by callers', () => {
    const m = createMathRenderer();
    m.render('\\require{cancel}x', false).warnings.push({ message: 'mine' });
    expect(m.render('\\require{cancel}x', false).warnings).toHaveLength(1);
  });

  it('typesets mhchem', () => {
    const m = createMathRenderer();
    const ce = m.render('\\ce{CO2 + C -> 2 CO}', true);
    expect(ce.error).toBeUndefined();
    expect(ce.html).toContain('CO');
    expect(m.render('\\pu{123 kJ/mol}', false).error).toBeUndefined();
  });

  it('strips \\require with a warning and keeps error offsets', () => {
    const m = createMathRenderer();
    const r = m.render('\\require{mhchem}\\ce{H2O}', false);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([{ message: expect.stringContaining('\\require{mhchem} is MathJax-only'), texOffset: 0 }]);
    expect(m.render('x + \\require{cancel}\\cancel{y}', false).warnings).toEqual([{ message: expect.stringContaining('\\require{cancel}'), texOffset: 4 }]);
    const bad = m.render('\\require{cancel} x^', false);
    expect(bad.error?.texOffset).toBe('\\require{cancel} x'.length);
  });

  it('collects strict-mode reports instead of printing them', () => {
    const m = createMathRenderer();
    const r = m.render('x + é', false);
    expect(r.error).toBeUndefined();
    // Each where it is in the formula: the character, the \\ (its token, passed by scripts/katex-plugin.mjs).
    expect(r.warnings).toEqual([{ message: expect.stringContaining('[unicodeTextInMathMode]'), texOffset: 4 }]);
    expect(m.render('a \\\\ b', true).warnings).toEqual([
      { message: expect.stringMatching(/does nothing in display mode: to break the line, write the rows in .*gathered.* \[newLineInDisplayMode\]$/), texOffset: 2 },
    ]);
    // With a preamble (a page's macro definitions), still an offset into the formula's own text.
    expect(m.render('a \\\\ b', true, '\\def\\x{1}').warnings).toEqual([{ message: expect.stringContaining('[newLineInDisplayMode]'), texOffset: 2 }]);
    // From a macro's body (KaTeX's own \\newline is one): not in the formula's text, so no offset (the
    // warning is at the formula).
    const macro = createMathRenderer({ macros: { '\\br': 'a \\\\ b' } }).render('x \\br', true);
    expect(macro.warnings).toEqual([{ message: expect.stringContaining('[newLineInDisplayMode]') }]);
    expect(m.render('a \\newline b', true).warnings).toEqual([{ message: expect.stringContaining('[newLineInDisplayMode]') }]);
  });

  it('strict: "error" fails a formula on its first report (a \\\\ too, which KaTeX never throws for), "ignore" drops them', () => {
    const fail = createMathRenderer({ strict: 'error' });
    const r = fail.render('x + é', false);
    expect(r.html).toBe('');
    expect(r.error).toEqual({ message: expect.stringMatching(/^LaTeX-incompatible input \(params\.prerender\.katex\.strict = "error"\): Accented Unicode text character "é".*\[unicodeTextInMathMode\]$/), texOffset: 4 });
    expect(r.warnings).toEqual([]);
    expect(fail.render('a \\\\ b', true).error).toEqual({ message: expect.stringContaining('[newLineInDisplayMode]'), texOffset: 2 });
    // A \require is still only a warning; a formula with no report is typeset as ever.
    const required = fail.render('\\require{cancel}x', false);
    expect(required.error).toBeUndefined();
    expect(required.warnings).toEqual([{ message: expect.stringContaining('MathJax-only'), texOffset: 0 }]);
    expect(fail.render('a \\\\ b', false).error).toBeUndefined();
    // With errors: 'render', KaTeX's red error span instead.
    expect(createMathRenderer({ strict: 'error', errors: 'render' }).render('é', false).html).toContain('katex-error');
    const quiet = createMathRenderer({ strict: 'ignore' }).render('x + é', false);
    expect(quiet.error).toBeUndefined();
    expect(quiet.warnings).toEqual([]);
    expect(quiet.html).toBe(createMathRenderer().render('x + é', false).html);
  });

  it("collects KaTeX's own console output (\\message) and restores the console", () => {
    const log = vi.spyOn(console, 'log');
    const r = createMathRenderer().render('\\message{hello} x', false);
    expect(r.warnings).toEqual([{ message: 'hello' }]);
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('exports the KaTeX version', () => {
    expect(KATEX_VERSION).toBe('0.16.47');
  });
});
