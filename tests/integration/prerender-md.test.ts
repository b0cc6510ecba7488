/**
 * The prerender-md wrapper (issue 10) on a site with Hugo's default `unsafe = false`: a top-level
 * `{{% %}}` holding math is rendered by the wrapper's RenderString, a Markdown document of its own, where
 * plain Hugo puts the shortcode's output into the page's Markdown. Link reference definitions must cross
 * between the two as in plain Hugo's one document: a reference inside the shortcode to a definition of the
 * page, a reference on the page to a definition inside the shortcode, with Goldmark's precedence (the first
 * definition of a label wins; labels match case-insensitively, whitespace collapsed), definitions in lists
 * and blockquotes, and pages ending inside an open fence or HTML block.
 *
 * Each page is built twice by each Hugo: with hugo-prerender, and plain (the same site without it), and
 * every link a reader gets (href, title, text) must be the same, besides the explicit hrefs asserted here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { runCli, runPrerender, type CliRun } from '../helpers/prerender.js';
import { write } from '../helpers/temp-site.js';

const FM = (title: string) => `---\ntitle: ${title}\n---\n`;

const PAGES: Record<string, string> = {
  // Both ways, with precedence: [A] is the page's only; [two] is first defined inside the shortcode (its
  // later page definition loses); [three x] is only inside, referenced after with other case and spacing;
  // [four] is first defined on the page, before the shortcode, whose own definition loses.
  'both-ways.md':
    FM('both') +
    'See [one][A], [Two] and [four] before.\n\n' +
    '[four]: /four-page\n\n' +
    '{{% sc %}}\n' +
    'Inside $x_1$: [one][a], [two], [three][ three   X ], [four].\n\n' +
    '[Two]: /two-inner "T2"\n' +
    '[three x]: /three\n' +
    '[four]: /four-inner\n' +
    '{{% /sc %}}\n\n' +
    'After: [three x], [two] and [THREE  x][].\n\n' +
    '[A]: /one\n' +
    '[two]: /two-page\n',
  // Within a line: the wrapper renders the shortcode's output as the rest of the paragraph.
  'inline.md': FM('inline') + 'Text {{% sc %}}$x_2$ and [one][a]{{% /sc %}} end.\n\n[a]: /inline-one "An &amp; \\"quoted\\" {{x}} title"\n',
  // Definitions inside a list item and a blockquote are page-wide too; the shortcode sits in a list item.
  'containers.md':
    FM('containers') +
    '- an item\n\n  [L]: /list-def\n\n' +
    '> quoted\n>\n> [Q]: /quote-def\n\n' +
    '1. item\n\n   {{% sc %}}\n   In a list $x_3$: [l] and [q] and [in list].\n\n   [in list]: </in list?a=1&b=2>\n   {{% /sc %}}\n\n' +
    'Then [in list].\n',
  // Two wrapped shortcodes referring to each other's definitions, and the page to both.
  'two-wraps.md':
    FM('two') +
    '{{% sc %}}\nFirst $x_4$: [second].\n\n[first]: /first\n{{% /sc %}}\n\n' +
    '{{% note %}}\nSecond $x_5$: [first].\n\n[second]: /second\n{{% /note %}}\n\n' +
    'Page: [first], [second].\n',
  // The page ends inside a code fence left open: the definitions from the shortcode still reach the page.
  // (Each with its own summary divider: the one the build adds for a summary with math would go inside the
  // fence, which Hugo 0.111.3 garbles, with or without this change.)
  'open-fence.md': FM('fence') + 'Before [inner].\n<!--more-->\n\n{{% sc %}}\nMath $x_6$.\n\n[inner]: /inner-fence\n{{% /sc %}}\n\n```\ncode [inner]\n',
  // The page ends inside an HTML comment block left open (a kind a blank line does not end).
  'open-html.md': FM('html') + 'Before [inner].\n<!--more-->\n\n{{% sc %}}\nMath $x_7$.\n\n[inner]: /inner-html\n{{% /sc %}}\n\n<!-- a comment\n\nnever closed\n',
  'open-pre.md': FM('pre') + 'Before [inner].\n<!--more-->\n\n{{% sc %}}\nMath $x_8$.\n\n[inner]: /inner-pre\n{{% /sc %}}\n\n<pre>\nkept\n\nstill pre\n',
};

/**
 * `.Parent`: a theme's tab registers itself in its parent's `.Scratch` (as hugo-book's and others' do), and
 * its tabs prints what was registered. With math inside a `{{% tab %}}`, the wrapper goes around the
 * top-level tabs, so that the tab's `.Parent` stays the tabs.
 */
