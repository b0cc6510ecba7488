/**
 * A site's own figure shortcode stays in charge of its markup, and still gets the responsive images:
 * `hugo-prerender build` makes them and writes .prerender/images.json, which
 * partials/prerender/picture.html (markup) and image.html (data) read. Built by Hugo 0.111.3 and the
 * newest; the partials find the data by the page's .File.Path and the src as written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender, type BuildResult as PrerenderResult } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { attr, byTag, findAll, hasClass, parseHtml, srcsetOf, type Element } from '../helpers/html.js';
import { buildSite, describeEachHugo, PROJECT_ROOT, tempDir, type BuildResult } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const THEIR_FIGURE =
  '<figure class="theirs">' +
  '{{ partial "prerender/picture.html" (dict "page" .Page "src" (.Get "src") "alt" (.Get "alt") "loading" (cond (eq .Ordinal 0) "eager" "lazy")) }}' +
  '{{ with partial "prerender/image.html" (dict "page" .Page "src" (.Get "src")) }}<figcaption data-size="{{ .width }}x{{ .height }}">{{ .format }}</figcaption>{{ end }}' +
  '</figure>\n';

const POST = [
  '---',
  'title: Own figures',
  '---',
  '{{< figure src="photo.jpg" alt="A photo" >}}',
  '',
  '{{< figure src="/images/diagram.png" alt="A diagram" >}}',
  '',
  '{{< figure src="https://example.org/remote.png" alt="Remote" >}}',
  '',
  '{{< figure src="/images/broken.jpg" alt="Broken" >}}',
  '',
  '{{< figure src="/images/missing.png" alt="Missing" >}}',
  '',
].join('\n');

let site: string;
let pre: PrerenderResult;

beforeAll(async () => {
  site = path.join(tempDir('hp-own-figure-'), 'site');
  write(site, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
  write(site, 'layouts/_default/single.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n');
  write(site, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  write(site, 'layouts/shortcodes/figure.html', THEIR_FIGURE);
  write(site, 'content/posts/p/index.md', POST);
  write(site, 'content/posts/p/photo.jpg', await sharp({ create: { width: 1200, height: 720, channels: 3, background: '#3a6' } }).jpeg().toBuffer());
  write(site, 'static/images/diagram.png', await sharp({ create: { width: 700, height: 300, channels: 3, background: '#fff' } }).png().toBuffer());
  write(site, 'static/images/broken.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  expect(initSite(site).changed).toBe(true);
  pre = await prerender({ source: site });
}, 120_000);

describe('hugo-prerender build with a site figure', () => {
  it('makes the images of the figures it does not render, and warns at the src of a broken or missing one', () => {
    expect(pre.failed).toBe(false);
    expect(pre.figures).toBe(0);
    expect(pre).toMatchObject({ images: 3, imagesProcessed: 2 });
    expect(pre.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['content/posts/p/index.md', 10, 12, 'figure-image'],
      ['content/posts/p/index.md', 12, 12, 'figure-missing'],
    ]);
    expect(pre.diagnostics[0]!.message).toMatch(/^figure: image "\/images\/broken\.jpg" /);
    // As our own figure says it.
    expect(pre.diagnostics[1]!.message).toBe(
      'figure: image "/images/missing.png" was not found in static, assets or the page bundle; looked for content/posts/p/images/missing.png, assets/images/missing.png, static/images/missing.png',
    );
    const index = JSON.parse(readFileSync(path.join(site, '.prerender/images.json'), 'utf8'));
    expect(Object.keys(index)).toEqual(['posts/p/index.md']);
    expect(Object.keys(index['posts/p/index.md']).sort()).toEqual(['/images/diagram.png', 'photo.jpg']);
  });

  it('processes nothing on a second build and writes the same index', async () => {
    const before = readFileSync(path.join(site, '.prerender/images.json'));
    const again = await prerender({ source: site });
    expect(again).toMatchObject({ images: 3, imagesProcessed: 0 });
    expect(readFileSync(path.join(site, '.prerender/images.json')).equals(before)).toBe(true);
  });
});

describeEachHugo('a site figure built by Hugo', (hugo) => {
  let built: BuildResult;
  let figures: Element[];

  beforeAll(() => {
    built = buildSite(hugo.bin, site);
    expect(built.code, built.stdout + built.stderr).toBe(0);
    figures = findAll(parseHtml(built.read('posts/p/index.html')), (el) => el.tagName === 'figure' && hasClass(el, 'theirs'));
  });

  it('builds without errors', () => {
    expect(built.errors).toEqual([]);
  });

  it("keeps the site's markup, with <picture>, AVIF and WebP sources, srcset, sizes and the real size", () => {
    expect(figures).toHaveLength(5);
    const [photo, diagram] = figures as [Element, Element];
    for (const [f, name, w, h, widths, ext] of [
      [photo, 'photo', 1200, 720, [400, 800, 1200], 'jpg'],
      [diagram, 'diagram', 700, 300, [400, 700], 'png'],
    ] as const) {
      const picture = byTag(f, 'picture')[0]!;
      const sources = byTag(picture, 'source');
      expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
      const img = byTag(picture, 'img')[0]!;
      for (const [el, e] of [...sources.map((s, i) => [s, ['avif', 'webp'][i]!] as const), [img, ext] as const]) {
        const set = srcsetOf(el);
        expect(set.map((c) => c.width)).toEqual(widths);
        for (const c of set) {
          expect(c.url).toMatch(new RegExp(`^/prerender/img/[0-9a-f]{20}/${name}-${c.width}\\.${e}$`));
          expect(existsSync(path.join(built.publicDir, c.url)), c.url).toBe(true);
        }
      }
      expect([attr(img, 'width'), attr(img, 'height')]).toEqual([String(w), String(h)]);
      expect(byTag(f, 'figcaption').map((c) => attr(c, 'dataSize'))).toEqual([`${w}x${h}`]);
    }
    expect([attr(byTag(photo, 'img')[0]!, 'loading'), attr(byTag(photo, 'img')[0]!, 'decoding')]).toEqual(['eager', undefined]);
    expect([attr(byTag(diagram, 'img')[0]!, 'loading'), attr(byTag(diagram, 'img')[0]!, 'decoding')]).toEqual(['lazy', 'async']);
  });

  it('leaves a remote image and a broken one as written', () => {
    const [, , remote, broken] = figures as [Element, Element, Element, Element];
    for (const [f, src] of [
      [remote, 'https://example.org/remote.png'],
      [broken, '/images/broken.jpg'],
    ] as const) {
      expect(byTag(f, 'picture')).toEqual([]);
      expect(byTag(f, 'img').map((i) => attr(i, 'src'))).toEqual([src]);
      expect(byTag(f, 'figcaption')).toEqual([]);
    }
  });
});

/** A site figure that passes hugo-prerender's src-dark on to picture.html (srcDark). */
const THEIR_DARK_FIGURE =
  '<figure class="theirs">' +
  '{{ partial "prerender/picture.html" (dict "page" .Page "src" (.Get "src") "srcDark" (.Get "src-dark") "alt" (.Get "alt") "loading" "lazy") }}' +
  '</figure>\n';

