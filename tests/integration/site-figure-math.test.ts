/**
 * Math in the caption of a site's own figure (a theme's `figure`, as PaperMod, Congo and Blowfish have): the
 * theme's template stays in charge of the markup and gets the caption with a token in each formula's
 * place; the wrapper around it (layouts/shortcodes/prerender-md.html) puts the typeset formula where the
 * token is printed as text, and the formula as written where the template put it into an attribute (the
 * alt PaperMod makes of the caption). Each page is built by each Hugo with hugo-prerender and plain (the
 * same site without it), with Hugo's default `unsafe = false` and with `unsafe = true`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { parseDiagnostics, runCli, runPrerender, type CliRun } from '../helpers/prerender.js';
import { write } from '../helpers/temp-site.js';
import { attr, byClass, byTag, findAll, parseHtml, texOf, text, textWithout, type Element } from '../helpers/html.js';

const FM = (title: string) => `---\ntitle: ${title}\n---\n`;

const PAGES: Record<string, string> = {
  // PaperMod's way: no alt, so the template makes one of the caption (markdownify | plainify).
  'caption.md': FM('caption') + 'Text.\n\n{{< figure src="/a.png" caption="The gradient $\\partial L / \\partial h_t$ is *small* when $a<b \\& c$." >}}\n\nAfter.\n',
  // A title printed as it is, an attribution through markdownify, an alt of its own, a caption in backticks over two lines.
  'params.md':
    FM('params') +
    '{{< figure src="/a.png" title="Title $\\alpha$" attr="After \\(\\beta\\)" alt="An image of $\\gamma$" caption=`Over two\nlines: $\\delta +\n1$ and **bold**` >}}\n\nEnd of page.\n',
  // Written {{% %}}: Hugo renders its output as Markdown (the wrapper does, then).
  'percent.md': FM('percent') + 'Before.\n\n{{% figure src="/a.png" caption="Percent $x_1$ form" %}}\n\nAfter.\n',
  // A template that cuts the caption (substr, with short=…) cuts a placeholder: Hugo warns, naming the page.
  'cut.md': FM('cut') + '{{< figure src="/a.png" short="20" caption="Cut $k_1$ here" >}}\n',
  // The title of other shortcodes of the site's (a theme's details; tabs whose title is a button's text and a
  // data attribute) and of Hugo's own youtube (its iframe's title attribute).
  'titles.md':
    FM('titles') +
    '{{< details title="Proof of $\\lim_{n} a_n = 0$" >}}\nThe *proof*.\n{{< /details >}}\n\n' +
    '{{< tabs >}}\n{{< tab title="Case $k=1$" >}}One.{{< /tab >}}\n{{< tab title="Case $k=2$" >}}Two.{{< /tab >}}\n{{< /tabs >}}\n\n' +
    '{{< youtube id="0RKpf3rK57I" title="A talk on $\\nabla f$" >}}\n',
  // Inside a gallery of the site's that counts its figures through .Parent: the wrapper goes around the gallery.
  'gallery.md': FM('gallery') + '{{< gallery >}}\n{{< figure src="/a.png" caption="In a gallery $y_1$" >}}\n{{< figure src="/a.png" caption="Plain" >}}\n{{< /gallery >}}\n',
};

/**
 * The figure template: a model of PaperMod's (alt from the caption) with Congo's attribution, and a title
 * printed in capitals (upper: the placeholder in capitals stands all the same).
 */
const FIGURE =
  '<figure>{{ with .Parent }}<span class="parent">{{ .Name }}</span>{{ end }}' +
  '<img src="{{ .Get "src" }}" alt="{{ with .Get "alt" }}{{ . }}{{ else }}{{ .Get "caption" | markdownify | plainify }}{{ end }}">' +
  '<figcaption>{{ with .Get "short" }}<span class="short">{{ substr ($.Get "caption") 0 (int .) }}</span>{{ end }}{{ with .Get "title" }}<h4>{{ . | upper }}</h4>{{ end }}<p>{{ .Get "caption" | markdownify }}</p>{{ with .Get "attr" }}<small>{{ . | markdownify }}</small>{{ end }}</figcaption></figure>\n';

