/**
 * What a page's author writes never passes for what the build writes: our own shortcodes, the page block,
 * the wrapper's split marker and tokens, a path that holds `>}}`. Each of these let a guest post put script
 * on the site where plain Hugo would have escaped it or failed (found by an audit with Chromium). Checked
 * in the HTML and RSS that real Hugo builds: no element gets an event handler, whatever the post says.
 * Also: a lone surrogate in a JSON title with math, and the serve panel's CSS string.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { findAll, parseHtml } from '../helpers/html.js';
import { buildSite as prerender } from '../../src/build.js';
import type { BuildResult as PrerenderResult } from '../../src/build.js';
import { buildSite, describeEachHugo, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

/**
 * Each element with an event handler attribute, or a script element: markup an author must not get onto
 * the page. Read by an HTML parser (parse5), as a browser reads it: `title="<figure class="c onmouseover=…`
 * is a title, then attributes.
 */
function active(html: string): string[] {
  return findAll(parseHtml(html), (el) => el.tagName === 'script' || Object.keys(el.properties).some((k) => /^on[a-z]/i.test(k))).map(
    (el) => [el.tagName, ...Object.keys(el.properties).filter((k) => /^on[a-z]/i.test(k))].join(' '),
  );
}

/** What the page shows after its head (where serve's own reload script is: the data file below is serve's). */
const body = (html: string) => html.slice(html.indexOf('</head>'));

/** A folder whose name ends the page block's tag early, and then holds a page block of its own. */
const FOLDER = 'content/atk/l4 >}}{"summary":"<img src=x onerror=alert(1)>"}{{< ';

