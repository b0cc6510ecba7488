/**
 * Markdown images (`![alt](photo.jpg "title")`) served as a figure's image is: `<picture>` with AVIF and
 * WebP sources, srcset, sizes, the real width and height, lazy after the first image of the page. Only
 * images whose file is certain (a page bundle's resource, a file of static/ by its absolute path), in the
 * page's Markdown and in a `{{% %}}` shortcode's; every other image, and every image in a heading or a
 * `{{< >}}` shortcode, is exactly what plain Hugo makes of it (the same site built without hugo-prerender). A site with its own image render hook keeps it: the images'
 * versions go to images.json for it. Built by Hugo 0.111.3 and the newest.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite as prerender, type BuildResult as PrerenderResult } from '../../src/build.js';
import { initSite } from '../../src/site/init.js';
import { attr, byTag, findAll, parseHtml, srcsetOf, type Element } from '../helpers/html.js';
import { buildSite, describeEachHugo, tempDir } from '../helpers/hugo.js';
import { write } from '../helpers/temp-site.js';

const CONFIG = 'baseURL = "https://example.org/"\ntitle = "t"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n';
const SINGLE = '<html><head>{{ partial "prerender/head.html" . }}</head><body><article>{{ .Content }}</article></body></html>\n';
const PLAIN_SINGLE = '<html><head></head><body><article>{{ .Content }}</article></body></html>\n';

const BUNDLE_POST = [
  '---',
  'title: Images',
  '---',
  'Math first: $x_t$.',
  '',
  '![A photo of *grass*](photo.jpg "The title")',
  '',
  'Inline ![icon](/images/diagram.png) in text, and linked: [![linked](photo.jpg)](https://example.org/).',
  '',
  '![remote](https://example.org/r.png) ![missing](nope.png) ![by reference][r] ![query](photo.jpg?v=2)',
  '',
  '## A heading ![h](photo.jpg)',
  '',
  '{{< figure src="photo.jpg" alt="A figure" >}}',
  '',
  '{{% note %}}',
  '![inside a shortcode](photo.jpg)',
  '{{% /note %}}',
  '',
  '{{< note >}}![not Markdown here](photo.jpg){{< /note >}}',
  '',
  "[r]: /images/diagram.png 'Reference title'",
  '',
].join('\n');

// Not a bundle: a relative path resolves against the page's URL, which the file's place does not tell.
const LEAF_POST = ['---', 'title: Leaf', '---', '![relative](photo.jpg) ![absolute](/images/diagram.png)', ''].join('\n');

async function images(site: string): Promise<void> {
  write(site, 'content/posts/p/photo.jpg', await sharp({ create: { width: 1200, height: 720, channels: 3, background: '#3a6' } }).jpeg().toBuffer());
  write(site, 'static/images/diagram.png', await sharp({ create: { width: 700, height: 300, channels: 3, background: '#fff' } }).png().toBuffer());
}

/** The site: `own` is hugo-prerender's (init run), otherwise the same content for plain Hugo. */
async function makeSite(prefix: string, own: boolean, extra: Record<string, string> = {}): Promise<string> {
  const site = path.join(tempDir(prefix), 'site');
  write(site, 'hugo.toml', CONFIG + (extra['hugo.toml'] ?? ''));
  write(site, 'layouts/_default/single.html', own ? SINGLE : PLAIN_SINGLE);
  write(site, 'layouts/_default/list.html', '<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n');
  // Its content goes on through Hugo's Markdown (a `{{% %}}` shortcode), which renders the image in it.
  write(site, 'layouts/shortcodes/note.html', '{{ .Inner }}\n');
  for (const [rel, text] of Object.entries(extra)) if (rel !== 'hugo.toml') write(site, rel, text);
  write(site, 'content/posts/p/index.md', BUNDLE_POST);
  write(site, 'content/posts/leaf.md', LEAF_POST);
  await images(site);
  if (own) expect(initSite(site).changed).toBe(true);
  return site;
}