const TABS_PAGE =
  FM('tabs') + '{{< tabs >}}\n{{% tab "A" %}}\nTab A: $x_9$ and **bold**.\n{{% /tab %}}\n{{% tab "B" %}}\nTab B plain.\n{{% /tab %}}\n{{< /tabs >}}\n';

/**
 * Headings inside a wrapped `{{% %}}` are the page's to plain Hugo: counted with the page's for their ids
 * (the second "Setup" is setup-1, the third setup-2), listed in its table of contents.
 */
const HEADINGS_PAGE =
  FM('headings') +
  '## Setup\n\n{{% sc %}}\n## Setup\n\nInside $x_10$.\n\n### Math $y_2$ here\n{{% /sc %}}\n\n' +
  '{{% note %}}\n## Setup {#own}\n\nA box $x_11$.\n{{% /note %}}\n\n## Setup\n\n## Math y_2 here\n';

/** Every link of the page's content as a reader gets it: href, title and text. */
function links(html: string): string[] {
  const main = /<main>([^]*)<\/main>/.exec(html)?.[1] ?? '';
  return [...main.matchAll(/<a href="([^"]*)"(?: title="([^"]*)")?>([^<]*)<\/a>/g)].map((m) => `${m[3]} -> ${m[1]}${m[2] ? ` "${m[2]}"` : ''}`);
}

