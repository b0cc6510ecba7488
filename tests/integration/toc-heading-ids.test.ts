/**
 * Where a theme shows Hugo's own table of contents (`.TableOfContents`, as most do), a heading whose id
 * Hugo before 0.144 and Hugo 0.144+ compute differently (`$\mathbf{W}_{hh}$`: the raw source line's
 * `mathbfw_hh`, or the rendered text's `mathbfwhh`) gets one literal id: a switch by version would reach
 * the TOC as Hugo's placeholder. It was always 0.144's, so on Hugo 0.111 every such anchor changed (found
 * by an audit: links to `#mathbfw_hh-and-mathbfw_xh` broke). It is now the id of the Hugo that renders
 * the site (BuildOptions.hugo, else `hugo` on PATH), and the TOC links to it. Built with both versions,
 * each against plain Hugo on the original.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const POST =
  '---\ntitle: Gradients\n---\n\nBody $x$.\n\n## $\\mathbf{W}_{hh}$ and $\\mathbf{W}_{xh}$\n\nText.\n\n## Dash -- and $b$\n\nMore.\n';

let original: string;
beforeAll(() => {
  original = path.join(tempDir('hp-toc-ids-'), 'site');
  write(original, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  // A theme's single page: Hugo's own table of contents, then the content (no partial of ours for the TOC).
  write(original, 'layouts/_default/single.html', '<html><body><aside>{{ .TableOfContents }}</aside><article>{{ .Content }}</article></body></html>\n');
  write(original, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  write(original, 'content/posts/gradients.md', POST);
});

const ids = (html: string) => [...html.matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]!);
const tocLinks = (html: string) => [...(/<aside>([^]*?)<\/aside>/.exec(html)?.[1] ?? '').matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!);

describeEachHugo('a theme that shows Hugo’s own table of contents', (hugo) => {
  let plain: BuildResult;
  let built: BuildResult;
  beforeAll(async () => {
    plain = buildSite(hugo.bin, original);
    const site = path.join(mkdtempSync(path.join(tempDir('hp-toc-ids-pre-'), 'x')), 'site');
    cpSync(original, site, { recursive: true });
    initSite(site);
    const r = await prerender({ source: site, hugo: hugo.bin });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    built = buildSite(hugo.bin, site, { copy: false });
  }, 120_000);

  it('keeps the ids plain Hugo gives the headings, and its table of contents links to them', () => {
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const page = built.read('posts/gradients/index.html');
    const want = ids(plain.read('posts/gradients/index.html'));
    expect(want[0]).toBe(hugo.version.localeCompare('0.144.0', undefined, { numeric: true }) >= 0 ? 'mathbfwhh-and-mathbfwxh' : 'mathbfw_hh-and-mathbfw_xh');
    expect(ids(page)).toEqual(want);
    expect(tocLinks(page)).toEqual(want);
    expect(page).toContain('class="katex"');
    expect(page).not.toMatch(/hahahugoshortcode/i);
  });
});
