/**
 * A site served below a path (baseURL https://example.org/blog/): the images of figures are at
 * /blog/prerender/img/… on its pages. Hugo puts the whole baseURL before every root-relative URL of a
 * feed, and of every page with canonifyURLs, and before 0.143.1 it did so with the path already there:
 * /blog/prerender/img/… became https://example.org/blog/blog/prerender/img/…, a broken image (found by
 * an audit). Built by both Hugo versions, with canonifyURLs off and on.
 */
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const RSS =
  '<rss version="2.0"><channel><title>{{ .Site.Title }}</title>{{ range .Pages }}<item><title>{{ .Title }}</title>' +
  '<link>{{ .Permalink }}</link><description>{{ .Content | html }}</description></item>{{ end }}</channel></rss>\n';

async function site(canonify: boolean): Promise<string> {
  const dir = path.join(tempDir(`hp-subpath-${canonify ? 'canon' : 'plain'}-`), 'site');
  write(dir, 'hugo.toml', `baseURL = "https://example.org/blog/"\ntitle = "t"\ncanonifyURLs = ${canonify}\ndisableKinds = ["taxonomy", "term", "sitemap"]\n`);
  write(dir, 'layouts/_default/single.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
  write(dir, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  write(dir, 'layouts/_default/rss.xml', RSS);
  write(dir, 'content/posts/p/index.md', '---\ntitle: p\n---\nThe state $h_t$.\n\n{{< figure src="photo.png" alt="A photo" caption="The photo" >}}\n');
  write(dir, 'content/posts/p/photo.png', await sharp({ create: { width: 900, height: 500, channels: 3, background: '#48c' } }).png().toBuffer());
  initSite(dir);
  const r = await prerender({ source: dir });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.imagesProcessed).toBe(1);
  return dir;
}

/** Every URL of an image variant of ours in the text (src and srcset alike), decoded from the feed's escaping. */
const imageUrls = (text: string) => [...text.replace(/&#34;|&quot;/g, '"').matchAll(/[^\s"',]*prerender\/img\/[^\s"',&]+/g)].map((m) => m[0]);

describe.each([false, true])('baseURL with a path, canonifyURLs %s', (canonify) => {
  let dir: string;
  beforeAll(async () => {
    dir = await site(canonify);
  }, 120_000);

  describeEachHugo('built by Hugo', (hugo) => {
    it('points every image of the page and of the feed at /blog/prerender/img/, once', () => {
      const built = buildSite(hugo.bin, dir);
      expect(built.errors, built.stdout + built.stderr).toEqual([]);
      const page = imageUrls(built.read('posts/p/index.html'));
      const feed = imageUrls(built.read('posts/index.xml'));
      expect(page.length).toBeGreaterThan(2);
      expect(feed.length).toBe(page.length);
      const want = canonify ? /^https:\/\/example\.org\/blog\/prerender\/img\// : /^\/blog\/prerender\/img\//;
      for (const url of page) expect(url).toMatch(want);
      for (const url of feed) expect(url).toMatch(/^https:\/\/example\.org\/blog\/prerender\/img\//);
      // And each names a file that Hugo published there.
      for (const url of [...page, ...feed]) {
        const file = url.replace(/^(https:\/\/example\.org)?\/blog\//, '');
        expect(() => built.read(file), url).not.toThrow();
      }
    });
  });
});
