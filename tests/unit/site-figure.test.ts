/**
 * A site, theme or module with a `figure` shortcode of its own keeps it: its parameters, its markup.
 * hugo-prerender's figure never fails a page for a parameter it does not know.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, ONE_PIXEL_PNG, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { siteLayoutDirs, siteShortcodeTemplates } from '../../src/site/fallbacks.js';

const site = tempSites('hp-site-figure-', { defaults: { 'hugo.toml': 'title = "t"\n', 'static/a.png': ONE_PIXEL_PNG, ...HEAD_LAYOUT } });
const post = 'Math $x_1$ here.\n\n{{< figure src="/a.png" align="center" caption="Loss of $h_t$" >}}\n';
const shadow = (dir: string) => readFileSync(path.join(dir, '.prerender/content/p.md'), 'utf8');

describe('a figure shortcode of the site’s own', () => {
  for (const [where, config, template] of [
    ['the site', '', 'layouts/shortcodes/figure.html'],
    ['a theme (Hugo 0.146 layout)', 'theme = "paper"\n', 'themes/paper/layouts/_shortcodes/figure.html'],
    ['a theme in a custom themesDir', 'theme = ["x", "paper"]\nthemesDir = "th"\n', 'th/paper/layouts/shortcodes/figure.html'],
    ['a vendored module', '[module]\n[[module.imports]]\npath = "github.com/a/paper"\n', '_vendor/github.com/a/paper/layouts/shortcodes/figure.html'],
  ] as const) {
    it(`in ${where} stays in charge: the shadow keeps the shortcode, math around it and in its caption is typeset`, async () => {
      // (Theme "x" is there, with no figure: a theme missing from themesDir would have hugo-prerender ask Hugo, site/hugo-modules.ts.)
      const dir = site({ 'hugo.toml': `title = "t"\n${config}`, [template]: '<figure class="theirs">{{ .Get "src" }}</figure>\n', 'th/x/layouts/_default/single.html': '{{ .Content }}\n', 'content/p.md': post });
      const r = await buildSite({ source: dir });
      expect(r.failed).toBe(false);
      expect(r.figures).toBe(0);
      expect(r.formulas).toBe(2);
      expect(r.diagnostics).toEqual([]);
      const text = shadow(dir);
      expect(text).not.toContain('$x_1$');
      // The figure inside the wrapper, its formula a token (the md5 of the page) that the wrapper replaces.
      const nonce = createHash('md5').update(post).digest('hex');
      const figure = `{{< figure src="/a.png" align="center" caption="Loss of hugoprerenderfrag${nonce}n0z" >}}{{< /prerender-md >}}`;
      expect(text).toContain(figure);
      const wrapper = text.slice(text.indexOf('{{< prerender-md'), text.indexOf(figure));
      expect(wrapper).toMatch(new RegExp(`^\\{\\{< prerender-md n="${nonce}" >\\}\\}\\{\\{< prerender(-nofeed)? k="[a-z0-9]+" >\\}\\}<span class="katex">.*alttext="h_t".*\\{\\{< /prerender(-nofeed)? >\\}\\}<!--hugo-prerender:attr:${nonce}-->\\$h_t\\$<!--hugo-prerender:frag:${nonce}-->$`));
    });
  }

  it('a formula in its caption, title, attr or alt is typeset (as written where the template puts it in an attribute); elsewhere, or where Hugo drops backslashes, a warning', async () => {
    const page = [
      'Text.',
      '',
      '{{< figure src="/a.png" title="T $a$" caption=`C $\\alpha$ {{b}}` attr="A \\(c\\)" alt="$d$" link="$e$" >}}',
      '',
      '{{< figure src="/a.png" caption="Said \\"$\\beta$\\"" >}}',
      '',
    ].join('\n');
    const dir = site({ 'layouts/shortcodes/figure.html': '<img alt="{{ .Get "alt" }}">{{ .Get "title" }}{{ .Get "caption" | markdownify }}{{ .Get "attr" }}\n', 'content/p.md': page });
    const r = await buildSite({ source: dir });
    expect(r.formulas).toBe(4);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'site-shortcode', line: 3, column: 91, message: expect.stringContaining('figure: link="…" has math, which hugo-prerender does not typeset here') }),
      expect.objectContaining({
        severity: 'warning',
        code: 'site-shortcode',
        line: 5,
        column: 25,
        message: expect.stringContaining('figure: caption="…" has math, which hugo-prerender cannot typeset here: the value has an escaped quote (\\"), so Hugo drops every backslash'),
      }),
    ]);
    const text = shadow(dir);
    const nonce = createHash('md5').update(page).digest('hex');
    const token = (i: number) => `hugoprerenderfrag${nonce}n${i}z`;
    expect(text).toContain(`{{< figure src="/a.png" title="T ${token(0)}" caption=\`C ${token(1)} {{b}}\` attr="A ${token(2)}" alt="${token(3)}" link="$e$" >}}{{< /prerender-md >}}`);
    // As written, for an attribute: escaped, no {{ and no line break.
    expect(text).toContain(`<!--hugo-prerender:attr:${nonce}-->$\\alpha$<!--hugo-prerender:frag:${nonce}-->`);
    expect(text).toContain(`<!--hugo-prerender:attr:${nonce}-->\\(c\\)<!--hugo-prerender:frag:${nonce}-->`);
    expect(text).toContain('{{< figure src="/a.png" caption="Said \\"$\\beta$\\"" >}}');
  });

  it('with src-dark (ours), which that template ignores: a warning at the parameter, unless the template reads a src-dark of its own', async () => {
    const page = 'Text.\n\n{{< figure src="/a.png" src-dark="/a.png" alt="A" >}}\n';
    const ignores = await buildSite({ source: site({ 'layouts/shortcodes/figure.html': '<img src="{{ .Get "src" }}">\n', 'content/p.md': page }) });
    expect(ignores.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'site-shortcode',
        line: 3,
        column: 25,
        message: expect.stringContaining("figure: src-dark is hugo-prerender's, but the site's own figure template (layouts/shortcodes/figure.html) renders this shortcode and ignores it"),
      }),
    ]);
    const reads = await buildSite({ source: site({ 'layouts/shortcodes/figure.html': '<img src="{{ .Get "src" }}">{{ with .Get "src-dark" }}<img src="{{ . }}">{{ end }}\n', 'content/p.md': page }) });
    expect(reads.diagnostics).toEqual([]);
    // Named in a comment only, it is not read.
    const comment = await buildSite({ source: site({ 'layouts/shortcodes/figure.html': '{{/* TODO: "src-dark" */}}<img src="{{ .Get "src" }}">\n', 'content/p.md': page }) });
    expect(comment.diagnostics.map((d) => d.code)).toEqual(['site-shortcode']);
  });

  it('is found first in the site, then in themes in order', () => {
    const dir = site({ 'layouts/shortcodes/figure.html': 'x', 'themes/a/layouts/shortcodes/plot.html': 'x', 'themes/b/layouts/_shortcodes/plot.html': 'x' });
    const dirs = siteLayoutDirs(dir, { theme: ['a', 'b'] });
    expect([...siteShortcodeTemplates(dir, dirs, ['plot', 'figure', 'rnn-unroll'])]).toEqual([
      ['figure', 'layouts/shortcodes/figure.html'],
      ['plot', 'themes/a/layouts/shortcodes/plot.html'],
    ]);
  });

  it('another name of ours that the theme has is left to the theme, with one warning naming its template', async () => {
    const dir = site({
      'hugo.toml': 'title = "t"\ntheme = "t1"\n',
      'themes/t1/layouts/shortcodes/plot.html': 'theirs',
      'content/p.md': 'Text.\n\n{{< plot data="1,2" >}}\n',
    });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(false);
    expect(r.shortcodes).toBe(0);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'themes/t1/layouts/shortcodes/plot.html', message: expect.stringContaining('own "plot" shortcode, which stays in charge') }),
    ]);
  });
});

describe('hugo-prerender’s figure and parameters it does not know', () => {
  it('a theme’s parameter (PaperMod align="center") is a located warning; the page is prerendered', async () => {
    const dir = site({ 'content/p.md': post });
    const r = await buildSite({ source: dir });
    expect(r.failed).toBe(false);
    expect(r.figures).toBe(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'content/p.md', line: 3, column: 25, message: expect.stringMatching(/^figure: unknown parameter "align".*; it is ignored$/) }),
    ]);
    expect(shadow(dir)).not.toContain('figure src=');
  });
});
