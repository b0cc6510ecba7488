/**
 * Limits on what one page may cost (params.prerender.limits: mathTokens, mathExpansions, mathMaxSize,
 * fragmentBytes, outputBytes): a runaway formula or plot is an error at its place, and the other pages
 * keep their output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { bytesOver, pageTooBig } from '../../src/render/output-limits.js';

const site = tempSites('hp-limits-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n' } });

/** A macro bomb: each \c is 100 \a, each \a `n` tokens (n = 2000: 2.2 KB of TeX, 1.6 million tokens). */
function macroBomb(n: number): string {
  const ten = (m: string) => m.repeat(10);
  return `\\def\\a{${'x'.repeat(n)}}\\def\\b{${ten('\\a')}}\\def\\c{${ten('\\b')}}${'\\c'.repeat(8)}`;
}

describe('byte counts against a limit', () => {
  it('counts UTF-8 bytes, not code units, at and around the limit', () => {
    expect(bytesOver('€€€', 9)).toBeUndefined(); // 9 bytes
    expect(bytesOver('€€€', 8)).toBe(9);
    expect(bytesOver('aaaa', 3)).toBe(4);
    expect(bytesOver('aaaa', 4)).toBeUndefined();
    expect(bytesOver('😀', 3)).toBe(4); // two code units, four bytes
    expect(bytesOver('😀', 4)).toBeUndefined();
    expect(bytesOver('é'.repeat(1000), 1999)).toBe(2000);
    expect(bytesOver('', 0)).toBeUndefined();
  });

  it("a page's output is its shadow and fragments together, in bytes", () => {
    expect(pageTooBig('€€', [{ html: '€' }], 9)).toBeUndefined();
    expect(pageTooBig('€€', [{ html: '€' }], 8)).toMatch(/^this page's prerendered output is 9 bytes, more than the limit of 8 bytes /);
    expect(pageTooBig(undefined, [{ html: 'ab' }, { html: 'c' }], 2)).toMatch(/is 3 bytes, more than the limit of 2 bytes/);
  });
});

describe('math limits', () => {
  it('a 2.2 KB and a 22 KB macro bomb are refused by the token budget, not typeset', () => {
    const r = createMathRenderer();
    for (const n of [2000, 20000]) {
      const tex = macroBomb(n);
      expect(tex.length).toBeGreaterThan(n);
      const out = r.render(tex, true);
      expect(out.html).toBe('');
      expect(out.error?.message).toBe(
        'the formula is too big to typeset: more than 20,000 tokens once its macros are expanded (params.prerender.limits.mathTokens); split it, or look for a macro that expands into itself or into copies of its argument',
      );
    }
  });

  it('with errors = "render" a bomb becomes an escaped error span', () => {
    const out = createMathRenderer({ errors: 'render' }).render(`${macroBomb(2000)}<b>`, false);
    expect(out.html).toMatch(/^<span class="katex-error" title="the formula is too big to typeset: [^"]*" style="color:#cc0000">\\def\\a\{x+\}/);
    expect(out.html).toContain('&lt;b&gt;</span>');
  });

  it('a formula just under the budget is typeset; the budget is a setting', () => {
    const tex = 'x+'.repeat(2000);
    expect(createMathRenderer().render(tex, false).error).toBeUndefined();
    expect(createMathRenderer({ limits: { mathTokens: 1000 } }).render(tex, false).error?.message).toMatch(/^the formula is too big to typeset: more than 1,000 tokens/);
  });

  it('maxExpand and maxSize are set: a self-expanding macro is an error naming the setting and its value, a huge rule is capped', () => {
    const r = createMathRenderer({ limits: { mathExpansions: 50, mathMaxSize: 20 } });
    expect(r.render('\\def\\a{\\a}\\a', false).error).toEqual({
      message:
        'too many macro expansions: this formula expands more macros than params.prerender.limits.mathExpansions allows (50); ' +
        'look for a macro that expands into itself (an endless loop), or raise params.prerender.limits.mathExpansions in the site config if the formula is meant to expand this much',
    });
    // KaTeX's words (its own option, maxExpand) appear nowhere, not even in the error span's title.
    const span = createMathRenderer({ errors: 'render', limits: { mathExpansions: 50 } }).render('\\def\\a{\\a}\\a', false).html;
    expect(span).toMatch(/^<span class="katex-error" title="too many macro expansions: [^"]*\(50\);/);
    expect(span).not.toMatch(/maxExpand/);
    const rule = r.render('\\rule{100000em}{1em}', false).html;
    expect(rule).toMatch(/border-right-width:20em/);
    expect(rule).not.toMatch(/width:100000/);
  });
});