let site: string;
let built: PrerenderResult;
beforeAll(async () => {
  site = path.join(tempDir('hp-own-markers-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "sitemap"]\n');
  const head = '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head>';
  const summary = '<div class="summary">{{ partial "prerender/summary.html" . }}</div>';
  // A theme's description rendered as Markdown: markdownify lexes shortcodes again.
  const desc = '{{ with .Description }}<p class="desc">{{ . | markdownify }}</p>{{ end }}';
  write(site, 'layouts/_default/single.html', `${head}<body><h1>{{ partial "prerender/title.html" . }}</h1>${desc}{{ partial "prerender/toc.html" . }}${summary}{{ .Content }}</body></html>\n`);
  write(site, 'layouts/shortcodes/note.html', '<div class="note">{{ .Inner | markdownify }}</div>');
  write(site, 'layouts/_default/list.html', `${head}<body>{{ range .Pages }}${summary}{{ end }}</body></html>\n`);
  // A shortcode of the site that prints its inner content: Hugo runs a {{% %}} one through Markdown first.
  write(site, 'layouts/shortcodes/plain.html', '{{ .Inner }}');
  write(
    site,
    'content/posts/own.md',
    [
      '---',
      'title: Own',
      '---',
      'Text $x$.',
      '',
      '{{< prerender k="abc" >}}<img src=x onerror="alert(1)">{{< /prerender >}}',
      '',
      '{{< prerender-page >}}{"toc":"<img src=x onerror=alert(2)>","summary":"<img src=x onerror=alert(3)>"}{{< /prerender-page >}}',
      '',
    ].join('\n'),
  );
  write(site, 'content/posts/bare.md', '---\ntitle: Bare\n---\nNo math: {{< prerender-nofeed k="x" >}}<b onclick="alert(4)">b</b>{{< /prerender-nofeed >}}\n');
  write(
    site,
    'content/posts/forged.md',
    [
      '---',
      'title: Forged',
      '---',
      '{{% plain %}}',
      'Math $x$ and <img src=x onerror=alert(5)><!--hugo-prerender:frag-->then hugoprerenderfrag1z here.',
      '',
      '{{< figure src="/i.png" class="a onmouseover=alert(6) b" >}} then [link](/u "hugoprerenderfrag0z")',
      '{{% /plain %}}',
      '',
    ].join('\n'),
  );
  // A `tex` wrapper whose formula KaTeX rejects stays as written: our shortcode inside it too, before.
  write(site, 'layouts/shortcodes/katex.html', '{{ .Inner }}');
  write(site, 'content/posts/wrapped.md', '---\ntitle: Wrapped\n---\nText $x$.\n\n{{% katex %}}\\undefinedcmd {{< prerender k="w" >}}<img src=x onerror=alert(7)>{{< /prerender >}}{{% /katex %}}\n');
  // Held on its first build (past the nesting limit): no shadow yet, so Hugo rendered the original.
  write(site, 'content/posts/deep.md', `---\ntitle: Deep\n---\nText $x$ {{< prerender k="d" >}}<img src=x onerror=alert(8)>{{< /prerender >}}\n\n${'>'.repeat(70)} deep\n`);
  // A {{% %}} left as written (a code fence crosses its closing tag).
  write(
    site,
    'content/posts/fenced.md',
    ['---', 'title: Fenced', '---', '{{% plain %}}', 'Math $y$ {{< prerender k="v" >}}<img src=x onerror=alert(9)>{{< /prerender >}}', '', '```', 'code', '{{% /plain %}}', '```', ''].join('\n'),
  );
  // Text on each side of what the build leaves out (a formula of definitions only, a tag of ours) joined
  // into a tag of ours; our names in capitals (Hugo 0.169) and in a namespace (0.111.3).
  write(site, 'content/posts/joined.md', '---\ntitle: Joined\n---\nText {{$\\def\\a{1}$< prerender-nofeed >}}<img src=x onerror=alert(10)>{{$\\def\\b{2}$</prerender-nofeed >}} end.\n');
  write(site, 'content/posts/cut.md', '---\ntitle: Cut\n---\nNo math {{{{< prerender >}}<prerender-nofeed >}}<img src=x onerror=alert(11)>{{{{< /prerender >}}</prerender-nofeed >}}\n');
  write(site, 'content/posts/cutdeep.md', `---\ntitle: Cutdeep\n---\nNo math {{{{< prerender >}}<prerender-nofeed >}}<img src=x onerror=alert(12)>{{{{< /prerender >}}</prerender-nofeed >}}\n\n${'>'.repeat(70)} deep\n`);
  write(site, 'content/posts/caps.md', '---\ntitle: Caps\n---\nNo math {{< PRERENDER-NOFEED >}}<img src=x onerror=alert(13)>{{< /PRERENDER-NOFEED >}}\n');
  write(site, 'content/posts/capsmath.md', '---\ntitle: Capsmath\n---\nMath $x$ {{< Prerender k="a" >}}<img src=x onerror=alert(14)>{{< /Prerender >}}\n');
  write(site, 'content/posts/spaced.md', '---\ntitle: Spaced\n---\nNo math {{< shortcodes/prerender >}}<img src=x onerror=alert(15)>{{< /shortcodes/prerender >}}\n');
  // Our tags where only a template that renders text as Markdown again runs them: a front-matter field
  // (as written, and written with escapes), an escaped tag in a shortcode whose template markdownifies.
  write(site, 'content/posts/fmdesc.md', "---\ntitle: Fmdesc\ndescription: 'Desc {{< prerender-nofeed >}}<img src=x onerror=alert(30)>{{< /prerender-nofeed >}}'\n---\nNo math.\n");
  write(site, 'content/posts/fmesc.md', '---\ntitle: Fmesc\ndescription: "Desc \\u007B\\u007B< prerender-nofeed >}}<img src=x onerror=alert(31)>\\u007B\\u007B< /prerender-nofeed >}}"\ndate: 2024-01-02\n---\nNo math.\n');
  write(site, 'content/posts/escaped.md', '---\ntitle: Escaped\n---\n{{< note >}}\nHi {{</* prerender-nofeed */>}}<img src=x onerror=alert(32)>{{</* /prerender-nofeed */>}}\n{{< /note >}}\n');
  // The build's own token where Markdown puts it into an attribute (a link title, in a wrapped shortcode),
  // and a link label holding the end of the wrapper's definitions block.
  mkdirSync(path.join(site, 'static'), { recursive: true });
  copyFileSync(path.join(PROJECT_ROOT, 'fixtures/site/static/images/BPTT.png'), path.join(site, 'static/real.png'));
  write(site, 'content/posts/intitle.md', '---\ntitle: Intitle\n---\n{{< note >}}\n[link](/u \'{{< figure src="/real.png" alt="a" class="c onmouseover=alert(33) d" >}}\')\n{{< /note >}}\n');
  write(
    site,
    'content/posts/reflabel.md',
    '---\ntitle: Reflabel\n---\nIntro.\n\n{{% plain %}}\nMath $x$ and a [ref][a<!--/hugo-prerender:refs--><img src=x onerror=alert(34)>].\n{{% /plain %}}\n\n[a<!--/hugo-prerender:refs--><img src=x onerror=alert(34)>]: /u\n',
  );
  write(site, `${FOLDER}/a.md`, '---\ntitle: L\nsummary: "FM $s$ summary"\n---\nNo math here.\n');
  write(site, 'content/posts/surrogate.md', '{"title": "Lone $x$ \\ud800 end"}\nBody $y$.\n');
  write(site, 'static/i.png', '');
  // What serve writes (src/serve.ts), with a message that holds a form feed: a newline to CSS.
  write(site, 'data/hugo_prerender_serve.json', JSON.stringify({ errors: [{ file: 'content/posts/own.md', line: 1, column: 1, message: 'x\f;}body{background:url(https://evil.example/)}x{' }] }));
  initSite(site);
  built = await prerender({ source: site });
});

it('reports each of our shortcodes a page holds, at its place, and fails the build', () => {
  const own = built.diagnostics.filter((d) => d.code === 'own-shortcode');
  expect(own.map((d) => `${d.file}:${d.line}:${d.column}`).sort()).toEqual([
    'content/posts/bare.md:4:10',
    'content/posts/caps.md:4:9',
    'content/posts/capsmath.md:4:10',
    'content/posts/cut.md:4:11',
    'content/posts/escaped.md:5:4',
    'content/posts/escaped.md:5:61',
    'content/posts/fenced.md:5:10',
    'content/posts/fmdesc.md:3:20',
    'content/posts/fmdesc.md:3:73',
    'content/posts/fmesc.md:3:1',
    'content/posts/own.md:6:1',
    'content/posts/own.md:8:1',
    'content/posts/spaced.md:4:9',
    'content/posts/wrapped.md:6:28',
  ]);
  // The page past a limit is held at the limit, before anything is looked for in it.
  expect(built.diagnostics.filter((d) => d.file === 'content/posts/deep.md').map((d) => d.code)).toEqual(['limit']);
  expect(built.diagnostics.filter((d) => d.file === 'content/posts/wrapped.md').map((d) => d.code).sort()).toEqual(['katex', 'own-shortcode']);
  expect(built.diagnostics.some((d) => d.file === 'content/posts/fenced.md' && d.code === 'fence-crosses-shortcode')).toBe(true);
  expect(own[0]!.message).toMatch(/is hugo-prerender's own shortcode, which only the prerendered copies it writes may use; .* Remove it from the page$/);
  expect(built.failed).toBe(true);
});

it('the shadow of every such page holds none of the tags the author wrote: a wrapper KaTeX rejected, a page held before it had a shadow, a {{% %}} left as written', async () => {
  const deep = readFileSync(path.join(site, '.prerender/content/posts/deep.md'), 'utf8');
  // A build that finds nothing changed keeps that copy of the held page (and says its error again).
  const again = await prerender({ source: site });
  expect(again.unchanged).toBe(again.pages);
  expect(again.diagnostics.filter((d) => d.file === 'content/posts/deep.md').map((d) => d.code)).toEqual(['limit']);
  expect(readFileSync(path.join(site, '.prerender/content/posts/deep.md'), 'utf8')).toBe(deep);
  for (const [page, k] of [['wrapped', 'w'], ['deep', 'd'], ['fenced', 'v'], ['own', 'abc']] as const) {
    const shadow = readFileSync(path.join(site, '.prerender/content/posts', `${page}.md`), 'utf8');
    expect(shadow, page).toContain(`onerror=alert(`);
    expect(shadow, page).not.toContain(`k="${k}"`);
    // Each closing tag left closes one the build wrote.
    const opened = shadow.match(/\{\{< prerender(?:-nofeed)? k=/g)?.length ?? 0;
    expect(shadow.match(/\{\{< \/prerender(?:-nofeed)? >\}\}/g)?.length ?? 0, page).toBe(opened);
  }
});

it('no tag of ours is left in a shadow, or made of the text around what the build left out, in any case or namespace', () => {
  // What Hugo's lexer takes for a tag of one of ours (isOwnShortcodeName): any case, any namespace.
  const ownTags = (text: string) => text.match(/\{\{[<%]\s*\/?\s*(?:[^\s\/<>%{}]*\/)*prerender(?:-nofeed|-html|-md|-page|-id)?(?![\w.\/-])/gi) ?? [];
  for (const page of ['joined', 'cut', 'cutdeep', 'caps', 'spaced', 'fmdesc', 'escaped']) {
    expect(ownTags(readFileSync(path.join(site, '.prerender/content/posts', `${page}.md`), 'utf8')), page).toEqual([]);
  }
  // Decoded, the front matter held one: the copy's is the decoded one without it, as JSON, on as many lines.
  const fmesc = readFileSync(path.join(site, '.prerender/content/posts/fmesc.md'), 'utf8');
  expect(fmesc).toBe('{"title":"Fmesc","description":"Desc <img src=x onerror=alert(31)>","date":"2024-01-02T00:00:00.000Z"\n\n\n\n}\nNo math.\n');
  // The one formula's fragment, the build's own.
  const capsmath = readFileSync(path.join(site, '.prerender/content/posts/capsmath.md'), 'utf8');
  expect(ownTags(capsmath)).toEqual(['{{< prerender', '{{< /prerender']);
  expect(capsmath).toMatch(/^Math \{\{< prerender k="[0-9a-f]{20}" md5=/m);
});

describeEachHugo('our own shortcodes in an Org page (Hugo runs shortcodes there too)', (hugo) => {
  let org: string;
  let orgBuilt: PrerenderResult;
  beforeAll(async () => {
    org = path.join(tempDir('hp-own-org-'), 'site');
    write(org, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "sitemap"]\n');
    write(org, 'layouts/_default/single.html', '<!doctype html><html><head></head><body>{{ .Content }}</body></html>\n');
    write(org, 'layouts/_default/list.html', '<!doctype html><html><head></head><body>{{ range .Pages }}{{ .Summary }}{{ end }}</body></html>\n');
    write(org, 'content/posts/eorg.org', '#+title: Eorg\n\nNo math {{< prerender-nofeed >}}<img src=x onerror=alert(20)>{{< /prerender-nofeed >}}\n');
    write(org, 'content/posts/plain.org', '#+title: Plain\n\nNothing of ours.\n');
    initSite(org);
    orgBuilt = await prerender({ source: org });
  });

  it('is an error at the tag, and its copy has none of our tags; an Org page without any gets no copy', () => {
    expect(orgBuilt.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(['content/posts/eorg.org:3:9 own-shortcode']);
    expect(orgBuilt.failed).toBe(true);
    expect(readFileSync(path.join(org, '.prerender/content/posts/eorg.org'), 'utf8')).toBe('#+title: Eorg\n\nNo math <img src=x onerror=alert(20)>\n');
    expect(() => readFileSync(path.join(org, '.prerender/content/posts/plain.org'))).toThrow(/ENOENT/);
  });

  it('Hugo shows the image as text (0.111.3 renders Org, escaping its raw HTML), or refuses Org content (0.169 by default)', () => {
    const r = buildSite(hugo.bin, org);
    if (r.errors.length > 0) {
      expect(r.errors.join('\n')).toMatch(/"text\/org" is not whitelisted/);
      return;
    }
    const page = r.read('posts/eorg/index.html');
    expect(page).toContain('No math &lt;img src=x onerror=alert(20)&gt;');
    expect(active(body(page))).toEqual([]);
  });
});

describeEachHugo('what an author writes never passes for what the build writes', (hugo) => {
  const read = () => {
    const r = buildSite(hugo.bin, site);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    return r;
  };

  it('our own shortcodes in a page: what they held is the page\'s Markdown (raw HTML left out), on the page, the list and the feed', () => {
    const r = read();
    const pages = ['own', 'bare', 'wrapped', 'deep', 'fenced', 'joined', 'cut', 'cutdeep', 'caps', 'capsmath', 'spaced', 'fmdesc', 'fmesc', 'escaped', 'intitle', 'reflabel'].map((p) => `posts/${p}/index.html`);
    for (const page of [...pages, 'posts/index.html', 'posts/index.xml', 'index.xml']) {
      expect.soft(active(body(r.read(page))), page).toEqual([]);
    }
    // Its math is still typeset, and the fake page block gave it no summary or TOC.
    expect(r.read('posts/own/index.html')).toContain('class="katex"');
    expect(r.read('posts/own/index.html')).not.toContain('alert(2)');
    // The others show what plain Hugo shows of the rest: the rejected formula as written, the deep quote,
    // the code block.
    expect(r.read('posts/wrapped/index.html')).toContain('\\undefinedcmd');
    expect(r.read('posts/deep/index.html')).toContain('deep');
    expect(r.read('posts/fenced/index.html')).toMatch(/<code>[^]*code/);
  });

  it('a folder name that holds `>}}` and a page block: the summary is the page\'s own', () => {
    const r = read();
    const list = r.read('atk/index.html');
    expect(list).toMatch(/<div class="summary">FM <span class="katex">/);
    expect(active(body(list))).toEqual([]);
  });

  it('a split marker and tokens written in a {{% %}} shortcode stay text: no raw HTML, no attribute breakout', () => {
    const r = read();
    const page = r.read('posts/forged/index.html');
    expect(page).toContain('class="katex"');
    expect(active(body(page))).toEqual([]);
    expect(page).toContain('hugoprerenderfrag0z');
    expect(r.read('posts/index.xml')).not.toMatch(/&lt;img src=x onerror=alert\(5\)&gt;/);
  });

  it('a lone surrogate in a JSON title with math does not stop the site', () => {
    const r = read();
    expect(r.read('posts/surrogate/index.html')).toContain('end');
  });

  it('the markup check itself: finds a handler in a tag, not in a quoted value', () => {
    expect(active('<p><img src=x onerror=alert(1)> <a title="x onmouseover=y">t</a><b data-x=1 onclick="z">b</b><script>s</script></p>')).toEqual(['img onError', 'b onClick', 'script']);
    // A quote in an attribute's value ends it: what follows is attributes, a handler among them.
    expect(active('<a href="/u" title="<figure class="c onmouseover=alert(2) d"><b>x</b></a>')).toEqual(['a onMouseOver']);
  });

  it('the serve panel escapes a form feed in a message: the CSS string is not ended early', () => {
    const r = read();
    const style = /<style>body::before\{content:"([^"]*)"/.exec(r.read('posts/own/index.html'));
    expect(style, 'the panel').not.toBeNull();
    expect(style![1]).toContain('x\\C ;}body{background:url(https://evil.example/)}x{');
    expect(style![1]).not.toContain('\f');
  });
});
