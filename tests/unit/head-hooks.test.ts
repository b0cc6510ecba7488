/**
 * The head partial: a build with math warns when no template calls it, and both the warning and `init`
 * name the theme's head hook (one file) when the theme has one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { feedContentTemplates, HEAD_HOOKS, headingDataTemplates } from '../../src/site/head-hooks.js';
import { moduleLayoutDirs } from '../../src/site/fallbacks.js';

const site = tempSites('hp-head-', { defaults: { 'hugo.toml': 'title = "t"\ntheme = "paper"\n', 'content/p.md': 'A $x_1$.\n' } });
/** A theme's base template calling its own head hook, as PaperMod's head.html does. */
const paper = { 'themes/paper/layouts/partials/head.html': '<meta charset="utf-8">\n{{- partial "extend_head.html" . -}}\n' };

const headWarnings = async (dir: string) => (await buildSite({ source: dir })).diagnostics.filter((d) => d.code === 'head');

describe('a site with math whose pages link no stylesheet', () => {
  it('warns at the config, naming the theme’s hook file', async () => {
    expect(await headWarnings(site(paper))).toEqual([
      {
        severity: 'warning',
        code: 'head',
        file: 'hugo.toml',
        line: 1,
        column: 1,
        message:
          'pages have math, but no template of this site or its theme calls the head partial, so no page links the KaTeX stylesheet and formulas show untypeset (as bare MathML); your theme calls a head hook (PaperMod): create layouts/partials/extend_head.html containing {{ partial "prerender/head.html" . }}',
      },
    ]);
  });

  it('also without math, when a figure has a dark image (prerender.css hides one of its two images), and quiet once the hook exists', async () => {
    const dark = { ...paper, 'static/a.png': '', 'static/b.png': '', 'content/p.md': 'No math.\n\n{{< figure src="/a.png" src-dark="/b.png" alt="A" >}}\n' };
    expect((await headWarnings(site(dark))).map((w) => w.message)).toEqual([
      'pages have figures with a dark image (src-dark), but no template of this site or its theme calls the head partial, so no page links prerender.css and such figures show both images; your theme calls a head hook (PaperMod): create layouts/partials/extend_head.html containing {{ partial "prerender/head.html" . }}',
    ]);
    // A warm build says it again (from the page's record).
    const dir = site(dark);
    await buildSite({ source: dir });
    expect(await headWarnings(dir)).toHaveLength(1);
    expect(await headWarnings(site({ ...dark, 'layouts/partials/extend_head.html': '{{ partial "prerender/head.html" . }}\n' }))).toEqual([]);
    expect(await headWarnings(site({ ...dark, 'content/p.md': 'No math.\n\n{{< figure src="/a.png" alt="A" >}}\n' }))).toEqual([]);
  });

  it('without a known hook, names the base template', async () => {
    const [w] = await headWarnings(site({ 'themes/paper/layouts/_default/baseof.html': '<head></head>' }));
    expect(w!.message).toContain('add {{ partial "prerender/head.html" . }} to the <head> of your base template');
  });

  it('is quiet once the hook file exists, with a base template that calls it, and on a site without math', async () => {
    expect(await headWarnings(site({ ...paper, 'layouts/partials/extend_head.html': '{{ partial "prerender/head.html" . }}\n' }))).toEqual([]);
    expect(await headWarnings(site(HEAD_LAYOUT))).toEqual([]);
    expect(await headWarnings(site({ ...paper, 'content/p.md': 'No math.\n' }))).toEqual([]);
  });

  it('each known hook is recognised from the call in the theme', async () => {
    const calls: Record<string, string> = {
      PaperMod: '{{- partial "extend_head.html" . -}}',
      Stack: '{{- partial "head/custom.html" . -}}',
      Hextra: '{{ partial "custom/head-end.html" . -}}',
      'hugo-book': '{{ partial "docs/inject/head" . }}',
      Ananke: '{{ block "head" . }}{{ partials.Include "head-additions.html" . }}{{ end }}',
      'Congo or Blowfish': '{{ if templates.Exists "partials/extend-head.html" }}{{ partial "extend-head.html" . }}{{ end }}',
      Doks: '{{- if templates.Exists "partials/head/custom-head.html" }}{{- partial "head/custom-head" . }}{{- end }}',
    };
    expect(Object.keys(calls)).toEqual(HEAD_HOOKS.map((h) => h.theme));
    for (const h of HEAD_HOOKS) {
      const [w] = await headWarnings(site({ 'themes/paper/layouts/baseof.html': `<head>${calls[h.theme]}</head>` }));
      expect(w!.message).toContain(`(${h.theme}): create ${h.file} containing`);
    }
  });
});

