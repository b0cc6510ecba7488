/**
 * Pre-release review of the core pipeline: each test pins one bug that was found and fixed
 * (see the commit that added it).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, ONE_PIXEL_PNG, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { validateParams, type ParamSpecs } from '../../src/render/params.js';
import { shadowFragments } from '../../src/site/handoff.js';

const site = tempSites('hp-review-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });

/** The fragments inline in a shadow, in order. */
function fragmentsOf(dir: string, shadow: string): string[] {
  return [...shadowFragments(readFileSync(path.join(dir, '.prerender/content', shadow), 'utf8')).values()];
}
const fragmentOf = (dir: string, shadow: string) => fragmentsOf(dir, shadow)[0]!;

describe('core pipeline review', () => {
  it('the same plot in two page bundles shows each bundle its own data file', async () => {
    const plot = '---\ntitle: P\n---\n{{< plot file="d.csv" x="x" y="y" >}}\n';
    const dir = site({
      'content/posts/a/index.md': plot,
      'content/posts/a/d.csv': 'x,y\n0,1\n1,2\n2,3\n',
      'content/posts/b/index.md': plot,
      'content/posts/b/d.csv': 'x,y\n0,1000\n1,2000\n2,3000\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const a = fragmentOf(dir, 'posts/a/index.md');
    const b = fragmentOf(dir, 'posts/b/index.md');
    expect(a).not.toBe(b);
    expect(b).toMatch(/>3,?000</);
    expect(a).not.toMatch(/>3,?000</);
  });

  it('ships the KaTeX stylesheet when the only math on the site is in a figure caption', async () => {
    const dir = site({
      'content/posts/p/index.md': '---\ntitle: P\n---\n{{< figure src="i.png" caption="State $h_t$" >}}\n',
      'content/posts/p/i.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(false);
    expect(fragmentOf(dir, 'posts/p/index.md')).toContain('class="katex');
    expect(existsSync(path.join(dir, '.prerender/static/prerender/katex/katex.min.css'))).toBe(true);
    // And still on the next build, when nothing changed.
    await buildSite({ source: dir });
    expect(existsSync(path.join(dir, '.prerender/static/prerender/katex/katex.min.css'))).toBe(true);
  });

  it('keeps shipping the KaTeX stylesheet when the only math is in a diagram caption reused from the cache', async () => {
    const dir = site({ 'content/posts/t.md': '---\ntitle: T\n---\n{{< rnn-unroll caption="The state $h_t$" >}}\n' });
    const css = path.join(dir, '.prerender/static/prerender/katex/katex.min.css');
    expect((await buildSite({ source: dir })).failed).toBe(false);
    expect(existsSync(css)).toBe(true);
    const again = await buildSite({ source: dir });
    expect(again.failed).toBe(false);
    expect(again.cacheHits).toBe(1);
    expect(existsSync(css)).toBe(true);
  });

  it('ships the KaTeX stylesheet when the only math is in a page title', async () => {
    const dir = site({ 'content/posts/t.md': '---\ntitle: "On $h_t$"\n---\nNo math here.\n' });
    expect((await buildSite({ source: dir })).failed).toBe(false);
    expect(existsSync(path.join(dir, '.prerender/static/prerender/katex/katex.min.css'))).toBe(true);
  });

  it('a write failure for a page without a shadow (math only in its title) is one clear error, not a crash', async () => {
    const dir = site({ 'content/t.md': '---\ntitle: "On $h_t$"\n---\nNo math here.\n', '.prerender/layouts': 'a file where a directory belongs' });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(true);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^cannot write the prerendered output: (EEXIST|ENOTDIR).*\.prerender\/layouts/);
  });

  it('--errors render: a formula KaTeX rejects in a caption is a warning and a red error span, as in the text', async () => {
    const page = '---\ntitle: T\n---\nText $\\frac{a$ and\n\n{{< figure src="i.png" caption="Bad $\\frac{b$" >}}\n';
    const dir = site({ 'content/posts/p/index.md': page, 'content/posts/p/i.png': ONE_PIXEL_PNG });
    const r = await buildSite({ source: dir, errors: 'render' });
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.code])).toEqual([
      ['warning', 4, 'katex'],
      ['warning', 6, 'katex'],
    ]);
    expect(r.failed).toBe(false);
    const figure = fragmentsOf(dir, 'posts/p/index.md')[1]!;
    expect(figure).toContain('katex-error');
    // Without render mode, the same caption fails the page.
    expect((await buildSite({ source: dir })).failed).toBe(true);
  });

  it('parameter validation: names of Object.prototype are unknown parameters; a list number must be finite', () => {
    const specs = { radius: { type: 'numbers', doc: 'radii' }, r: { type: 'number', doc: 'r' } } as const satisfies ParamSpecs;
    expect(validateParams(specs, { constructor: 'x', toString: 'y' }).problems.map((p) => p.param)).toEqual(['constructor', 'toString']);
    expect(validateParams(specs, { radius: '1,1e999' }).problems).toEqual([
      { param: 'radius', message: 'radius="1,1e999" is not valid: expected a comma-separated list of numbers' },
    ]);
    expect(validateParams(specs, { r: '1e999' }).problems.map((p) => p.param)).toEqual(['r']);
  });

  it('an unknown parameter names the one it most likely misspells, else the valid ones', () => {
    const specs = { steps: { type: 'number', doc: 's' }, hidden: { type: 'string', doc: 'h' }, radius: { type: 'numbers', doc: 'r' } } as const satisfies ParamSpecs;
    expect(validateParams(specs, { stpes: '3', Hidden: 'h', colour: 'red' }).problems.map((p) => p.message)).toEqual([
      'unknown parameter "stpes"; did you mean "steps"? valid parameters: steps, hidden, radius',
      'unknown parameter "Hidden"; parameter names are case-sensitive: did you mean "hidden"?',
      'unknown parameter "colour"; valid parameters: steps, hidden, radius',
    ]);
  });
});

describe('formulas shared between pages', () => {
  it('are typeset once and travel as the same bytes on every page; one with a warning is reported on each', async () => {
    const dir = site({
      'content/posts/a.md': '---\ntitle: A\n---\nThe state $h_t = \\tanh(W h_{t-1})$ and $é$.\n',
      'content/posts/b.md': '---\ntitle: B\n---\nAgain $h_t = \\tanh(W h_{t-1})$ and $é$.\n',
      'content/posts/c.md': '---\ntitle: C\n---\nOnce more: $h_t = \\tanh(W h_{t-1})$.\n',
    });
    const r = await buildSite({ source: dir, jobs: 1 });
    expect(r.failed).toBe(false);
    // b and c take h_t from the first typesetting; the formula with a strict-mode warning is no cache hit.
    expect(r.cacheHits).toBe(2);
    const warnings = r.diagnostics.filter((d) => d.code === 'katex').map((d) => d.file);
    expect(warnings.sort()).toEqual(['content/posts/a.md', 'content/posts/b.md']);
    const [a, b, c] = ['posts/a.md', 'posts/b.md', 'posts/c.md'].map((f) => fragmentsOf(dir, f));
    expect(b![0]).toBe(a![0]);
    expect(c![0]).toBe(a![0]);
    expect(b![1]).toBe(a![1]);
  });
});
