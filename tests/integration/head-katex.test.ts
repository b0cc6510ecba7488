/**
 * head.html never links a KaTeX stylesheet that the build did not write: a list page whose pages have
 * placeholders but no math (a site with figures only) got a link to a missing katex.min.css (a 404).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { initSite } from '../../src/site/init.js';
import { buildSite as prerender } from '../../src/build.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

let site: string;
beforeAll(async () => {
  site = path.join(tempDir('hp-head-katex-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "T"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  const head = '<!doctype html><html><head>{{ partial "prerender/head.html" . }}</head>';
  write(site, 'layouts/_default/single.html', `${head}<body>{{ .Content }}</body></html>\n`);
  write(site, 'layouts/_default/list.html', `${head}<body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n`);
  write(site, 'content/posts/_index.md', '---\ntitle: Posts\n---\n');
  write(site, 'content/posts/p/index.md', '---\ntitle: P\n---\n{{< figure src="i.png" caption="A picture" >}}\n');
  write(site, 'content/posts/p/i.png', Buffer.from('89504e470d0a1a0a', 'hex'));
  write(site, 'content/posts/d.md', '---\ntitle: D\n---\n{{< lstm-cell >}}\n');
  initSite(site);
  const r = await prerender({ source: site });
  expect(r.failed).toBe(false);
});

describeEachHugo('head.html on a site without math', (hugo) => {
  it('links prerender.css where there are placeholders, and no KaTeX stylesheet anywhere', () => {
    const r = buildSite(hugo.bin, site);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    expect(r.read('posts/p/index.html')).toContain('prerender/prerender.css');
    const list = r.read('posts/index.html');
    expect(list).toContain('prerender/prerender.css');
    expect(list).not.toContain('katex.min.css');
    expect(r.read('posts/p/index.html')).not.toContain('katex.min.css');
  });

  it('publishes the fonts prerender.css serves to figures, without math', () => {
    const r = buildSite(hugo.bin, site);
    expect(r.errors, r.stdout + r.stderr).toEqual([]);
    expect(r.read('posts/d/index.html')).toContain('prerender/prerender.css');
    expect(r.read('posts/d/index.html')).toMatch(/font-family[:=]"?var\(--hp-font-math, hp-katex-math/);
    const urls = [...r.read('prerender/prerender.css').matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const u of urls) expect(existsSync(path.join(r.publicDir, 'prerender', u)), u).toBe(true);
    expect(existsSync(path.join(r.publicDir, 'prerender/katex/katex.min.css'))).toBe(false);
  });
});
