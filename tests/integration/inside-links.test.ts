/**
 * Symbolic links that stay inside the site (a content directory or a page linked from elsewhere in the
 * site) work with both Hugo versions, and the staleness check reads the original through no link: Hugo
 * 0.169's readFile follows none, and with `stale = "error"` the site did not build (found by an audit).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender } from '../../src/build.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

let site: string;
beforeAll(async () => {
  site = path.join(tempDir('hp-inside-links-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params.prerender]\nstale = "error"\n');
  write(site, 'layouts/_default/single.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
  write(site, 'layouts/_default/list.html', '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  write(site, 'shared/notes/s.md', '---\ntitle: S\n---\nShared $s_t$.\n');
  write(site, 'shared/f.md', '---\ntitle: F\n---\nFile $f_t$.\n');
  mkdirSync(path.join(site, 'content/posts'), { recursive: true });
  symlinkSync('../shared/notes', path.join(site, 'content/notes'));
  symlinkSync('../../shared/f.md', path.join(site, 'content/posts/f.md'));
  initSite(site);
  const r = await prerender({ source: site });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.shadowed).toBe(2);
});

describeEachHugo('pages reached through links inside the site', (hugo) => {
  it('build with stale = "error", typeset, without a staleness message', () => {
    const r = buildSite(hugo.bin, site);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    expect(r.warnings.filter((w) => /hugo-prerender/.test(w))).toEqual([]);
    expect(r.read('notes/s/index.html')).toContain('class="katex"');
    expect(r.read('posts/f/index.html')).toContain('class="katex"');
  });
});