function makeSite(ours: boolean, unsafe: boolean): string {
  const site = path.join(tempDir('hp-site-figure-math-'), 'site');
  write(site, 'hugo.toml', `baseURL = "https://example.org/"\ntitle = "f"\ndisableKinds = ["taxonomy", "term", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = ${unsafe}\n`);
  const head = ours ? '{{ partial "prerender/head.html" . }}' : '';
  write(site, 'layouts/_default/single.html', `<!doctype html><html><head>${head}</head><body><main>{{ .Content }}</main></body></html>\n`);
  write(site, 'layouts/_default/list.html', '<!doctype html><html><body>{{ range .Pages }}<p>{{ .Summary }}</p>{{ end }}</body></html>\n');
  write(site, 'layouts/shortcodes/figure.html', FIGURE);
  write(site, 'layouts/shortcodes/gallery.html', '{{- $n := len (findRE "<figure>" .Inner) -}}<div class="gallery" data-figures="{{ $n }}">{{ .Inner }}</div>\n');
  write(site, 'layouts/shortcodes/details.html', '<details><summary>{{ .Get "title" | markdownify }}</summary>{{ .Inner | markdownify }}</details>\n');
  write(site, 'layouts/shortcodes/tabs.html', '{{- .Inner -}}<div class="tabs">{{ range .Scratch.Get "tabs" }}<button data-tab="{{ .title | anchorize }}">{{ .title | markdownify }}</button><div class="panel">{{ .content }}</div>{{ end }}</div>\n');
  write(site, 'layouts/shortcodes/tab.html', '{{- with .Parent }}{{ .Scratch.Add "tabs" (slice (dict "title" ($.Get "title") "content" $.Inner)) }}{{ end -}}\n');
  write(site, 'static/a.png', 'png');
  for (const [name, page] of Object.entries(PAGES)) write(site, `content/posts/${name}`, page);
  return site;
}

const figures = (html: string): Element[] => findAll(parseHtml(/<main>([^]*)<\/main>/.exec(html)?.[1] ?? ''), (e) => e.tagName === 'figure');
/** What a reader sees of a figcaption: the TeX of each formula in place of its markup. */
const shown = (e: Element): string => textWithout(e, (x) => x.properties.className !== undefined && String(x.properties.className).includes('katex-html')).replace(/\s+/g, ' ');