describe('a site figure that does not ask for the versions', () => {
  // PaperMod's own figure (the model in fixtures/themes): a plain <img src>, no call of our partials.
  const PAPERMOD_FIGURE = readFileSync(path.join(PROJECT_ROOT, 'fixtures/themes/papermod/themes/PaperMod-model/layouts/shortcodes/figure.html'), 'utf8');
  const siteWith = async (name: string, files: Record<string, string>) => {
    const dir = path.join(tempDir(`hp-own-figure-${name}-`), 'site');
    write(dir, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    for (const [file, text] of Object.entries(files)) write(dir, file, text);
    write(dir, 'content/posts/p/index.md', '---\ntitle: t\n---\n{{< figure src="photo.jpg" alt="A photo" >}}\n\n{{< figure src="/images/missing.png" alt="Missing" >}}\n');
    write(dir, 'content/posts/p/photo.jpg', await sharp({ create: { width: 1200, height: 720, channels: 3, background: '#3a6' } }).jpeg().toBuffer());
    expect(initSite(dir).changed).toBe(true);
    return { dir, pre: await prerender({ source: dir }) };
  };

  it('makes none (no image decoded or written) and still warns at a missing one', async () => {
    const { dir, pre } = await siteWith('plain', { 'layouts/shortcodes/figure.html': PAPERMOD_FIGURE });
    expect(pre.failed).toBe(false);
    expect(pre).toMatchObject({ images: 0, imagesProcessed: 0 });
    expect(pre.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[6, 12, 'figure-missing']]);
    expect(existsSync(path.join(dir, '.prerender/static/prerender/img'))).toBe(false);
    const index = existsSync(path.join(dir, '.prerender/images.json')) ? JSON.parse(readFileSync(path.join(dir, '.prerender/images.json'), 'utf8')) : {};
    expect(index).toEqual({});
  });

  it('makes them where the template asks through a partial of its own, and when the template starts asking', async () => {
    const { dir, pre } = await siteWith('partial', {
      'layouts/shortcodes/figure.html': '<figure class="theirs">{{ partial "figure/img" . }}</figure>\n',
      'layouts/partials/figure/img.html': '{{ partial "prerender/picture.html" (dict "page" .Page "src" (.Get "src") "alt" (.Get "alt")) }}\n',
    });
    expect(pre).toMatchObject({ images: 1, imagesProcessed: 1 });
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, '.prerender/images.json'), 'utf8'))['posts/p/index.md'])).toEqual(['photo.jpg']);

    const { dir: later, pre: first } = await siteWith('later', { 'layouts/shortcodes/figure.html': PAPERMOD_FIGURE });
    expect(first).toMatchObject({ images: 0 });
    write(later, 'layouts/shortcodes/figure.html', THEIR_FIGURE);
    // The page is unchanged, but its record was made without the versions: built again, with them.
    const again = await prerender({ source: later });
    expect(again).toMatchObject({ images: 1, imagesProcessed: 1 });
    expect(Object.keys(JSON.parse(readFileSync(path.join(later, '.prerender/images.json'), 'utf8'))['posts/p/index.md'])).toEqual(['photo.jpg']);
  });
});

