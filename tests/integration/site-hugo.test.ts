/**
 * The Hugo side of the pipeline against real Hugo (0.111.3 and the newest): init's mounts, a shadow page
 * with its fragments inline, written by PrerenderOutput, the package's templates (prerender shortcode, head partial),
 * and the staleness check. The shadows here are written by hand, so these tests pin down what Hugo does
 * with our output independently of the parser and renderer.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { PrerenderOutput, md5 } from '../../src/site/output.js';
import { inlineFragment } from '../../src/render/inline-safe.js';
import { parseHtml, text } from '../helpers/html.js';
import { buildSite, describeEachHugo, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const KATEX_HTML = '<span class="katex"><span class="katex-html">h<sub>t</sub></span></span>';
const FIGURE_HTML = '<figure class="hp-figure"><img src="pic.png" alt="a picture"><figcaption><p>Caption</p></figcaption></figure>';
// A literal "{{", a shortcode-looking text and newlines in a fragment, made inline as the pipeline does it.
const BRACES_HTML = '<span class="katex">{{x}} {{< nope >}}</span><pre>\nline 1\n{{% x %}}\n</pre>';

const A_SRC = '---\ntitle: A\n---\nORIGINAL text with $h_t$ and $\\{\\{x\\}\\}$.\n';
const A_SHADOW = (hash: string) =>
  `---\ntitle: A\n---\nSHADOW text with {{< prerender k="k-math" md5="${hash}" src=\`content/posts/a.md\` >}}${KATEX_HTML}{{< /prerender >}} and {{< prerender k="k-braces" >}}${inlineFragment(BRACES_HTML)}{{< /prerender >}}.\n`;
const B_SRC = '---\ntitle: B\n---\nORIGINAL bundle {{< figure src="pic.png" caption="Caption" >}}\n';
// Without src: the template finds the original through .File.Path.
const B_SHADOW = (hash: string) => `---\ntitle: B\n---\nSHADOW bundle {{< prerender k="k-fig" md5="${hash}" >}}${FIGURE_HTML}{{< /prerender >}}\n`;
const CRLF_SRC = '---\r\ntitle: CRLF\r\n---\r\nORIGINAL $x$\r\n';
const CRLF_SHADOW = (hash: string) =>
  `---\r\ntitle: CRLF\r\n---\r\nSHADOW {{< prerender k="k-math" md5="${hash}" src=\`content/posts/crlf.md\` >}}${KATEX_HTML}{{< /prerender >}}\r\n`;

/** A small site with layouts of its own, set up with init, and a prerender output written by hand. */
function makeSite(): string {
  const site = path.join(tempDir('hp-int-site-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "Test"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  write(
    site,
    'layouts/_default/single.html',
    '<!doctype html><html><head><title>{{ .Title }}</title>{{ partial "prerender/head.html" . }}</head>' +
      '<body data-asset="{{ with resources.Get "css/site.css" }}{{ .RelPermalink }}{{ end }}">{{ .Content }}</body></html>\n',
  );
  write(site, 'layouts/_default/list.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>list</body></html>\n');
  write(site, 'assets/css/site.css', 'body{}\n');
  write(site, 'static/images/logo.txt', 'static file\n');
  write(site, 'content/posts/a.md', A_SRC);
  write(site, 'content/posts/b/index.md', B_SRC);
  write(site, 'content/posts/b/pic.png', Buffer.from('89504e470d0a1a0a', 'hex'));
  write(site, 'content/posts/crlf.md', CRLF_SRC);
  write(site, 'content/posts/plain.md', '---\ntitle: Plain\n---\nNo math here.\n');

  const init = initSite(site);
  expect(init.changed).toBe(true);

  const out = new PrerenderOutput(site);
  out.writeShadow('posts/a.md', A_SHADOW(md5(A_SRC)), { source: 'content/posts/a.md', partials: ['k-math', 'k-braces'] });
  out.writeShadow('posts/b/index.md', B_SHADOW(md5(B_SRC)), { source: 'content/posts/b/index.md', partials: ['k-fig'] });
  out.writeShadow('posts/crlf.md', CRLF_SHADOW(md5(CRLF_SRC)), { source: 'content/posts/crlf.md', partials: ['k-math'] });
  out.writeStatic('prerender/katex/katex.min.css', readFileSync(path.join(PROJECT_ROOT, 'node_modules/katex/dist/katex.min.css')));
  out.writeStatic('prerender/prerender.css', '.hp-figure{margin:1rem}\n');
  out.finish();
  return site;
}

const KATEX_LINK = '<link rel="stylesheet" href="/prerender/katex/katex.min.css">';
const CSS_LINK = '<link rel="stylesheet" href="/prerender/prerender.css">';

describeEachHugo('Hugo reads our output', (hugo) => {
  let site: string;
  beforeAll(() => {
    site = makeSite();
  });

  it('renders the shadow instead of the original, with the fragments, and nothing to warn about', () => {
    const r = buildSite(hugo.bin, site);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([]);
    const a = r.read('posts/a/index.html');
    expect(a).toContain('SHADOW text with');
    expect(a).not.toContain('ORIGINAL');
    expect(a).toContain(KATEX_HTML);
    // The neutralised literals survive as text, newlines included.
    const tree = parseHtml(a);
    expect(text(tree)).toContain('{{x}} {{< nope >}}');
    expect(text(tree)).toContain('line 1\n{{% x %}}\n');
    const crlf = r.read('posts/crlf/index.html');
    expect(crlf).toContain('SHADOW');
    // Pages without a shadow are Hugo's as usual.
    expect(r.read('posts/plain/index.html')).toContain('No math here.');
  });

  it('keeps page bundle resources coming from content/', () => {
    const r = buildSite(hugo.bin, site);
    const b = r.read('posts/b/index.html');
    expect(b).toContain('SHADOW bundle');
    expect(b).toContain(FIGURE_HTML);
    expect(existsSync(path.join(r.publicDir, 'posts/b/pic.png'))).toBe(true);
  });

  it("keeps Hugo's other default mounts (assets, static) and serves .prerender/static", () => {
    const r = buildSite(hugo.bin, site);
    expect(r.read('posts/a/index.html')).toContain('data-asset="/css/site.css"');
    expect(r.read('images/logo.txt')).toBe('static file\n');
    expect(r.read('prerender/katex/katex.min.css')).toContain('.katex');
    expect(r.read('prerender/prerender.css')).toContain('.hp-figure');
  });

  it('links the KaTeX stylesheet only on pages whose fragments have KaTeX, prerender.css on pages with placeholders', () => {
    const r = buildSite(hugo.bin, site);
    const a = r.read('posts/a/index.html');
    expect(a).toContain(KATEX_LINK);
    expect(a).toContain(CSS_LINK);
    const b = r.read('posts/b/index.html');
    expect(b).not.toContain('katex.min.css');
    expect(b).toContain(CSS_LINK);
    const plain = r.read('posts/plain/index.html');
    expect(plain).not.toContain('<link');
    // The home page: themes list the latest posts there (site.RegularPages), whatever its own .Pages are.
    expect(r.read('index.html')).toContain(KATEX_LINK);
    expect(r.read('index.html')).toContain(CSS_LINK);
  });

  it('uses relURL for the stylesheet (a site under a sub-path)', () => {
    const r = buildSite(hugo.bin, site, { args: ['--baseURL', 'https://example.org/blog/'] });
    expect(r.read('posts/a/index.html')).toContain('<link rel="stylesheet" href="/blog/prerender/katex/katex.min.css">');
  });

  it('warns, naming the file, when an original changed after prerendering (also a leaf bundle)', () => {
    const copy = buildSite(hugo.bin, site).siteDir; // a private copy to edit
    writeFileSync(path.join(copy, 'content/posts/a.md'), A_SRC + 'An edit.\n');
    writeFileSync(path.join(copy, 'content/posts/b/index.md'), B_SRC + 'An edit.\n');
    const r = buildSite(hugo.bin, copy);
    expect(r.code).toBe(0);
    const warnings = r.warnings.map((w) => w.replace(/^WARN\s+(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )?/, '')).sort();
    expect(warnings).toEqual([
      'hugo-prerender: content/posts/a.md: changed since it was prerendered, the published page is stale; run hugo-prerender build',
      'hugo-prerender: posts/b/index.md: changed since it was prerendered, the published page is stale; run hugo-prerender build',
    ]);
  });

  it('fails the build instead when the site sets params.prerender.stale = "error" (keys in any case)', () => {
    const copy = buildSite(hugo.bin, site).siteDir;
    writeFileSync(path.join(copy, 'content/posts/a.md'), A_SRC + 'An edit.\n');
    writeFileSync(path.join(copy, 'hugo.toml'), readFileSync(path.join(copy, 'hugo.toml'), 'utf8') + '\n[Params.Prerender]\nStale = "Error"\n');
    const r = buildSite(hugo.bin, copy);
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toContain(
      'hugo-prerender: content/posts/a.md: changed since it was prerendered, the published page is stale; run hugo-prerender build',
    );
  });

  it('says the original is gone when a prerendered page has lost its source', () => {
    const copy = buildSite(hugo.bin, site).siteDir;
    rmSync(path.join(copy, 'content/posts/a.md'));
    const r = buildSite(hugo.bin, copy);
    expect(r.warnings.join('\n')).toContain(
      'hugo-prerender: content/posts/a.md: the original of this prerendered page cannot be read (deleted or moved?); run hugo-prerender build',
    );
  });

  it('keeps line numbers: Hugo reports an error after a fragment at its line in the original', () => {
    const copy = buildSite(hugo.bin, site).siteDir;
    // Line 5 of the original and of the shadow; the fragment before it had newlines of its own.
    writeFileSync(
      path.join(copy, '.prerender/content/posts/plain.md'),
      `---\ntitle: Plain\n---\n{{< prerender k="k1" >}}${inlineFragment('<pre>a\nb\nc</pre>')}{{< /prerender >}}\n{{< no-such-shortcode >}}\n`,
    );
    const r = buildSite(hugo.bin, copy);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/plain\.md:5:\d+/);
  });

  it('works whatever the config format init edited (YAML, JSON, config/_default/module.toml) and with a custom contentDir', () => {
    const variants: Record<string, Record<string, string>> = {
      yaml: { 'hugo.yaml': '# comment\ntitle: Test\ndisableKinds: [taxonomy, term, RSS, sitemap]\ncontentDir: posts-src\n' },
      json: { 'config.json': '{\n  "title": "Test",\n  "disableKinds": ["taxonomy", "term", "RSS", "sitemap"],\n  "contentDir": "posts-src"\n}\n' },
      dir: {
        'config/_default/hugo.toml': 'title = "Test"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\ncontentDir = "posts-src"\n',
        'config/_default/module.toml': '[[mounts]]\nsource = "posts-src"\ntarget = "content"\n',
      },
    };
    for (const [name, files] of Object.entries(variants)) {
      const dir = path.join(tempDir(`hp-int-${name}-`), 'site');
      for (const [rel, text] of Object.entries(files)) write(dir, rel, text);
      write(dir, 'layouts/_default/single.html', '{{ .Content }}');
      write(dir, 'layouts/_default/list.html', 'list');
      write(dir, 'posts-src/x.md', '---\ntitle: X\n---\nORIGINAL\n');
      expect(initSite(dir).changed, name).toBe(true);
      expect(initSite(dir).changed, name).toBe(false);
      const out = new PrerenderOutput(dir);
      const hash = md5('---\ntitle: X\n---\nORIGINAL\n');
      out.writeShadow('x.md', `---\ntitle: X\n---\nSHADOW {{< prerender k="k1" md5="${hash}" src=\`posts-src/x.md\` >}}<b>fragment</b>{{< /prerender >}}\n`, {
        source: 'posts-src/x.md',
        partials: ['k1'],
      });
      out.finish();
      const r = buildSite(hugo.bin, dir);
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.warnings, name).toEqual([]);
      expect(r.read('x/index.html'), name).toBe('<p>SHADOW <b>fragment</b></p>\n');
    }
  });
});