describe('init names the head hook', () => {
  it('of the site’s theme, and says nothing about the head once a template calls the partial', () => {
    const dir = site(paper);
    expect(initSite(dir).messages).toContain(
      'Your theme has a head hook (PaperMod): create layouts/partials/extend_head.html containing the line {{ partial "prerender/head.html" . }}',
    );
    const linked = site({ ...paper, 'layouts/partials/extend_head.html': '{{ partial "prerender/head.html" . }}\n' });
    expect(initSite(linked).messages.join('\n')).not.toMatch(/head/);
  });

  it('of every popular theme when the site’s theme has none', () => {
    const text = initSite(site({})).messages.join('\n');
    expect(text).toContain('In your <head> template add: {{ partial "prerender/head.html" . }} (with a theme, put it in');
    for (const h of HEAD_HOOKS) expect(text).toContain(`${h.theme}: ${h.file}`);
  });
});

describe('headingDataTemplates: templates that read Hugo\'s own heading data', () => {
  const dirs = (dir: string) => [path.join(dir, 'layouts'), path.join(dir, 'themes/paper/layouts')];
  it('finds .TableOfContents and .Fragments, outside comments, unless the template uses prerender/toc.html', () => {
    const dir = site({
      'themes/paper/layouts/_default/single.html': '{{ .TableOfContents }}{{ .Content }}',
      'themes/paper/layouts/partials/toc.html': '{{ range .Fragments.Headings }}{{ .Title }}{{ end }}',
      'layouts/_default/list.html': '{{/* not .TableOfContents */}}{{ .Content }}',
      'layouts/_default/baseof.html': '{{ if .Fragments.Headings }}{{ partial "prerender/toc.html" . }}{{ end }}',
    });
    expect(headingDataTemplates(dir, dirs(dir))).toEqual(['themes/paper/layouts/_default/single.html', 'themes/paper/layouts/partials/toc.html']);
  });
});

describe('feedContentTemplates: feed templates that show more of a page than .Summary', () => {
  const dirs = (dir: string) => [path.join(dir, 'layouts'), path.join(dir, 'themes/paper/layouts')];
  it('none on a site with Hugo\'s own feed, or feeds of summaries; .Content, .Plain or a partial call count', () => {
    expect(feedContentTemplates(site({}), dirs(site({})))).toEqual([]);
    const summaries = site({
      'layouts/_default/rss.xml': '{{ range .Pages }}<description>{{ .Summary | html }}</description>{{/* not .Content */}}{{ end }}',
      'layouts/sitemap.xml': '{{ range .Data.Pages }}<loc>{{ .Permalink }}</loc>{{ end }}',
      'layouts/_default/single.html': '{{ .Content }}',
    });
    expect(feedContentTemplates(summaries, dirs(summaries))).toEqual([]);
    const full = site({
      'themes/paper/layouts/_default/rss.xml': '{{ if site.Params.full }}{{ .Content | html }}{{ else }}{{ .Summary | html }}{{ end }}',
      'layouts/index.rss.xml': '{{ range .Pages }}{{ .Plain }}{{ end }}',
      'layouts/section.rss.xml': '{{ partial "item.xml" . }}',
    });
    expect(feedContentTemplates(full, dirs(full))).toEqual(['layouts/index.rss.xml', 'layouts/section.rss.xml', 'themes/paper/layouts/_default/rss.xml']);
  });
  it('a theme or module that is not on disk may have any: its folder is listed', () => {
    const dir = site({ 'hugo.toml': 'theme = "paper"\n[module]\n[[module.imports]]\npath = "github.com/x/feeds"\n', 'themes/paper/theme.toml': '' });
    const data = { theme: 'paper', module: { imports: [{ path: 'github.com/x/feeds' }] } };
    expect(feedContentTemplates(dir, dirs(dir), moduleLayoutDirs(dir, data))).toEqual(['_vendor/github.com/x/feeds']);
  });
});

describe('a theme without a head hook', () => {
  it('LoveIt: build and init name the partial to copy (head/meta.html) and where the copy goes', async () => {
    const loveit = {
      'themes/paper/layouts/_default/baseof.html': '<html><head>{{ partial "head/meta.html" . }}{{ partial "head/link.html" . }}</head></html>',
      'themes/paper/layouts/partials/head/meta.html': '<meta charset="utf-8">\n',
    };
    const dir = site(loveit);
    const [w] = await headWarnings(dir);
    const advice = 'has no head hook: copy themes/paper/layouts/partials/head/meta.html to layouts/partials/head/meta.html in your site and add {{ partial "prerender/head.html" . }} to it';
    expect(w!.message).toContain(`your theme (LoveIt) ${advice}`);
    expect(initSite(dir).messages.join('\n')).toContain(`Your theme (LoveIt) ${advice}`);
  });

  it('ezhil: the partial that writes <head> (header.html), to copy with the line before </head>', async () => {
    const dir = site({ 'themes/paper/layouts/partials/header.html': '<!doctype html><html><head>\n<title>{{ .Title }}</title>\n</head><body>' });
    const [w] = await headWarnings(dir);
    expect(w!.message).toContain(
      'your theme has no head hook: copy themes/paper/layouts/partials/header.html to layouts/partials/header.html in your site and add {{ partial "prerender/head.html" . }} to it before </head>',
    );
    expect(await headWarnings(site({ 'themes/paper/layouts/partials/header.html': '<head></head>', 'layouts/partials/header.html': '<head>{{ partial "prerender/head.html" . }}</head>' }))).toEqual([]);
  });
});