describe('a site figure that passes src-dark on to picture.html', () => {
  let darkSite: string;
  let darkPre: PrerenderResult;
  beforeAll(async () => {
    darkSite = path.join(tempDir('hp-own-figure-dark-'), 'site');
    write(darkSite, 'hugo.toml', 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    write(darkSite, 'layouts/_default/single.html', '<html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n');
    write(darkSite, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
    write(darkSite, 'layouts/shortcodes/figure.html', THEIR_DARK_FIGURE);
    // No math: the head partial links no stylesheet on this page; picture.html links prerender.css itself.
    write(darkSite, 'content/posts/d.md', '---\ntitle: Dark\n---\n{{< figure src="/images/light.png" src-dark="/images/dark.png" alt="Both" >}}\n\n{{< figure src="https://example.org/l.png" src-dark="https://example.org/d.png" alt="Remote" >}}\n');
    write(darkSite, 'static/images/light.png', await sharp({ create: { width: 600, height: 300, channels: 3, background: '#fff' } }).png().toBuffer());
    write(darkSite, 'static/images/dark.png', await sharp({ create: { width: 500, height: 300, channels: 3, background: '#111' } }).png().toBuffer());
    expect(initSite(darkSite).changed).toBe(true);
    darkPre = await prerender({ source: darkSite });
  }, 120_000);

  it('makes the dark image too, and says nothing of src-dark (the template reads it)', () => {
    expect(darkPre.failed).toBe(false);
    expect(darkPre.diagnostics).toEqual([]);
    const index = JSON.parse(readFileSync(path.join(darkSite, '.prerender/images.json'), 'utf8'));
    expect(Object.keys(index['posts/d.md']).sort()).toEqual(['/images/dark.png', '/images/light.png']);
  });

  describeEachHugo('built by Hugo', (hugo) => {
    it('writes both images, marked for prerender.css, and links it', () => {
      const built = buildSite(hugo.bin, darkSite);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      const html = built.read('posts/d/index.html');
      const figs = findAll(parseHtml(html), (el) => el.tagName === 'figure');
      expect(figs).toHaveLength(2);
      const [local, remote] = figs as [Element, Element];
      const pictures = byTag(local, 'picture');
      expect(pictures.map((p) => attr(p, 'className'))).toEqual(['hp-light-only', 'hp-dark-only']);
      expect(pictures.map((p) => srcsetOf(byTag(p, 'img')[0]!).map((c) => c.url.replace(/^.*\//, '')))).toEqual([
        ['light-400.png', 'light-600.png'],
        ['dark-400.png'], // its own 500 px is not over 25 % wider than 400 px: not written (README, Responsive images)
      ]);
      expect(byTag(local, 'img').map((i) => [attr(i, 'width'), attr(i, 'loading')])).toEqual([
        ['600', 'lazy'],
        ['500', 'lazy'],
      ]);
      expect(byTag(remote, 'img').map((i) => [attr(i, 'src'), attr(i, 'className')])).toEqual([
        ['https://example.org/l.png', 'hp-light-only'],
        ['https://example.org/d.png', 'hp-dark-only'],
      ]);
      expect(html).toContain('<link rel="stylesheet" href="/prerender/prerender.css">');
      expect(readFileSync(path.join(built.publicDir, 'prerender/prerender.css'), 'utf8')).toContain('.hp-dark-only');
    });
  });
});