const pictures = (html: string) => findAll(parseHtml(html), (el) => el.tagName === 'picture');
/** The page's <img> elements that are in no <picture>: src, alt and title. */
function plainImgs(html: string): string[] {
  const tree = parseHtml(html);
  const inPicture = new Set(findAll(tree, (el) => el.tagName === 'picture').flatMap((p) => byTag(p, 'img')));
  return findAll(tree, (el) => el.tagName === 'img')
    .filter((i) => !inPicture.has(i))
    .map((i) => JSON.stringify([attr(i, 'src'), attr(i, 'alt'), attr(i, 'title') ?? null]));
}

describe('Markdown images on a site without an image render hook', () => {
  let site: string;
  let plainSite: string;
  let pre: PrerenderResult;

  beforeAll(async () => {
    site = await makeSite('hp-md-images-', true);
    plainSite = await makeSite('hp-md-images-plain-', false);
    pre = await prerender({ source: site });
  }, 120_000);

  it('serves the images it can be sure of, and warns at a missing image of the page bundle', () => {
    expect(pre.failed).toBe(false);
    expect(pre.diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.message])).toEqual([
      [
        'content/posts/p/index.md',
        10,
        38,
        'image-missing',
        'Markdown image "nope.png" is not in the page bundle (looked for content/posts/p/nope.png), so the page shows a broken image',
      ],
    ]);
    // The photo and the diagram, each processed once whatever the number of pages showing it.
    expect(pre).toMatchObject({ images: 2, imagesProcessed: 2, shadowed: 2 });
    const shadow = readFileSync(path.join(site, '.prerender/content/posts/p/index.md'), 'utf8');
    // Every line where the original has it; what is left as written, left byte for byte.
    expect(shadow.split('\n')).toHaveLength(BUNDLE_POST.split('\n').length);
    for (const kept of ['![remote](https://example.org/r.png) ![missing](nope.png)', '![query](photo.jpg?v=2)', '## A heading ![h](photo.jpg)', '{{< note >}}![not Markdown here](photo.jpg){{< /note >}}']) {
      expect(shadow).toContain(kept);
    }
    expect(readFileSync(path.join(site, '.prerender/content/posts/leaf.md'), 'utf8')).toContain('![relative](photo.jpg) {{< prerender');
  });

  it('processes nothing on a second build and writes the same shadows', async () => {
    const read = () => readFileSync(path.join(site, '.prerender/content/posts/p/index.md'), 'utf8');
    const before = read();
    const again = await prerender({ source: site });
    expect(again).toMatchObject({ images: 2, imagesProcessed: 0 });
    expect(read()).toBe(before);
  });

  it('leaves Markdown images alone with params.prerender.images.markdown = false', async () => {
    const off = await makeSite('hp-md-images-off-', true, { 'hugo.toml': '[params.prerender.images]\nmarkdown = false\n' });
    const r = await prerender({ source: off });
    expect(r.diagnostics).toEqual([]);
    // The figure's photo alone.
    expect(r).toMatchObject({ images: 1, shadowed: 1 });
    expect(existsSync(path.join(off, '.prerender/content/posts/leaf.md'))).toBe(false);
    expect(readFileSync(path.join(off, '.prerender/content/posts/p/index.md'), 'utf8')).toContain('![A photo of *grass*](photo.jpg "The title")');
  });

  describeEachHugo('built by Hugo', (hugo) => {
    let html: string;
    let plainHtml: string;
    let publicDir: string;
    beforeAll(() => {
      const built = buildSite(hugo.bin, site);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      expect(built.errors).toEqual([]);
      html = built.read('posts/p/index.html');
      publicDir = built.publicDir;
      const plain = buildSite(hugo.bin, plainSite, { linkPackage: false });
      expect(plain.code, plain.stdout + plain.stderr).toBe(0);
      plainHtml = plain.read('posts/p/index.html');
    });

    it('shows each served image as <picture> with AVIF and WebP, srcset, sizes, alt, title and its real size', () => {
      const all = pictures(html);
      // Photo, icon, linked photo, the reference image, the figure's, then the one in a {{% %}} shortcode
      // (whose output Hugo renders as the page's Markdown).
      expect(all).toHaveLength(6);
      const shown = all.map((p) => {
        const img = byTag(p, 'img')[0]!;
        return [attr(img, 'alt'), attr(img, 'title'), attr(img, 'width'), attr(img, 'height'), attr(img, 'loading'), attr(img, 'decoding')];
      });
      expect(shown).toEqual([
        ['A photo of grass', 'The title', '1200', '720', undefined, undefined],
        ['icon', undefined, '700', '300', 'lazy', 'async'],
        ['linked', undefined, '1200', '720', 'lazy', 'async'],
        ['by reference', 'Reference title', '700', '300', 'lazy', 'async'],
        // The figure after them is not the page's first image: lazy too.
        ['A figure', undefined, '1200', '720', 'lazy', 'async'],
        ['inside a shortcode', undefined, '1200', '720', 'lazy', 'async'],
      ]);
      for (const [p, name, widths, ext] of [
        [all[0]!, 'photo', [400, 800, 1200], 'jpg'],
        [all[1]!, 'diagram', [400, 700], 'png'],
      ] as const) {
        const sources = byTag(p, 'source');
        expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
        const img = byTag(p, 'img')[0]!;
        for (const [el, e] of [[sources[0]!, 'avif'], [sources[1]!, 'webp'], [img, ext]] as const) {
          expect(attr(el, 'sizes')).toBe(`(max-width: ${Math.min(800, widths.at(-1)!)}px) 100vw, ${Math.min(800, widths.at(-1)!)}px`);
          const set = srcsetOf(el);
          expect(set.map((c) => c.width)).toEqual(widths);
          for (const c of set) {
            expect(c.url).toMatch(new RegExp(`^/prerender/img/[0-9a-f]{20}/${name}-${c.width}\\.${e}$`));
            expect(existsSync(path.join(publicDir, c.url)), c.url).toBe(true);
          }
        }
      }
      // In its paragraph, in its link.
      const linked = findAll(parseHtml(html), (el) => el.tagName === 'a' && attr(el, 'href') === 'https://example.org/')[0]!;
      expect(byTag(linked, 'picture')).toHaveLength(1);
    });

    it('leaves every other image exactly as plain Hugo shows it', () => {
      const left = plainImgs(html);
      expect(left).toEqual([
        '["https://example.org/r.png","remote",null]',
        '["nope.png","missing",null]',
        '["photo.jpg?v=2","query",null]',
        '["photo.jpg","h",null]',
      ]);
      // Plain Hugo: the same, and the served ones as plain <img> too (figure aside).
      expect(plainImgs(plainHtml).filter((i) => left.includes(i))).toEqual(left);
      // The heading keeps the id plain Hugo gives it.
      const heading = (h: string) => findAll(parseHtml(h), (el) => el.tagName === 'h2').map((el) => attr(el, 'id'));
      expect(heading(html)).toEqual(heading(plainHtml));
    });

    it('serves an absolute path on a page that is not a bundle, and leaves a relative one', () => {
      const leaf = (built: string) => buildSiteRead(built, 'posts/leaf/index.html');
      const page = leaf(publicDir);
      expect(pictures(page).map((p) => attr(byTag(p, 'img')[0]!, 'alt'))).toEqual(['absolute']);
      expect(plainImgs(page)).toEqual(['["photo.jpg","relative",null]']);
    });
  });
});