/** `ours`: the site runs hugo-prerender, and its template also prints our typeset table of contents (partials/prerender/toc.html). */
function makeSite(ours: boolean): string {
  const site = path.join(tempDir('hp-prerender-md-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "md"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  const aside = ours ? '<aside>{{ partial "prerender/toc.html" . }}</aside>' : '';
  write(site, 'layouts/_default/single.html', `<!doctype html><html><body><main>{{ .Content }}</main><nav>{{ .TableOfContents }}</nav>${aside}</body></html>\n`);
  write(site, 'layouts/_default/list.html', '<!doctype html><html><body>{{ range .Pages }}{{ .Title }};{{ end }}</body></html>\n');
  // Themes' shortcodes written {{% %}}: one prints its inner content, one puts it in a box.
  write(site, 'layouts/shortcodes/sc.html', '{{ .Inner }}');
  write(site, 'layouts/shortcodes/note.html', '<div class="note">\n\n{{ .Inner }}\n\n</div>\n');
  write(site, 'layouts/shortcodes/tabs.html', '{{- .Inner -}}<div class="tabs">{{ range .Scratch.Get "tabs" }}<div class="tab" data-name="{{ .name }}">{{ .content }}</div>{{ end }}</div>\n');
  write(site, 'layouts/shortcodes/tab.html', '{{- with .Parent }}{{ .Scratch.Add "tabs" (slice (dict "name" ($.Get 0) "content" $.Inner)) }}{{ else }}<p class="orphan">tab outside tabs</p>{{ end -}}\n');
  for (const [name, text] of Object.entries(PAGES)) write(site, `content/posts/${name}`, text);
  write(site, 'content/posts/tabs.md', TABS_PAGE);
  write(site, 'content/posts/headings.md', HEADINGS_PAGE);
  return site;
}

describeEachHugo('prerender-md: link reference definitions cross the wrapper as in plain Hugo', (hugo) => {
  let site: string;
  let pre: CliRun;
  let built: BuildResult;
  let plain: BuildResult;

  beforeAll(() => {
    plain = buildSite(hugo.bin, makeSite(false), { copy: false, linkPackage: false });
    site = makeSite(true);
    const init = runCli(['init', '-s', site, '--hugo-version', hugo.version]);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    pre = runPrerender(site);
    built = buildSite(hugo.bin, site, { copy: false });
  }, 180_000);

  it('builds both sites; every math-holding shortcode is wrapped and typeset', () => {
    expect(plain.errors).toEqual([]);
    expect(built.errors).toEqual([]);
    expect(pre.code, pre.stdout + pre.stderr).toBe(0);
    for (const page of Object.keys(PAGES)) {
      expect(readFileSync(path.join(site, '.prerender/content/posts', page), 'utf8')).toContain('{{< prerender-md md="');
    }
    expect(built.read('posts/both-ways/index.html')).toContain('alttext="x_1"');
    expect(built.read('posts/inline/index.html')).toMatch(/<p>Text <span class="katex">.*?alttext="x_2".* and <a href="\/inline-one"[^>]*>one<\/a> end\.<\/p>/s);
  });

  it('every page shows the links plain Hugo shows, none as literal brackets', () => {
    for (const page of Object.keys(PAGES)) {
      const rel = `posts/${page.replace(/\.md$/, '')}/index.html`;
      const ours = links(built.read(rel));
      expect(ours.length, page).toBeGreaterThan(0);
      expect(ours, page).toEqual(links(plain.read(rel)));
      expect(built.read(rel).replace(/<pre[^]*?<\/pre>|<code>[^]*?<\/code>/g, ''), page).not.toMatch(/\[[\w ]+\](?:\[[\w ]*\])?/);
    }
  });

  it('a reference inside the shortcode reaches the page definition, and one on the page the shortcode definition, first one winning', () => {
    expect(links(built.read('posts/both-ways/index.html'))).toEqual([
      'one -> /one',
      'Two -> /two-inner "T2"',
      'four -> /four-page',
      'one -> /one',
      'two -> /two-inner "T2"',
      'three -> /three',
      'four -> /four-page',
      'three x -> /three',
      'two -> /two-inner "T2"',
      'THREE  x -> /three',
    ]);
    expect(links(built.read('posts/inline/index.html'))).toEqual(['one -> /inline-one "An &amp; &quot;quoted&quot; {{x}} title"']);
    expect(links(built.read('posts/containers/index.html'))).toEqual(['l -> /list-def', 'q -> /quote-def', 'in list -> /in%20list?a=1&amp;b=2', 'in list -> /in%20list?a=1&amp;b=2']);
    expect(links(built.read('posts/two-wraps/index.html'))).toEqual(['second -> /second', 'first -> /first', 'first -> /first', 'second -> /second']);
  });

  it('a page ending inside an open fence or HTML block keeps it as plain Hugo shows it, and still gets the definitions', () => {
    expect(links(built.read('posts/open-fence/index.html'))).toEqual(['inner -> /inner-fence']);
    expect(built.read('posts/open-fence/index.html')).toMatch(/<pre[^>]*><code>code \[inner\]\n<\/code><\/pre>/);
    expect(links(built.read('posts/open-html/index.html'))).toEqual(['inner -> /inner-html']);
    expect(links(built.read('posts/open-pre/index.html'))).toEqual(['inner -> /inner-pre']);
    // The same page as plain Hugo's, the formula aside, and white space between tags (the wrapper's block is
    // followed by one line break less) and HTML comments: the HTML block closed after the body to keep the
    // definitions out of it is one more `<!-- raw HTML omitted -->` (Goldmark writes one for its closing line).
    for (const page of ['open-fence', 'open-html', 'open-pre']) {
      const main = (h: string) => /<main>([^]*)<\/main>/.exec(h)![1]!.replace(/<span class="katex">.*?<\/span><\/span>(?=\.)/s, 'MATH').replace(/\$x_\d\$/, 'MATH').replace(/>\s+</g, '><').replace(/(<!-- raw HTML omitted -->)+/g, '<!-- raw HTML omitted -->');
      expect(main(built.read(`posts/${page}/index.html`))).toBe(main(plain.read(`posts/${page}/index.html`)));
    }
  });

  it("a {{% tab %}} holding math keeps its tabs as .Parent: every tab shows, as in plain Hugo, its math typeset", () => {
    const tabs = (html: string) => [...html.matchAll(/<div class="tab" data-name="(\w)">([^]*?)<\/div>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/<span class="katex">.*?alttext="([^"]*)".*<\/span><\/span>/s, '[$1]').replace(/\$([^$]*)\$/, '[$1]').trim()}`);
    const ours = built.read('posts/tabs/index.html');
    expect(tabs(ours)).toEqual(['A: <p>Tab A: [x_9] and <strong>bold</strong>.</p>', 'B: <p>Tab B plain.</p>']);
    expect(tabs(ours)).toEqual(tabs(plain.read('posts/tabs/index.html')));
    expect(ours).toContain('class="katex"');
    expect(ours).not.toContain('orphan');
  });

  it("headings inside a wrapped {{% %}} get plain Hugo's ids, and so do the page's after it; the typeset TOC lists them as plain Hugo's TOC does", () => {
    const ids = (html: string) => [...html.matchAll(/<h(\d) id="([^"]*)">/g)].map((m) => `h${m[1]}#${m[2]}`);
    const ours = built.read('posts/headings/index.html');
    const theirs = plain.read('posts/headings/index.html');
    expect(ids(ours)).toEqual(['h2#setup', 'h2#setup-1', 'h3#math-y_2-here', 'h2#own', 'h2#setup-2', 'h2#math-y_2-here-1']);
    expect(ids(ours)).toEqual(ids(theirs));
    const entries = (toc: string) => [...toc.matchAll(/<(ul|\/ul)>|<a href="#([^"]*)">/g)].map((m) => m[2] ?? m[1]).join(' ');
    const hugoToc = (html: string) => /<nav>([^]*?)<\/nav><\/nav>/.exec(html)![1]!;
    const typesetToc = /<aside>([^]*)<\/aside>/.exec(ours)![1]!;
    expect(entries(typesetToc)).toBe('ul setup setup-1 ul math-y_2-here /ul own setup-2 math-y_2-here-1 /ul');
    expect(entries(typesetToc)).toBe(entries(hugoToc(theirs)));
    expect(typesetToc).toMatch(/<a href="#math-y_2-here">Math <span class="katex">.*?alttext="y_2"/s);
    // What cannot be: Hugo builds .TableOfContents from the page's Markdown, which no longer holds the
    // wrapped headings (the wrapper renders them after it). It lists the others, with their right ids.
    expect(entries(hugoToc(ours))).toBe('ul setup setup-2 math-y_2-here-1 /ul');
  });

  it('keeps every line of the shadow where the original has it', () => {
    for (const [page, text] of Object.entries({ ...PAGES, 'tabs.md': TABS_PAGE, 'headings.md': HEADINGS_PAGE })) {
      const original = text.split('\n');
      const shadow = readFileSync(path.join(site, '.prerender/content/posts', page), 'utf8').split('\n');
      // Lines without a replacement (math, a shortcode tag, a definition's label, a heading's id) are the same, at the same number.
      original.forEach((line, i) => {
        if (!/\$|\{\{|\[|^#|^\s*$/.test(line)) expect(shadow[i], `${page}:${i + 1}`).toBe(line);
      });
    }
  });
});
