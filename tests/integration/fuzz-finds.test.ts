/**
 * Pages the fuzz suite (tests/fuzz, issue 14) found, each reduced to its smallest form, through the built
 * CLI and real Hugo (0.111.3 and the newest):
 *
 * - a file without front matter starting with `<!--more-->` (or another HTML comment) and math on the
 *   next line (seeds 104, 108): the shadow's `{{<` on that line was read by Hugo before v0.123.0 as JSON
 *   front matter inside a comment;
 * - an attention-map with a `{{< katex >}}` in its rows, and a katex with an attention-map in its TeX
 *   (seed 107): the inner shortcode was replaced as well as the outer one, and the shadow had a closing
 *   tag without its opening one, which stops Hugo;
 * - the automatic summary's divider written after text ending in `{{` (seed 20271073 page 490): the shadow's
 *   `{{<!--more-->` is a shortcode to Hugo's lexer, which stops the site;
 * - an escaped shortcode (`{{< katex >}}a{{< /katext >}}` within comment markers) inside a `{{% %}}` that holds math (seeds
 *   20261217 page 207, 20261227 page 131): Hugo shows it as the text `{{< katex >}}…`, which the
 *   prerender-md wrapper's RenderString lexed again as a shortcode ("closing tag for shortcode 'katext'
 *   does not match start tag", or an unknown or unclosed one), and the site stopped on both versions.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { runCli, runPrerender, type CliRun } from '../helpers/prerender.js';
import { write } from '../helpers/temp-site.js';

const PAGES: Record<string, string> = {
  'more-first.md': '<!--more-->\n$x_1$ first words\n\nSecond paragraph.\n',
  'comment-first.md': '<!-- a note -->\n\\(y_2\\) other words\n',
  'map-katex.md': '---\ntitle: map\n---\n{{< attention-map >}}{{< katex >}}\\frac{a}{b}{{< /katex >}}{{< /attention-map >}}\n\nAfter $z_3$.\n',
  'katex-map.md': '---\ntitle: katex\n---\n{{< katex >}}{{< attention-map >}}1 2{{< /attention-map >}}{{< /katex >}}\n\nAfter $w_4$.\n',
  // A {{% %}} on lines of its own (rendered as a block by the wrapper) and one within a line (inline).
  'escaped-in-md.md':
    '---\ntitle: escaped\n---\n{{% columns %}}\n$v_5$ `{{</* katex >}}a{{< /katext */>}}` and {{</* nope */>}} {{%/* y */%}}\n{{% /columns %}}\n\n' +
    'Text {{% columns %}}$u_6$ {{</* nope */>}}{{% /columns %}} end.\n',
  // The automatic summary's divider at the end of a block that ends with `{{` (seed 20271073 page 490):
  // `{{<!--more-->` stopped Hugo on both versions ("unrecognized character in shortcode action").
  // A code fence opened inside a top-level {{% %}} and open at its closing tag (seed 20271091 page 494):
  // to Hugo what follows is code up to the fence's end; the wrapper rendered the shortcode's content on its own, so a
  // later ```json fence became a highlighted block, and Hugo 0.111.3 stopped on the shortcode placeholder
  // the highlighter split ("unknown shortcode token").
  'fence-crosses.md':
    '---\ntitle: fence\n---\n{{% columns %}}\n$q_8$ text\n\n```\ncode\n{{% /columns %}}\n\n```json\n{"a": true{{< notice >}}inner{{< /notice >}}}\n```\n\nAfter $p_9$.\n',
  // A body starting with a byte order mark after the front matter, ending in an escaped shortcode
  // (seed 20272171 page 338): micromark dropped the mark, every offset of its tree was one short, and the
  // summary divider went inside the escaped tag (`*/>}<!--more-->}`): Hugo stopped ("comment must be closed").
  'bom-body.md': '+++\ntitle = "bom"\n+++\n\ufeff*em $b_1$*more words\n{{</* figure src="x" */>}}',
  'divider-after-braces.md': '---\ntitle: braces\n---\nShort $t_7$ text ending in braces {{\n',
  // Not a fuzz find (seen while testing the wrapper): a short page with math ending in a code fence left
  // open got the automatic summary's divider inside the fence, at the end of the file. Hugo 0.111.3 split
  // the highlighted block at it (the page showed `e>` for the code), 0.169.0 showed three blank lines in it.
  'open-fence-summary.md': '---\ntitle: open fence\n---\nA short page with $x_9$ math.\n\n```go\nfunc main() {}\nvar y = 1\n',
};

describeEachHugo('fuzz finds built by hugo-prerender and Hugo', (hugo) => {
  let site: string;
  let pre: CliRun;
  let built: BuildResult;

  beforeAll(() => {
    site = path.join(tempDir('hp-fuzz-finds-'), 'site');
    write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "finds"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    write(site, 'layouts/_default/single.html', '<!doctype html><html><body><main>{{ .Content }}</main><p class="sum">{{ .Summary }}</p></body></html>\n');
    write(site, 'layouts/_default/list.html', '<!doctype html><html><body>{{ range .Pages }}{{ .Title }};{{ end }}</body></html>\n');
    // A theme's katex shortcode (so that plain Hugo knows the name), a wrapper to us.
    write(site, 'layouts/shortcodes/katex.html', '{{ .Inner }}');
    // A theme's shortcode written {{% %}}, whose output Hugo renders as Markdown.
    write(site, 'layouts/shortcodes/columns.html', '{{ .Inner }}');
    write(site, 'layouts/shortcodes/notice.html', '{{ .Inner }}');
    for (const [name, text] of Object.entries(PAGES)) write(site, `content/posts/${name}`, text);
    const init = runCli(['init', '-s', site, '--hugo-version', hugo.version]);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    pre = runPrerender(site);
    // Development: the attention-map with a shortcode for data is refused (a located error), and Hugo
    // shows that page's original with a warning instead of stopping (layouts/partials/prerender/unrendered.html).
    built = buildSite(hugo.bin, site, { copy: false, env: { HUGO_ENVIRONMENT: 'development' } });
  }, 180_000);

  it('prerenders every page; the attention-map fed a shortcode is one located error', () => {
    expect(pre.stdout + pre.stderr).not.toMatch(/internal error/);
    const errors = (pre.stdout + pre.stderr).split('\n').filter((l) => /: error:/.test(l));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.startsWith('content/posts/map-katex.md:4:'))).toBe(true);
  });

  it('Hugo builds the site without an error', () => {
    expect(built.errors).toEqual([]);
    expect(built.code, built.stderr.slice(0, 2000)).toBe(0);
  });

  it('typesets the math after a leading comment, shows no {} and keeps the automatic summary', () => {
    for (const [page, tex] of [
      ['more-first', 'x_1'],
      ['comment-first', 'y_2'],
    ] as const) {
      const html = built.read(`posts/${page}/index.html`);
      expect(html).toContain(`alttext="${tex}"`);
      expect(html).not.toContain('{}');
      expect(html).not.toContain('prerender');
    }
    // No summary divider in the original (Hugo's lexer takes a file's first character for itself), so
    // none in the shadow: the summary is the automatic one, with the first words.
    expect(built.read('posts/more-first/index.html')).toMatch(/<p class="sum">[^]*first words/);
  });

  it('typesets the katex holding an attention-map as TeX, and the math after it', () => {
    const html = built.read('posts/katex-map/index.html');
    expect(html).toContain('class="katex"');
    expect(html).toContain('alttext="w_4"');
  });

  it('shows an escaped shortcode inside a {{% %}} holding math as text, as plain Hugo does, and typesets the math', () => {
    const html = built.read('posts/escaped-in-md/index.html');
    expect(html).toContain('alttext="v_5"');
    expect(html).toContain('alttext="u_6"');
    // Plain Hugo (0.111.3 and 0.169.0) prints this line so, $v_5$ aside.
    expect(html).toContain('<code>{{&lt; katex &gt;}}a{{&lt; /katext &gt;}}</code> and {{&lt; nope &gt;}} {{% y %}}</p>');
    expect(html).toMatch(/<p>Text <span class="katex">.*?<\/span> \{\{&lt; nope &gt;\}\} end\.<\/p>/);
    expect(html).not.toContain('hugoprerender');
  });

  it('leaves a {{% %}} crossed by a code fence as written, as plain Hugo shows it, with a located warning', () => {
    const html = built.read('posts/fence-crosses/index.html');
    // As plain Hugo: the paragraph's math untypeset, the rest of the page one unhighlighted code block.
    expect(html).toContain('<p>$q_8$ text</p>');
    expect(html).toMatch(/<pre[^>]*><code>code\n+```json\n\{&#34;a&#34;: trueinner\}\n<\/code><\/pre>/);
    expect(html).not.toContain('alttext="q_8"');
    // After the fence closes, math is typeset again.
    expect(html).toMatch(/<p>After <span class="katex">.*?alttext="p_9"/s);
    expect(pre.stdout + pre.stderr).toMatch(/^content\/posts\/fence-crosses\.md:4:1: warning: a code fence opened inside this \{\{% %\}\} shortcode is still open at its closing tag/m);
  });

  it('typesets math after a byte order mark that starts the body, and keeps an escaped shortcode whole', () => {
    const html = built.read('posts/bom-body/index.html');
    expect(html).toMatch(/<em>em <span class="katex">.*?alttext="b_1".*?<\/span><\/em>more words/s);
    expect(html).toContain('more words\n{{&lt; figure src=&ldquo;x&rdquo; &gt;}}</p>');
  });

  it('keeps text ending in {{ before the summary divider as text: typeset page and summary', () => {
    const html = built.read('posts/divider-after-braces/index.html');
    expect(html).toMatch(/<main><p>Short <span class="katex">.*?alttext="t_7".*?<\/span> text ending in braces \{\{<\/p>\n?<\/main>/s);
    // The summary is the manual one the divider gives: the whole paragraph, math typeset.
    expect(html).toMatch(/<p class="sum">(<p>)?Short <span class="katex">.*?<\/span> text ending in braces \{\{/s);
  });

  it('keeps a code fence left open at the end of a short page whole, the summary divider after it', () => {
    const html = built.read('posts/open-fence-summary/index.html');
    const main = /<main>([^]*)<\/main>/.exec(html)![1]!;
    expect(main).toMatch(/<p>A short page with <span class="katex">.*?alttext="x_9"/s);
    // The code block as plain Hugo shows it (its text, the highlighter's markup aside): both lines, nothing after.
    const pre = /<pre[^>]*>([^]*?)<\/pre>/.exec(main);
    expect(pre, main).not.toBeNull();
    expect(pre![1]!.replace(/<[^>]+>/g, '')).toBe('func main() {}\nvar y = 1\n');
    expect(main).not.toContain('more');
    // The summary is the whole page (shorter than summaryLength), its math typeset.
    expect(html).toMatch(/<p class="sum">(<p>)?A short page with <span class="katex">/s);
  });
});