for (const unsafe of [false, true]) {
  describeEachHugo(`a site's own figure with math in its parameters (unsafe = ${unsafe})`, (hugo) => {
    let site: string;
    let pre: CliRun;
    let built: BuildResult;
    let plain: BuildResult;
    const page = (name: string) => built.read(`posts/${name}/index.html`);

    beforeAll(() => {
      plain = buildSite(hugo.bin, makeSite(false, unsafe), { copy: false, linkPackage: false });
      site = makeSite(true, unsafe);
      const init = runCli(['init', '-s', site, '--hugo-version', hugo.version]);
      expect(init.code, init.stdout + init.stderr).toBe(0);
      pre = runPrerender(site);
      built = buildSite(hugo.bin, site, { copy: false });
    }, 180_000);

    it('builds; no token or marker reaches a page or the feed, but where a template cut one, which Hugo warns about', () => {
      expect(plain.errors).toEqual([]);
      expect(built.errors).toEqual([]);
      expect(pre.code, pre.stdout + pre.stderr).toBe(0);
      expect(parseDiagnostics(pre.stdout + pre.stderr)).toEqual([]);
      for (const name of Object.keys(PAGES)) if (name !== 'cut.md') expect(page(name.replace(/\.md$/, '')), name).not.toMatch(/hugoprerender|hugo-prerender:/);
      // The page whose template cut the placeholder: Hugo says so (hugo-prerender cannot see templates run).
      expect(built.warnings.filter((w) => w.includes('hugo-prerender'))).toEqual([expect.stringContaining('hugo-prerender: posts/cut.md: a template cut the placeholder')]);
      expect(page('cut')).toMatch(/<span class="short">Cut hugoprerender/);
      // Lists and the feed: only the cut page's summary shows what is left of its placeholder.
      for (const list of ['posts/index.xml', 'posts/index.html']) {
        const all = built.read(list);
        expect(all.match(/hugoprerender|hugo-prerender:/g)?.length, list).toBe(all.match(/Cut hugoprerender/g)?.length);
      }
    });

    it('typesets the caption, keeps its Markdown, and puts the formula as written into the alt the template makes of it', () => {
      const [f] = figures(page('caption'));
      const caption = byTag(f!, 'figcaption')[0]!;
      expect(byClass(caption, 'katex').map(texOf)).toEqual(['\\partial L / \\partial h_t', 'a<b \\& c']);
      expect(byTag(caption, 'em').map(text)).toEqual(['small']);
      expect(shown(caption)).toBe('The gradient ∂L/∂ht is small when a<b&c.');
      expect(attr(byTag(f!, 'img')[0]!, 'alt')).toBe('The gradient $\\partial L / \\partial h_t$ is small when $a<b \\& c$.');
      // Plain Hugo's figure has the same markup around the caption.
      const [p] = figures(plain.read('posts/caption/index.html'));
      expect(byTag(p!, 'em').map(text)).toEqual(['small']);
      expect(byTag(p!, 'img').map((i) => attr(i, 'src'))).toEqual(byTag(f!, 'img').map((i) => attr(i, 'src')));
    });

    it('typesets a title, an attribution and a caption over two lines; an alt of its own keeps its formula as written', () => {
      const [f] = figures(page('params'));
      expect(byTag(f!, 'h4').flatMap((h) => byClass(h, 'katex').map(texOf))).toEqual(['\\alpha']);
      expect(text(byTag(f!, 'h4')[0]!).startsWith('TITLE ')).toBe(true);
      expect(byTag(f!, 'small').flatMap((h) => byClass(h, 'katex').map(texOf))).toEqual(['\\beta']);
      const p = byTag(byTag(f!, 'figcaption')[0]!, 'p')[0]!;
      expect(byClass(p, 'katex').map(texOf)).toEqual(['\\delta +\n1']);
      expect(byTag(p, 'strong').map(text)).toEqual(['bold']);
      expect(attr(byTag(f!, 'img')[0]!, 'alt')).toBe('An image of $\\gamma$');
      // The page's lines stay where they are (Hugo's messages name the original's).
      const shadow = readFileSync(path.join(site, '.prerender/content/posts/params.md'), 'utf8');
      expect(shadow.split('\n').length).toBe(PAGES['params.md']!.split('\n').length);
      expect(shadow.split('\n').at(-2)).toBe('End of page.');
    });

    it("the title of a theme's details and tabs is typeset, the tabs' data attribute gets it as written; youtube's iframe title too", () => {
      const html = page('titles');
      const tree = parseHtml(/<main>([^]*)<\/main>/.exec(html)?.[1] ?? '');
      const summary = byTag(tree, 'summary')[0]!;
      expect(byClass(summary, 'katex').map(texOf)).toEqual(['\\lim_{n} a_n = 0']);
      expect(text(summary).startsWith('Proof of ')).toBe(true);
      expect(byTag(byTag(tree, 'details')[0]!, 'em').map(text)).toEqual(['proof']);
      const buttons = byTag(tree, 'button');
      expect(buttons.map((b) => byClass(b, 'katex').map(texOf))).toEqual([['k=1'], ['k=2']]);
      // The tab's title made an id (anchorize) of the placeholder: the formula goes there as written.
      expect(buttons.map((b) => attr(b, 'dataTab'))).toEqual(['case-$k=1$', 'case-$k=2$']);
      expect(byClass(tree, 'panel').map(text)).toEqual(['One.', 'Two.']);
      const iframe = byTag(tree, 'iframe')[0]!;
      expect(attr(iframe, 'title')).toBe('A talk on $\\nabla f$');
      expect(attr(byTag(parseHtml(/<main>([^]*)<\/main>/.exec(plain.read('posts/titles/index.html'))?.[1] ?? ''), 'iframe')[0]!, 'title')).toBe('A talk on $\\nabla f$');
    });

    it('a {{% figure %}} is rendered as plain Hugo renders its output (as Markdown, which drops raw HTML unless unsafe), its math typeset', () => {
      const ours = figures(page('percent'));
      expect(ours).toHaveLength(figures(plain.read('posts/percent/index.html')).length);
      if (unsafe) {
        expect(ours).toHaveLength(1);
        expect(byClass(ours[0]!, 'katex').map(texOf)).toEqual(['x_1']);
      } else {
        expect(ours).toHaveLength(0);
        expect(page('percent')).toContain('<!-- raw HTML omitted -->');
        expect(plain.read('posts/percent/index.html')).toContain('<!-- raw HTML omitted -->');
      }
      expect(page('percent')).toContain('<p>After.</p>');
    });

    it('a figure inside a gallery keeps the gallery as its .Parent, and the gallery sees its figures', () => {
      const html = page('gallery');
      const list = figures(html);
      expect(list).toHaveLength(2);
      expect(list.map((f) => text(byClass(f, 'parent')[0]!))).toEqual(['gallery', 'gallery']);
      expect(byClass(list[0]!, 'katex').map(texOf)).toEqual(['y_1']);
      expect(html).toContain('data-figures="2"');
      expect(plain.read('posts/gallery/index.html')).toContain('data-figures="2"');
    });
  });
}