describe('a runaway page costs only itself', () => {
  it('a bomb fails its page at the formula; the page beside it is prerendered', async () => {
    const dir = site({
      'content/bomb.md': `---\ntitle: B\n---\nIntro.\n\n$$${macroBomb(2000)}$$\n`,
      'content/fine.md': '---\ntitle: F\n---\nFine $x^2$.\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message.slice(0, 52)}`)).toEqual([
      'content/bomb.md:6:1: error: the formula is too big to typeset: more than 20,000 ',
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/bomb.md'))).toBe(false);
    expect(readFileSync(path.join(dir, '.prerender/content/fine.md'), 'utf8')).toMatch(/^---\ntitle: F\n---\nFine \{\{< prerender /);
  });

  it('a macro bomb over mathExpansions is an error at its formula naming the site\'s setting and its value', async () => {
    const doubling = 'abcdefghijk'.split('').map((c, i, all) => (i + 1 < all.length ? `\\def\\${c}{\\${all[i + 1]}\\${all[i + 1]}}` : `\\def\\${c}{x}`));
    const dir = site({
      'hugo.toml': 'title = "t"\n[params.prerender.limits]\nmathExpansions = 300\n',
      'content/bomb.md': `---\ntitle: B\n---\nSee $${doubling.join('')}\\a$.\n`,
      'content/fine.md': '---\ntitle: F\n---\n$\\def\\d{\\e\\e}\\def\\e{y}\\d$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      'content/bomb.md:4:5: too many macro expansions: this formula expands more macros than params.prerender.limits.mathExpansions allows (300); ' +
        'look for a macro that expands into itself (an endless loop), or raise params.prerender.limits.mathExpansions in the site config if the formula is meant to expand this much',
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/fine.md'))).toBe(true);
  });

  const csv = 'step,loss\n' + Array.from({ length: 4000 }, (_, i) => `${i},${(1 / (i + 1)).toFixed(6)}`).join('\n') + '\n';

  it('a plot whose SVG is over fragmentBytes is an error at the shortcode', async () => {
    const dir = site({
      'hugo.toml': 'title = "t"\n[params.prerender.limits]\nfragmentBytes = 50000\n',
      'content/p/index.md': '---\ntitle: P\n---\n{{< plot file="d.csv" table=false >}}\n',
      'content/p/d.csv': csv,
      'content/q.md': '---\ntitle: Q\n---\n$q$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'content/p/index.md', line: 4, column: 1, severity: 'error', code: 'limit', message: expect.stringMatching(/^plot: its output is \d+ kB, more than the limit of 50 kB \(params\.prerender\.limits\.fragmentBytes\); make it smaller/) }),
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/p/index.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content/q.md'))).toBe(true);
  });

  it('ten plots each under fragmentBytes but over outputBytes together: one error at the page, the others built', async () => {
    const dir = site({
      'hugo.toml': 'title = "t"\n[params.prerender.limits]\noutputBytes = 300000\n',
      'content/p/index.md': `---\ntitle: P\n---\n${Array.from({ length: 10 }, (_, i) => `{{< plot file="d.csv" table=false caption="Run ${i}" >}}`).join('\n\n')}\n`,
      'content/p/d.csv': csv,
      'content/q.md': '---\ntitle: Q\n---\n$q$\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'content/p/index.md', line: 1, column: 1, severity: 'error', code: 'limit', message: expect.stringMatching(/^this page's prerendered output is (\d+ kB|\d\.\d MB), more than the limit of 300 kB \(params\.prerender\.limits\.outputBytes\).*; it was not prerendered, the other pages were$/) }),
    ]);
    expect(existsSync(path.join(dir, '.prerender/content/p/index.md'))).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/content/q.md'))).toBe(true);
  });
});