function buildSiteRead(publicDir: string, rel: string): string {
  return readFileSync(path.join(publicDir, rel), 'utf8');
}

describe("Markdown images on a site with its own image render hook", () => {
  // The README's line.
  const HOOK = '<span class="hook">{{ partial "prerender/picture.html" (dict "page" .Page "src" .Destination "alt" .PlainText "loading" (cond (eq .Ordinal 0) "eager" "lazy")) }}</span>';
  let site: string;
  let pre: PrerenderResult;

  beforeAll(async () => {
    site = await makeSite('hp-md-images-hook-', true, { 'layouts/_default/_markup/render-image.html': HOOK });
    pre = await prerender({ source: site });
  }, 120_000);

  it('leaves the images to the hook, and writes their versions to images.json for it', () => {
    expect(pre.failed).toBe(false);
    expect(pre.diagnostics.map((d) => [d.line, d.code])).toEqual([[10, 'image-missing']]);
    // The bundle page for its math and figure; the leaf page has nothing of ours.
    expect(pre).toMatchObject({ shadowed: 1, images: 2 });
    expect(readFileSync(path.join(site, '.prerender/content/posts/p/index.md'), 'utf8')).toContain('![A photo of *grass*](photo.jpg "The title")');
    expect(existsSync(path.join(site, '.prerender/content/posts/leaf.md'))).toBe(false);
    const index = JSON.parse(readFileSync(path.join(site, '.prerender/images.json'), 'utf8'));
    expect(index).toEqual({
      // Images in a heading and in a {{% %}} shortcode too: the hook renders those.
      'posts/p/index.md': { 'photo.jpg': expect.any(Object), '/images/diagram.png': expect.any(Object) },
      'posts/leaf.md': { '/images/diagram.png': expect.any(Object) },
    });
    expect(index['posts/p/index.md']['photo.jpg']).toMatchObject({ width: 1200, height: 720, format: 'jpeg' });
  });

  it('makes nothing for a hook that does not ask for it', async () => {
    const theirs = await makeSite('hp-md-images-hook-theirs-', true, { 'layouts/_default/_markup/render-image.html': '<img class="theirs" src="{{ .Destination | safeURL }}" alt="{{ .Text }}">' });
    const r = await prerender({ source: theirs });
    expect(r.diagnostics).toEqual([]);
    // The figure's photo alone: the diagram, shown by Markdown images only, is not processed.
    expect(r).toMatchObject({ shadowed: 1, images: 1 });
    expect(existsSync(path.join(theirs, '.prerender/images.json'))).toBe(false);
  }, 120_000);

  describeEachHugo('built by Hugo', (hugo) => {
    it("shows the hook's markup with the <picture> it asked prerender/picture.html for", () => {
      const built = buildSite(hugo.bin, site);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      const html = built.read('posts/p/index.html');
      const hooks = findAll(parseHtml(html), (el) => el.tagName === 'span' && attr(el, 'className') === 'hook');
      const img = (h: Element) => byTag(h, 'img')[0]!;
      expect(hooks.map((h) => attr(img(h), 'loading'))).toEqual(['eager', ...Array(8).fill('lazy')]);
      expect(hooks.map((h) => (byTag(h, 'picture').length ? `picture ${attr(img(h), 'alt')}` : `img ${attr(img(h), 'src')}`))).toEqual([
        'picture A photo of grass',
        'picture icon',
        'picture linked',
        'img https://example.org/r.png',
        'img nope.png',
        'picture by reference',
        'img photo.jpg?v=2',
        'picture h',
        'picture inside a shortcode',
      ]);
    });
  });
});

