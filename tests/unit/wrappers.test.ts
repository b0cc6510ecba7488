/**
 * Wrapper shortcodes whose template renders the formula itself (Doks' `math`, which sends its TeX to a
 * remote math API): the whole shortcode is one formula, its delimiters stripped (src/content/wrappers.ts,
 * renderingWrapperTemplates in src/site/fallbacks.ts). The real theme: tests/integration/theme-doks.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check.js';
import { texOfWrapper } from '../../src/content/wrappers.js';
import { renderingWrapperTemplates } from '../../src/site/fallbacks.js';
import { tempSites } from '../helpers/temp-site.js';

const site = tempSites('hp-wrappers-', { defaults: { 'hugo.toml': 'baseURL = "https://example.org/"\n' } });

/** A `math` shortcode as Doks writes it: the inner content into a remote request, not into the page. */
const REMOTE_MATH =
  '{{- /* Renders an SVG image of a formula: {{< math >}}$x${{< /math >}} */}}\n{{- $inner := trim .Inner "\\n\\r" }}\n' +
  '{{- with resources.GetRemote (printf "https://math.example/?from=%s" (trim $inner "$")) }}<img src="{{ .RelPermalink }}">{{ end }}\n';

describe('texOfWrapper', () => {
  it('takes the formula out of its delimiters, display as they say; leaves anything else as it is', () => {
    expect(texOfWrapper('$x^2$', true)).toEqual({ tex: 'x^2', display: false });
    expect(texOfWrapper('\n$$\\sum_i x_i$$\n', false)).toEqual({ tex: '\\sum_i x_i', display: true });
    expect(texOfWrapper('\\[a\\]', false)).toEqual({ tex: 'a', display: true });
    expect(texOfWrapper('\\(a\\)', true)).toEqual({ tex: 'a', display: false });
    expect(texOfWrapper('\\pi(x)', true)).toEqual({ tex: '\\pi(x)', display: true });
    // Two formulas, or an empty one: not one formula in its delimiters.
    expect(texOfWrapper('$a$ and $b$', false)).toEqual({ tex: '$a$ and $b$', display: false });
    expect(texOfWrapper('$$', false)).toEqual({ tex: '$$', display: false });
  });
});

describe('renderingWrapperTemplates', () => {
  it('finds the wrappers whose template passes its inner content to a remote service or transform.ToMath, not those that print it', () => {
    const dir = site({
      'layouts/shortcodes/math.html': REMOTE_MATH,
      'layouts/shortcodes/raw.html': '{{ .Inner }}\n',
      'layouts/shortcodes/rawhtml.html': '{{/* like resources.GetRemote, in a comment only */}}{{ .Inner | safeHTML }}\n',
      'layouts/shortcodes/tomath.html': '{{ transform.ToMath .Inner }}\n',
    });
    expect(renderingWrapperTemplates([path.join(dir, 'layouts')], ['math', 'raw', 'rawhtml', 'tomath', 'absent'])).toEqual(['math', 'tomath']);
  });

  it("typesets such a site's {{< math >}}$…${{< /math >}} as one formula, and Hugo Blox's pass-through math as before", async () => {
    const page = '---\ntitle: p\n---\n\nInline {{< math >}}$h_t${{< /math >}} and display:\n\n{{< math >}}$$a = b$${{< /math >}}\n';
    const shown = async (files: Record<string, string>) => (await checkSite(site({ ...files, 'content/p.md': page }))).pages[0]!.formulas.map((f) => [f.tex, f.display, f.column]);
    // The whole shortcode (from its {{<) is the formula: Doks' template never runs.
    expect(await shown({ 'layouts/shortcodes/math.html': REMOTE_MATH })).toEqual([
      ['h_t', false, 8],
      ['a = b', true, 1],
    ]);
    // Hugo Blox's math prints its inner content: the formula inside it is typeset, the shortcode stays.
    const inside = [
      ['h_t', false, 20],
      ['a = b', true, 13],
    ];
    expect(await shown({ 'layouts/shortcodes/math.html': '{{ .Inner }}\n' })).toEqual(inside);
    // The site's own word wins: declared a pass-through wrapper, it is one.
    const declared = 'baseURL = "https://example.org/"\n[params.prerender.math.wrappers]\nmath = "math"\n';
    expect(await shown({ 'hugo.toml': declared, 'layouts/shortcodes/math.html': REMOTE_MATH })).toEqual(inside);
  });
});

describe('```math code blocks', () => {
  const page = '---\ntitle: p\n---\n\nText.\n\n```math\n\\frac{a}{b}\n```\n\n```js\nlet x = 1;\n```\n';
  const fences = async (files: Record<string, string>) =>
    (await checkSite(site({ ...files, 'content/p.md': page }))).pages[0]!.formulas.map((f) => [f.tex, f.display, f.line, f.column]);
  // Doks' render-codeblock-math.html asks a web API for an SVG of the block's TeX.
  const REMOTE_HOOK = '{{- $inner := trim .Inner "\\n\\r" }}{{ with resources.GetRemote (printf "https://math.example/?from=%s" $inner) }}<img src="{{ .RelPermalink }}">{{ end }}\n';

  it('are display formulas where the render hook for math renders the formula itself (Hugo 0.146 and older layouts)', async () => {
    expect(await fences({ 'layouts/_default/_markup/render-codeblock-math.html': REMOTE_HOOK })).toEqual([['\\frac{a}{b}', true, 7, 1]]);
    expect(await fences({ 'layouts/_markup/render-codeblock-math.html': '{{ transform.ToMath .Inner (dict "displayMode" true) }}\n' })).toEqual([['\\frac{a}{b}', true, 7, 1]]);
  });

  it('stay code without such a hook, or with one that prints the block for a client-side renderer', async () => {
    expect(await fences({})).toEqual([]);
    expect(await fences({ 'layouts/_default/_markup/render-codeblock-math.html': '<pre class="math">{{ .Inner }}</pre>\n' })).toEqual([]);
  });
});
