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
import { languageMountStyle } from '../../src/site/config.js';
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

describeEachHugo('a multihost site whose French host serves it below /blog/', (hugo) => {
  // `[languages.fr] baseURL = "https://example.fr/blog/"`: Hugo publishes each language to public/<lang>/
  // with the static files copied there, served at that language's baseURL. The build took the site's
  // baseURL alone: French pages named /prerender/img/… (a 404 there) while Hugo put their stylesheet at
  // /blog/prerender/…. Both translations of one bundle show the same image (one fragment, were it shared).
  let dir: string;
  beforeAll(async () => {
    dir = path.join(tempDir('hp-multihost-'), 'site');
    write(dir, 'hugo.toml', 'title = "t"\ndefaultContentLanguage = "en"\ndisableKinds = ["taxonomy", "term", "sitemap", "RSS"]\n[languages.en]\nweight = 1\nbaseURL = "https://en.example.org/"\n[languages.fr]\nweight = 2\nbaseURL = "https://example.fr/blog/"\n');
    write(dir, 'layouts/_default/single.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ .Content }}</body></html>\n');
    write(dir, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
    const figure = '{{< figure src="photo.png" alt="A photo" caption="The photo" >}}\n\n![A photo](photo.png)\n';
    write(dir, 'content/posts/p/index.md', `---\ntitle: p\n---\nThe state $h_t$.\n\n${figure}`);
    write(dir, 'content/posts/p/index.fr.md', `---\ntitle: p\n---\nL'état $h_t$.\n\n${figure}`);
    write(dir, 'content/posts/p/photo.png', await sharp({ create: { width: 900, height: 500, channels: 3, background: '#48c' } }).png().toBuffer());
    initSite(dir, { languageStyle: languageMountStyle(hugo.version) });
    const r = await prerender({ source: dir });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 120_000);

  it("names each language's image variants below its own host's path, files Hugo published there", () => {
    const built = buildSite(hugo.bin, dir);
    expect(built.errors, built.stdout + built.stderr).toEqual([]);
    for (const [lang, base] of [['en', '/'], ['fr', '/blog/']] as const) {
      const html = built.read(`${lang}/posts/p/index.html`);
      expect(html).toContain(`href="${base}prerender/katex/katex.min.css"`);
      const urls = imageUrls(html);
      expect(urls.length, lang).toBeGreaterThan(4);
      for (const url of urls) {
        expect(url, lang).toMatch(new RegExp(`^${base.replace(/\//g, '\\/')}prerender\\/img\\/`));
        expect(() => built.read(`${lang}/${url.slice(base.length)}`), url).not.toThrow();
      }
    }
  });
});