describe('images.json and the variants of a site that serves no Markdown image', () => {
  it('has no images.json when no template asks for it', async () => {
    const site = await makeSite('hp-md-images-none-', true);
    await prerender({ source: site });
    expect(readdirSync(path.join(site, '.prerender'))).not.toContain('images.json');
  }, 120_000);
});

describe('Markdown images on the next build', () => {
  it('serves an image changed or added since, and keeps every other page', async () => {
    const site = await makeSite('hp-md-images-next-', true);
    await prerender({ source: site });
    const shadow = () => readFileSync(path.join(site, '.prerender/content/posts/p/index.md'), 'utf8');
    expect(shadow()).toContain('![missing](nope.png)');
    write(site, 'content/posts/p/photo.jpg', await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a63' } }).jpeg().toBuffer());
    write(site, 'content/posts/p/nope.png', await sharp({ create: { width: 500, height: 500, channels: 3, background: '#000' } }).png().toBuffer());
    const next = await prerender({ source: site });
    expect(next.diagnostics).toEqual([]);
    // The bundle page again, the leaf page (which shows no bundle image) kept.
    expect(next).toMatchObject({ unchanged: 1, imagesProcessed: 2 });
    expect(shadow()).not.toContain('![missing](nope.png)');
    expect(shadow()).toContain('alt="missing" width="500" height="500"');
    expect(shadow()).toContain('alt="A photo of grass" title="The title" width="900" height="600"');
  }, 120_000);
});

describe('placeholder = "blur"', () => {
  const BLUR = '[params.prerender.images]\nplaceholder = "blur"\n';
  const HOOK = '<span class="hook">{{ partial "prerender/picture.html" (dict "page" .Page "src" .Destination "alt" .PlainText) }}</span>';
  let ours: string;
  let hooked: string;
  let placeholder: string;

  beforeAll(async () => {
    ours = await makeSite('hp-md-images-blur-', true, { 'hugo.toml': BLUR });
    hooked = await makeSite('hp-md-images-blur-hook-', true, { 'hugo.toml': BLUR, 'layouts/_default/_markup/render-image.html': HOOK });
    for (const site of [ours, hooked]) expect((await prerender({ source: site })).failed).toBe(false);
    const index = JSON.parse(readFileSync(path.join(hooked, '.prerender/images.json'), 'utf8'));
    placeholder = index['posts/p/index.md']['photo.jpg'].placeholder;
    expect(placeholder).toMatch(/^data:image\/webp;base64,/);
    const tiny = await sharp(Buffer.from(placeholder.slice(placeholder.indexOf(',') + 1), 'base64')).metadata();
    // The photo is 1200×720.
    expect([tiny.width, tiny.height]).toEqual([16, 10]);
  }, 120_000);

  describeEachHugo('built by Hugo', (hugo) => {
    const backgrounds = (site: string) => {
      const built = buildSite(hugo.bin, site);
      expect(built.code, built.stdout + built.stderr).toBe(0);
      return pictures(built.read('posts/p/index.html')).map((p) => {
        const img = byTag(p, 'img')[0]!;
        return [attr(img, 'alt'), /^background-size:cover;background-image:url\((data:image\/webp;base64,[^)]*)\)$/.exec(attr(img, 'style') ?? '')?.[1] === placeholderOf(attr(img, 'src')!)];
      });
    };
    // Each image's own placeholder: the photo's, or the diagram's (a white PNG without alpha).
    let byImage: Record<string, string>;
    const placeholderOf = (src: string) => byImage[/photo/.test(src) ? 'photo.jpg' : '/images/diagram.png'];
    beforeAll(() => {
      const index = JSON.parse(readFileSync(path.join(hooked, '.prerender/images.json'), 'utf8'));
      const entries = index['posts/p/index.md'] as Record<string, { placeholder: string }>;
      byImage = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.placeholder]));
      expect(byImage['photo.jpg']).toBe(placeholder);
    });

    it('puts each image its placeholder as the CSS background of its <img>: ours, a figure, and through the hook', () => {
      const expected = [
        ['A photo of grass', true],
        ['icon', true],
        ['linked', true],
        ['by reference', true],
        ['A figure', true],
        ['inside a shortcode', true],
      ];
      expect(backgrounds(ours)).toEqual(expected);
      // Through prerender/picture.html: the Markdown images the hook renders (the figure is ours: it is here too).
      expect(backgrounds(hooked)).toEqual([...expected.slice(0, 4), ['h', true], ['A figure', true], ['inside a shortcode', true]]);
      expect(backgrounds(hooked)).toHaveLength(7);
    });
  });
});
