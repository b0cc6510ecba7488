/**
 * Hugo reads a prerendered page from its shadow, so a site that dates pages by their file
 * (`[frontmatter] lastmod = [":fileModTime"]`) dated every prerendered page by its last build (found by
 * an audit: sitemaps and "last updated" lines moved with every build). Each shadow now has its original's
 * modification time: when written, and when kept by a later build after the original was only touched.
 * Built by both Hugo versions, the site not copied (a copy would not keep the times).
 */
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

let site: string;
const post = () => path.join(site, 'content/posts/m.md');
const touch = (iso: string) => utimesSync(post(), new Date(iso), new Date(iso));

beforeAll(() => {
  site = path.join(tempDir('hp-file-dates-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[frontmatter]\nlastmod = [":fileModTime"]\n');
  write(site, 'layouts/_default/single.html', '<p class="lastmod">{{ .Lastmod.UTC.Format "2006-01-02T15:04:05" }}</p>{{ .Content }}\n');
  write(site, 'layouts/_default/list.html', '{{ range .Pages }}{{ .Title }}{{ end }}\n');
  write(site, 'content/posts/m.md', '---\ntitle: m\ndate: 2019-01-01\n---\nMath $x^2$ here.\n');
  initSite(site);
});

describeEachHugo('a page dated by its file, prerendered', (hugo) => {
  const lastmod = () => {
    const built = buildSite(hugo.bin, site, { copy: false });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    const html = built.read('posts/m/index.html');
    expect(html).toContain('class="katex"');
    return /class="lastmod">([^<]*)</.exec(html)![1];
  };

  it('keeps its original’s date, as written and after the original is only touched', async () => {
    touch('2020-03-03T10:20:30Z');
    await prerender({ source: site });
    expect(lastmod()).toBe('2020-03-03T10:20:30');
    // The same bytes, a new date: the build keeps the page as it was, with the new date.
    touch('2021-06-07T08:09:10Z');
    await prerender({ source: site });
    expect(lastmod()).toBe('2021-06-07T08:09:10');
  });
});
