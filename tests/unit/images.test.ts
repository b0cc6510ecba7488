/**
 * The image pipeline (src/images) on images made here with sharp, written through the real `.prerender`
 * writer: widths never upscaled, format from the bytes, EXIF orientation applied and metadata stripped,
 * animations kept, SVG passed through, bad input reported (never thrown), and a warm build that
 * processes nothing while a full build removes what no figure uses any more.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_OPTIONS, imageOptions, type ImageOptions } from '../../src/images/options.js';
import { ImagePipeline, variantWidths, type ResponsiveImage } from '../../src/images/pipeline.js';
import { PrerenderOutput } from '../../src/site/output.js';
import { pictureData } from '../../src/images/service.js';
import { tempDir } from '../helpers/hugo.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';
import figure from '../../shortcodes/figure.js';

let dir: string;
const img = (name: string) => path.join(dir, 'static', name);
const OPTIONS: ImageOptions = { ...DEFAULT_IMAGE_OPTIONS, widths: [200, 400, 800] };

/** A noisy photo-like image, so encoders have real work and sizes differ by width. */
async function photo(width: number, height: number): Promise<Sharp> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = ((x * 7 + y * 13) % 64) * 4;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

beforeAll(async () => {
  dir = tempDir('hp-images-');
  mkdirSync(path.join(dir, 'static'), { recursive: true });
  writeFileSync(img('wide.png'), await (await photo(600, 300)).png().toBuffer());
  // A JPEG under a PNG name, like the seed post's RNN_models.png.
  writeFileSync(img('actually-jpeg.png'), await (await photo(500, 250)).jpeg().toBuffer());
  // Stored 600×400 with EXIF orientation 6 (rotate 90° clockwise to display): shown 400×600. With GPS.
  writeFileSync(
    img('rotated.jpg'),
    await (await photo(600, 400))
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
  // Three frames of 64×48.
  const frames = await Promise.all(
    ['#c00', '#0c0', '#00c'].map((c) => sharp({ create: { width: 64, height: 48, channels: 4, background: c } }).png().toBuffer()),
  );
  writeFileSync(img('anim.gif'), await sharp(frames, { join: { animated: true } }).gif({ delay: [100, 100, 100], loop: 0 }).toBuffer());
  writeFileSync(img('diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160"><rect width="320" height="160" fill="#08f"/></svg>');
  const jpeg = await (await photo(400, 300)).jpeg().toBuffer();
  writeFileSync(img('truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  // 12000×12000 of one colour: 144 megapixels in a few hundred kilobytes.
  writeFileSync(
    img('bomb.png'),
    await sharp({ create: { width: 12000, height: 12000, channels: 3, background: '#fff' }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer(),
  );
  writeFileSync(img('notes.png'), 'this is not an image\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pipeline(options: ImageOptions = OPTIONS) {
  const output = new PrerenderOutput(dir);
  return { output, images: new ImagePipeline({ store: output, options, urlBase: '/blog/' }) };
}

const staticFile = (url: string) => path.join(dir, '.prerender/static', url.replace(/^\/blog\//, ''));
const widths = (r: ResponsiveImage) => Object.fromEntries(r.sets.map((s) => [s.format, s.candidates.map((c) => c.width)]));

describe('variantWidths', () => {
  it('keeps the widths below the image, and its own width instead of larger ones when 25 % wider than the last', () => {
    expect(variantWidths([400, 800, 1200], 1160)).toEqual([400, 800, 1160]);
    expect(variantWidths([400, 800], 800)).toEqual([400, 800]);
    expect(variantWidths([400, 800], 2000)).toEqual([400, 800]);
    expect(variantWidths([400, 800], 120)).toEqual([120]);
    // Not 25 % wider than 800: 888 px would be a file barely larger than the 800 px one.
    expect(variantWidths([400, 800, 1200], 888)).toEqual([400, 800]);
    expect(variantWidths([400, 800, 1200], 1001)).toEqual([400, 800, 1001]);
  });
});

describe('the image pipeline', () => {
  it('makes AVIF, WebP and the own format at each width up to the image (never upscaled), real sizes', async () => {
    const { images, output } = pipeline();
    const r = await images.prepare(img('wide.png'), '/wide.png');
    expect(r.warnings).toEqual([]);
    const image = r.image!;
    expect(image).toMatchObject({ format: 'png', width: 600, height: 300, animated: false });
    expect(widths(image)).toEqual({ avif: [200, 400, 600], webp: [200, 400, 600], png: [200, 400, 600] });
    expect(image.sets.map((s) => s.mime)).toEqual(['image/avif', 'image/webp', 'image/png']);
    for (const set of image.sets) {
      for (const c of set.candidates) {
        expect(c.url).toMatch(/^\/blog\/prerender\/img\/[0-9a-f]{20}\/wide-\d+\.(avif|webp|png)$/);
        const meta = await sharp(readFileSync(staticFile(c.url))).metadata();
        expect([meta.width, meta.height]).toEqual([c.width, c.width / 2]);
        expect(meta.format).toBe(set.format === 'avif' ? 'heif' : set.format);
      }
    }
    expect(images.stats).toEqual({ images: 1, processed: 1 });
    output.finish();
  });

  it('takes the format from the bytes: a JPEG named .png is served as JPEG, with a warning', async () => {
    const { images } = pipeline();
    const r = await images.prepare(img('actually-jpeg.png'), 'actually-jpeg.png');
    expect(r.image!.format).toBe('jpeg');
    expect(r.image!.sets.at(-1)!.mime).toBe('image/jpeg');
    expect(r.image!.sets.at(-1)!.candidates.at(-1)!.url).toMatch(/actually-jpeg-400\.jpg$/);
    expect(r.warnings).toEqual([expect.stringMatching(/^image "actually-jpeg\.png" is a JPEG file although its name ends in \.png.*rename it to \.jpg/)]);
  });

  it('applies EXIF orientation and strips EXIF (GPS included) unless the site keeps metadata', async () => {
    const { images } = pipeline();
    const source = await sharp(readFileSync(img('rotated.jpg'))).metadata();
    expect([source.width, source.height, source.orientation]).toEqual([600, 400, 6]);
    expect(source.exif!.includes(Buffer.from('TestCam'))).toBe(true);
    const image = (await images.prepare(img('rotated.jpg'), 'rotated.jpg')).image!;
    expect([image.width, image.height]).toEqual([400, 600]);
    expect(widths(image).jpeg).toEqual([200, 400]);
    for (const set of image.sets) {
      const meta = await sharp(readFileSync(staticFile(set.candidates.at(-1)!.url))).metadata();
      expect([meta.width, meta.height]).toEqual([400, 600]);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
    }
    const kept = await pipeline({ ...OPTIONS, metadata: 'keep' }).images.prepare(img('rotated.jpg'), 'rotated.jpg');
    const jpeg = await sharp(readFileSync(staticFile(kept.image!.sets.at(-1)!.candidates.at(-1)!.url))).metadata();
    expect(jpeg.exif).toBeDefined();
    expect(jpeg.exif!.includes(Buffer.from('TestCam'))).toBe(true);
    expect([jpeg.autoOrient?.width, jpeg.autoOrient?.height]).toEqual([400, 600]);
  });

  it('keeps every frame of an animated GIF (WebP and GIF; AVIF cannot animate here)', async () => {
    const { images } = pipeline();
    const image = (await images.prepare(img('anim.gif'), 'anim.gif')).image!;
    expect(image).toMatchObject({ format: 'gif', width: 64, height: 48, animated: true });
    expect(image.sets.map((s) => s.format)).toEqual(['webp', 'gif']);
    for (const set of image.sets) {
      const meta = await sharp(readFileSync(staticFile(set.candidates[0]!.url)), { animated: true }).metadata();
      expect(meta.pages).toBe(3);
    }
  });

  it('passes an SVG through, with its size', async () => {
    const { images } = pipeline();
    const r = await images.prepare(img('diagram.svg'), 'diagram.svg');
    expect(r).toEqual({ image: { format: 'svg', width: 320, height: 160, animated: false, sets: [] }, warnings: [] });
  });

  it('reports truncated files, decompression bombs and non-images as warnings, and writes nothing for them', async () => {
    const { images } = pipeline();
    const truncated = await images.prepare(img('truncated.jpg'), 'truncated.jpg');
    expect(truncated.image).toBeUndefined();
    expect(truncated.warnings).toEqual([expect.stringMatching(/^image "truncated\.jpg" cannot be decoded \(.+\): is the file truncated or corrupt\?; the original is used as it is$/)]);
    const bomb = await images.prepare(img('bomb.png'), 'bomb.png');
    expect(bomb.image).toBeUndefined();
    expect(bomb.warnings).toEqual([expect.stringContaining('has 12000×12000 pixels, more than params.prerender.images.maxPixels (100000000)')]);
    const text = await images.prepare(img('notes.png'), 'notes.png');
    expect(text.image).toBeUndefined();
    expect(text.warnings).toEqual([expect.stringMatching(/^image "notes\.png" is not an image sharp can read/)]);
    expect(images.stats.processed).toBe(0);
  });

  it('processes nothing on a warm build, and a full build removes the variants no figure uses', async () => {
    rmSync(path.join(dir, '.prerender'), { recursive: true, force: true });
    const cold = pipeline();
    const first = await cold.images.prepare(img('wide.png'), 'wide.png');
    await cold.images.prepare(img('actually-jpeg.png'), 'actually-jpeg.png');
    cold.output.finish();
    expect(cold.images.stats).toEqual({ images: 2, processed: 2 });
    const keyDirs = () => readdirSync(path.join(dir, '.prerender/static/prerender/img')).sort();
    expect(keyDirs()).toHaveLength(2);

    const warm = pipeline();
    const again = await warm.images.prepare(img('wide.png'), 'wide.png');
    expect(again).toEqual(first);
    expect(warm.images.stats).toEqual({ images: 1, processed: 0 });
    const { removed } = warm.output.finish();
    // actually-jpeg.png is no longer shown: its variants and record go, wide.png's stay.
    expect(keyDirs()).toHaveLength(1);
    expect(removed.filter((f) => f.startsWith('cache/images/'))).toHaveLength(1);
    expect(removed.filter((f) => f.includes('actually-jpeg-'))).toHaveLength(6);
    for (const set of first.image!.sets) for (const c of set.candidates) expect(existsSync(staticFile(c.url))).toBe(true);

    // A variant deleted by hand: the image is processed again.
    rmSync(staticFile(first.image!.sets[0]!.candidates[0]!.url));
    const repaired = pipeline();
    expect(await repaired.images.prepare(img('wide.png'), 'wide.png')).toEqual(first);
    expect(repaired.images.stats.processed).toBe(1);
    repaired.output.finish();
  });

  it('gives the same files, bytes and URLs for the same image in another site', async () => {
    const other = tempDir('hp-images-b-');
    try {
      mkdirSync(path.join(other, 'static/sub'), { recursive: true });
      writeFileSync(path.join(other, 'static/sub/wide.png'), readFileSync(img('wide.png')));
      const out = new PrerenderOutput(other);
      const b = await new ImagePipeline({ store: out, options: OPTIONS, urlBase: '/blog/' }).prepare(path.join(other, 'static/sub/wide.png'), 'sub/wide.png');
      const a = await pipeline().images.prepare(img('wide.png'), 'wide.png');
      const urls = (r: typeof a) => r.image!.sets.flatMap((s) => s.candidates.map((c) => c.url));
      expect(urls(b)).toEqual(urls(a));
      for (const u of urls(b)) {
        expect(readFileSync(path.join(other, '.prerender/static', u.replace(/^\/blog\//, ''))).equals(readFileSync(staticFile(u)))).toBe(true);
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('names the variants after each file, also for the same bytes under two names, whichever comes first', async () => {
    const other = tempDir('hp-images-c-');
    try {
      mkdirSync(path.join(other, 'static'));
      for (const name of ['a.png', 'b.png']) writeFileSync(path.join(other, 'static', name), readFileSync(img('wide.png')));
      const names = async (order: string[]) => {
        const out = new PrerenderOutput(other);
        const images = new ImagePipeline({ store: out, options: OPTIONS, urlBase: '/' });
        const got: Record<string, string[]> = {};
        for (const name of order) {
          const r = await images.prepare(path.join(other, 'static', name), `/${name}`);
          got[name] = r.image!.sets.flatMap((s) => s.candidates.map((c) => c.url));
        }
        out.finish();
        rmSync(path.join(other, '.prerender'), { recursive: true, force: true });
        return got;
      };
      const ab = await names(['a.png', 'b.png']);
      const ba = await names(['b.png', 'a.png']);
      expect(ab).toEqual(ba);
      expect(ab['a.png']!.every((u) => /\/a-\d+\./.test(u))).toBe(true);
      expect(ab['b.png']!.every((u) => /\/b-\d+\./.test(u))).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('placeholder = "blur"', () => {
  const BLUR: ImageOptions = { ...OPTIONS, placeholder: 'blur' };
  const decode = async (url: string) => {
    expect(url).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    return { bytes, meta: await sharp(bytes).metadata(), stats: await sharp(bytes).stats() };
  };

  it('gives an opaque image a tiny WebP of itself, oriented, and makes no variant again for it', async () => {
    rmSync(path.join(dir, '.prerender'), { recursive: true, force: true });
    const plain = pipeline();
    const without = await plain.images.prepare(img('rotated.jpg'), 'rotated.jpg');
    plain.output.finish();
    expect(without.image!.placeholder).toBeUndefined();

    const blur = pipeline(BLUR);
    const r = await blur.images.prepare(img('rotated.jpg'), 'rotated.jpg');
    // The same variants (no encode: the placeholder is cached apart), and the placeholder.
    expect(blur.images.stats).toEqual({ images: 1, processed: 0 });
    expect(r.image!.sets).toEqual(without.image!.sets);
    const tiny = await decode(r.image!.placeholder!);
    // Shown 400×600 (EXIF orientation 6): the placeholder is upright too, 16 px on its longer side.
    expect([tiny.meta.width, tiny.meta.height]).toEqual([11, 16]);
    expect(tiny.bytes.length).toBeLessThan(400);
    expect(pictureData(r.image!, '100vw')!.placeholder).toBe(r.image!.placeholder);
    blur.output.finish();

    // Cached: the same placeholder from the record, nothing decoded.
    const warm = pipeline(BLUR);
    expect(await warm.images.prepare(img('rotated.jpg'), 'rotated.jpg')).toEqual(r);
    expect(warm.images.stats).toEqual({ images: 1, processed: 0 });
    // Its record is kept by a full build, and is made again when it is not valid.
    const { removed } = warm.output.finish();
    expect(removed).toEqual([]);
    const records = readdirSync(path.join(dir, '.prerender/cache/images'));
    const placeholderRecord = records.find((f) => readFileSync(path.join(dir, '.prerender/cache/images', f), 'utf8').startsWith('{"placeholder"'))!;
    writeFileSync(path.join(dir, '.prerender/cache/images', placeholderRecord), '{"placeholder":"javascript:alert(1)"}\n');
    const repaired = pipeline(BLUR);
    expect(await repaired.images.prepare(img('rotated.jpg'), 'rotated.jpg')).toEqual(r);
    repaired.output.finish();
  });

  it('gives none to an image with an alpha channel (it would show through) or an SVG', async () => {
    const { images, output } = pipeline(BLUR);
    const frames = await images.prepare(img('anim.gif'), 'anim.gif');
    expect(frames.image!.sets.length).toBeGreaterThan(0);
    expect(frames.image!.placeholder).toBeUndefined();
    expect((await images.prepare(img('diagram.svg'), 'diagram.svg')).image!.placeholder).toBeUndefined();
    output.finish();
  });

  it('goes on the <img> of a figure as its CSS background', async () => {
    const { images, output } = pipeline(BLUR);
    const page = { page: { absPath: path.join(dir, 'content/post.md'), relPath: 'content/post.md' }, site: { dir, staticDirs: [path.join(dir, 'static')], assetsDir: path.join(dir, 'assets') } };
    const r = await renderShortcodeForTest(figure, { src: '/wide.png', alt: 'A gradient' }, { ...page, images, occurrence: 0 });
    const style = /<img [^>]* style="background-size:cover;background-image:url\(([^)"]*)\)"><\/picture>/.exec(r.html);
    expect(style, r.html).not.toBeNull();
    // Written as Go's html/template writes an attribute: `+` as &#43;.
    const url = style![1]!.replace(/&#43;/g, '+');
    expect((await decode(url)).meta.width).toBe(16);
    output.finish();
  });
});

describe('params.prerender.images', () => {
  it('reads widths, formats, quality, sizes and metadata, and warns about bad values', () => {
    const ok = imageOptions({
      params: { prerender: { images: { widths: [800, 400], formats: ['WebP'], quality: { avif: 40 }, sizes: '50vw', metadata: 'keep' } } },
    });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.options).toEqual({ ...DEFAULT_IMAGE_OPTIONS, widths: [400, 800], formats: ['webp'], quality: { avif: 40, webp: 80, jpeg: 80 }, sizes: '50vw', metadata: 'keep' });
    expect(imageOptions({ params: { prerender: { images: false } } }).options.enable).toBe(false);
    const bad = imageOptions({ params: { prerender: { images: { widths: [0], formats: ['jxl'], quality: 101, metadata: 'maybe' } } } }, 'hugo.toml');
    expect(bad.options).toEqual(DEFAULT_IMAGE_OPTIONS);
    expect(bad.diagnostics.map((d) => [d.file, d.severity, d.message.split(' ')[0]])).toEqual([
      ['hugo.toml', 'warning', 'params.prerender.images.widths:'],
      ['hugo.toml', 'warning', 'params.prerender.images.formats:'],
      ['hugo.toml', 'warning', 'params.prerender.images.quality'],
      ['hugo.toml', 'warning', 'params.prerender.images.metadata'],
    ]);
  });
});

describe('figure with the image pipeline', () => {
  const page = () => ({ page: { absPath: path.join(dir, 'content/post.md'), relPath: 'content/post.md' }, site: { dir, staticDirs: [path.join(dir, 'static')], assetsDir: path.join(dir, 'assets') } });

  it('writes <picture> with AVIF and WebP sources, srcset, sizes and the real width and height; the first figure is not lazy', async () => {
    const { images } = pipeline();
    const first = await renderShortcodeForTest(figure, { src: '/wide.png', alt: 'A gradient' }, { ...page(), images, occurrence: 0 });
    expect(first.reports).toEqual([]);
    const key = /prerender\/img\/([0-9a-f]{20})\//.exec(first.html)![1]!;
    const u = (w: number, ext: string) => `/blog/prerender/img/${key}/wide-${w}.${ext}`;
    const set = (ext: string) => [200, 400, 600].map((w) => `${u(w, ext)} ${w}w`).join(', ');
    const sizes = '(max-width: 600px) 100vw, 600px';
    expect(first.html).toBe(
      `<figure><picture><source type="image/avif" srcset="${set('avif')}" sizes="${sizes}"><source type="image/webp" srcset="${set('webp')}" sizes="${sizes}">` +
        `<img src="${u(600, 'png')}" srcset="${set('png')}" sizes="${sizes}"\n\t\t\talt="A gradient" width="600" height="300"></picture>\n</figure>\n`,
    );
    const second = await renderShortcodeForTest(figure, { src: '/wide.png', alt: 'A gradient', width: '300' }, { ...page(), images, occurrence: 1 });
    expect(second.html).toContain('width="300" height="150" loading="lazy" decoding="async"></picture>');
    expect(second.html).toContain('sizes="(max-width: 300px) 100vw, 300px"');
    // An explicit loading wins; a per-figure sizes too.
    const eager = await renderShortcodeForTest(figure, { src: '/wide.png', alt: 'x', loading: 'eager', sizes: '50vw' }, { ...page(), images, occurrence: 2 });
    expect(eager.html).toContain('loading="eager" decoding="async"');
    expect(eager.html).toContain('sizes="50vw"');
    expect(eager.html).not.toContain('(max-width');
  });

  it('keeps a remote image as written, and an SVG as written with its size', async () => {
    const { images } = pipeline();
    const remote = await renderShortcodeForTest(figure, { src: 'https://example.org/a.png', alt: 'r' }, { ...page(), images, occurrence: 1 });
    expect(remote.html).toBe('<figure><img src="https://example.org/a.png"\n\t\t\talt="r">\n</figure>\n');
    const svg = await renderShortcodeForTest(figure, { src: '/diagram.svg', alt: 's' }, { ...page(), images, occurrence: 1 });
    expect(svg.html).toBe('<figure><img src="/diagram.svg"\n\t\t\talt="s" width="320" height="160" loading="lazy" decoding="async">\n</figure>\n');
  });

  it('reports a bad image at src and keeps the original, as Hugo shows it', async () => {
    const { images } = pipeline();
    const r = await renderShortcodeForTest(figure, { src: '/truncated.jpg', alt: 't' }, { ...page(), images });
    expect(r.html).toBe('<figure><img src="/truncated.jpg"\n\t\t\talt="t">\n</figure>\n');
    expect(r.reports).toEqual([expect.objectContaining({ severity: 'warning', param: 'src', code: 'figure-image', message: expect.stringContaining('truncated or corrupt') })]);
  });
});

describe('sharpIdentity (part of the page records key)', () => {
  it('names the sharp a build would load, with its version, without loading it', async () => {
    const { sharpIdentity } = await import('../../src/images/pipeline.js');
    const sharp = (await import('sharp')).default;
    const pkg = { version: sharp.versions.sharp };
    const id = sharpIdentity(undefined);
    expect(id).toMatch(/node_modules[\\/]sharp[\\/]package\.json@/);
    expect(id.endsWith(`@${pkg.version}`)).toBe(true);
  });
});