/**
 * Captions drawn at random (a fixed seed) from what can go wrong: dollars, backslashes, brackets, Markdown
 * marks, braces, angle brackets, ampersands, quotes (escaped in a quoted value, so that some values lose
 * their backslashes to Hugo; none right before a quote, which plain Hugo's lexer rejects), line breaks in backticked values. Each on a page of its own, built by each
 * Hugo with hugo-prerender and plain: the same pages build, nothing of ours shows, and what is outside the
 * figure is plain Hugo's.
 */
const RANDOM_PAGES = fc
  .sample(
    fc.tuple(
      fc.array(fc.constantFrom('a', 'x', ' ', ' ', '$', '$', '\\', '(', ')', '[', ']', '_', '*', '{', '}', '<', '>', '&', '"', '^', '`', '\n', '\\alpha', '$x_1$', '$x_1$', '\\(y\\)', '\\(y\\)', '$a<b \\& c$', '$\\frac{1}{2}$'), { maxLength: 24 }),
      fc.boolean(),
    ),
    { numRuns: 60, seed: 20261208 },
  )
  .map(([parts, raw], i) => {
    let value = parts.join('');
    if (raw) value = `\`${value.replace(/`/g, '')}\``;
    else value = `"${value.replace(/\n/g, ' ').replace(/`/g, '').replace(/\\+(?="|$)/g, '').replace(/"/g, '\\"')}"`;
    return [`random-${i}.md`, `${FM(`random ${i}`)}Before.\n\n{{< figure src="/a.png" caption=${value} >}}\n\nAfter.\n`] as const;
  });

describeEachHugo("a site's own figure with random captions", (hugo) => {
  let site: string;
  let built: BuildResult;
  let plain: BuildResult;
  const make = (ours: boolean) => {
    const dir = makeSite(ours, false);
    for (const [name, page] of RANDOM_PAGES) write(dir, `content/random/${name}`, page);
    return dir;
  };

  beforeAll(() => {
    plain = buildSite(hugo.bin, make(false), { copy: false, linkPackage: false });
    site = make(true);
    const init = runCli(['init', '-s', site, '--hugo-version', hugo.version]);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const pre = runPrerender(site);
    // A formula KaTeX rejects is an error at its place in the caption (the page keeps plain Hugo's figure); nothing else.
    const errors = parseDiagnostics(pre.stdout + pre.stderr).filter((d) => d.severity === 'error');
    for (const e of errors) expect(`${e.file}:${e.line}:${e.column}: ${e.message}`).toMatch(/^content\/random\/random-\d+\.md:\d+:\d+: (?!.*internal)/);
    expect(pre.code).toBe(errors.length ? 1 : 0);
    built = buildSite(hugo.bin, site, { copy: false });
  }, 180_000);

  it('every page builds as it does without hugo-prerender, nothing of ours shows, and the page around the figure is the same', () => {
    expect(plain.errors).toEqual([]);
    expect(built.errors).toEqual([]);
    for (const [name] of RANDOM_PAGES) {
      const rel = `random/${name.replace(/\.md$/, '')}/index.html`;
      const ours = built.read(rel);
      expect(ours, name).not.toMatch(/hugoprerender|hugo-prerender:/);
      expect(figures(ours), name).toHaveLength(1);
      const outside = (html: string) => textWithout(parseHtml(/<main>([^]*)<\/main>/.exec(html)?.[1] ?? ''), (e) => e.tagName === 'figure' || String(e.properties.className ?? '').includes('katex'));
      expect(outside(ours), name).toBe(outside(plain.read(rel)));
      // The image's alt is an attribute still: the figure has one img, with the page's src.
      expect(byTag(figures(ours)[0]!, 'img').map((img) => attr(img, 'src')), name).toEqual(['/a.png']);
    }
    expect(built.read('random/index.xml')).not.toMatch(/hugoprerender|hugo-prerender:/);
    // Not vacuous: many of the captions have formulas typeset in the theme's figure.
    const typeset = RANDOM_PAGES.filter(([name]) => byClass(figures(built.read(`random/${name.replace(/\.md$/, '')}/index.html`))[0]!, 'katex').length > 0);
    expect(typeset.length).toBeGreaterThanOrEqual(20);
  });
});
