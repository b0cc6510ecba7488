/**
 * `.Truncated` and `.Summary` of short pages with math, beside plain Hugo. hugo-prerender writes a summary
 * divider where the automatic summary has math, for Hugo before 0.134, which makes that summary plain text
 * (the formula's MathML text, untypeset). At the end of a short page, that divider made `.Truncated` true on
 * Hugo 0.134 and newer when the page has footnotes, which Hugo renders after it: a theme's "Read more" link
 * under a note that has nothing more. From 0.134 Hugo's automatic summary keeps the typeset HTML itself, so
 * the prerender, knowing the Hugo that renders the site, writes no divider for math there. Each Hugo, the
 * prerender run for it.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { languageMountStyle } from '../../src/site/config.js';
import { versionBefore } from '../../src/site/hugo-version.js';
import { AUTO_SUMMARY_HTML_SINCE } from '../../src/page-settings.js';
import { buildSite, copySite, describeEachHugo, PROJECT_ROOT, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const POSTS: Record<string, string> = {
  'footnote.md': '---\ntitle: a\ndate: 2024-01-03\n---\nA short note with $x$.[^1]\n\n[^1]: A footnote.\n',
  'link.md': '---\ntitle: b\ndate: 2024-01-02\n---\nA short note with $x$ and a [link][r].\n\n[r]: https://example.com\n',
  'two.md': '---\ntitle: c\ndate: 2024-01-01\n---\nA short note with $x$.[^1] More text.\n\n[^1]: A footnote with more words.\n\nAnother paragraph.\n',
  'long.md': `---\ntitle: d\ndate: 2023-12-31\n---\nThe state $h_t$ first. ${'Words of the post. '.repeat(30)}\n\n${'More words after it. '.repeat(30)}\n`,
};

describeEachHugo('.Truncated of short pages with math', (hugo) => {
  it('is what plain Hugo gives, and the summaries hold the same text, math typeset', async () => {
    const site = path.join(tempDir('hp-truncated-'), 'site');
    write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    write(site, 'layouts/_default/single.html', '{{ .Content }}\n');
    write(site, 'layouts/_default/list.html', '{{ range .RegularPages }}<li data-t="{{ .Truncated }}">{{ .Summary }}</li>\n{{ end }}');
    for (const [name, body] of Object.entries(POSTS)) write(site, `content/posts/${name}`, body);
    const plainSite = copySite(site);
    initSite(site, { packageLayouts: path.join(PROJECT_ROOT, 'layouts'), languageStyle: languageMountStyle(hugo.version) });
    const r = await prerender({ source: site, hugo: hugo.bin });
    expect(r.failed).toBe(false);
    const ours = buildSite(hugo.bin, site, { copy: false });
    const plain = buildSite(hugo.bin, plainSite, { copy: false, linkPackage: false });
    expect(ours.code, ours.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    const items = (html: string) => [...html.matchAll(/<li data-t="(true|false)">([\s\S]*?)<\/li>/g)].map((m) => ({ truncated: m[1], text: m[2]! }));
    const a = items(ours.read('posts/index.html'));
    const b = items(plain.read('posts/index.html'));
    expect(a.map((x) => x.truncated)).toEqual(b.map((x) => x.truncated));
    expect(a.map((x) => x.truncated)).toEqual(['false', 'false', 'false', 'true']);
    for (const [k, x] of a.entries()) {
      expect(x.text, `post ${k}`).toContain('class="katex"');
      // From 0.134 the summary is Hugo's own: the words around the formula are plain Hugo's (whose formula is
      // TeX). Before, plain Hugo's is plain text with the footnotes run in, ours the typeset paragraphs.
      if (versionBefore(hugo.version, AUTO_SUMMARY_HTML_SINCE)) continue;
      const words = (s: string) => s.replace(/<span class="katex">[\s\S]*?<\/span><\/span><\/span>(?=[\s.,\[<])/g, '').replace(/<[^>]+>|\$[^$]*\$/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8);
      expect(words(x.text), `post ${k}`).toEqual(words(b[k]!.text));
    }
  });
});
