/**
 * Markdown images (src/images/markdown-images.ts) through prerenderPage, with an image service that
 * answers without sharp: which images are taken (a bundle's resource by a relative path, a file of
 * static/ by an absolute one) and which are left as written, their `<picture>`, the first image eager,
 * a formula in the alt text, a large page (whose quiet paragraphs the Markdown parse masks), the setting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prerenderPage, type PageEnv } from '../../src/prerender-page.js';
import { imageOptions } from '../../src/images/options.js';
import type { ImageService } from '../../src/images/service.js';
import { defaultSizes } from '../../src/images/service.js';
import { findMarkdownImages, lookUpMarkdownImage } from '../../src/images/markdown-images.js';
import { parseMarkdownWithMath } from '../../src/content/math.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { createHostServices } from '../../src/render/host.js';
import { tempDir } from '../helpers/hugo.js';
import { DEFAULT_LIMITS } from '../../src/content/limits.js';

let site: string;
const prepared: string[] = [];

/** Every image 1000×500, in AVIF and its own format at 400 and 1000 px. */
const service: ImageService = {
  async prepare(file) {
    prepared.push(path.relative(site, file));
    const stem = path.basename(file, path.extname(file));
    const set = (format: 'avif' | 'png', mime: string) => ({ format, mime, candidates: [400, 1000].map((w) => ({ url: `/prerender/img/k/${stem}-${w}.${format}`, width: w })) });
    return { image: { format: 'png', width: 1000, height: 500, animated: false, sets: [set('avif', 'image/avif'), set('png', 'image/png')] }, warnings: [] };
  },
  sizes: (w) => defaultSizes(w),
};

function env(relPath: string, mode: 'render' | 'index' | 'off' = 'render'): PageEnv {
  const markdownImages = mode === 'off' ? undefined : mode;
  const renderer = createMathRenderer({ errors: 'fail' });
  const services = createHostServices(renderer);
  services.images = service;
  const abs = path.join(site, relPath);
  return {
    page: { absPath: abs, relPath, frontMatter: {}, ...(path.basename(abs) === 'index.md' ? { bundleDir: path.dirname(abs) } : {}) },
    site: { dir: site, staticDirs: [path.join(site, 'static')], assetsDir: path.join(site, 'assets') },
    settings: { math: { escapes: 'none' }, settingsKey: 'test', ...(markdownImages ? { markdownImages } : {}) },
    renderer,
    errorMode: 'fail',
    services,
  };
}

beforeAll(() => {
  site = tempDir('hp-md-images-unit-');
  for (const rel of ['content/posts/b/a.png', 'content/posts/b/sub/c.png', 'static/img/s.png', 'content/posts/a.png']) {
    mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    writeFileSync(path.join(site, rel), 'not read by the stand-in service');
  }
});

const page = (body: string) => `---\ntitle: t\n---\n${body}`;

describe('Markdown images in prerenderPage', () => {
  it('serves a bundle resource by a relative path and a static file by an absolute one, the first eagerly', async () => {
    const r = await prerenderPage(page('![First](a.png "T")\n\nText ![second <b>](/img/s.png) and ![sub](sub/c.png) and ![dot](./a.png).\n'), env('content/posts/b/index.md'));
    expect(r.diagnostics).toEqual([]);
    const shadow = r.shadow!;
    const imgs = [...shadow.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs).toEqual([
      '<img src="/prerender/img/k/a-1000.png" srcset="/prerender/img/k/a-400.png 400w, /prerender/img/k/a-1000.png 1000w" sizes="(max-width: 800px) 100vw, 800px" alt="First" title="T" width="1000" height="500">',
      '<img src="/prerender/img/k/s-1000.png" srcset="/prerender/img/k/s-400.png 400w, /prerender/img/k/s-1000.png 1000w" sizes="(max-width: 800px) 100vw, 800px" alt="second &lt;b&gt;" width="1000" height="500" loading="lazy" decoding="async">',
      '<img src="/prerender/img/k/c-1000.png" srcset="/prerender/img/k/c-400.png 400w, /prerender/img/k/c-1000.png 1000w" sizes="(max-width: 800px) 100vw, 800px" alt="sub" width="1000" height="500" loading="lazy" decoding="async">',
      '<img src="/prerender/img/k/a-1000.png" srcset="/prerender/img/k/a-400.png 400w, /prerender/img/k/a-1000.png 1000w" sizes="(max-width: 800px) 100vw, 800px" alt="dot" width="1000" height="500" loading="lazy" decoding="async">',
    ]);
    expect(shadow.match(/<source type="image\/avif" srcset="[^"]*a-400\.avif 400w, [^"]*a-1000\.avif 1000w"/g)).toHaveLength(2);
    // The text around each image stays, on its line.
    expect(shadow.split('\n')).toHaveLength(page('![First](a.png "T")\n\nText ![second <b>](/img/s.png) and ![sub](sub/c.png) and ![dot](./a.png).\n').split('\n').length);
    expect(shadow).toMatch(/^Text \{\{< prerender-nofeed .*>\}\} and \{\{< prerender-nofeed .*>\}\} and \{\{< prerender-nofeed .*>\}\}\.$/m);
  });

  it('leaves what it cannot be sure of as written, and warns only at a missing bundle resource', async () => {
    const body = '![rel](a.png) ![up](../a.png) ![q](a.png?x=1) ![frag](a.png#x) ![remote](https://e.org/a.png) ![data](data:image/png;base64,AA==) ![gone](gone.png)\n';
    const onLeaf = await prerenderPage(page(body), env('content/posts/leaf.md'));
    expect(onLeaf.shadow).toBeUndefined();
    expect(onLeaf.diagnostics).toEqual([]);
    const inBundle = await prerenderPage(page(body), env('content/posts/b/index.md'));
    expect(inBundle.shadow!.match(/<picture>/g)).toHaveLength(1);
    expect(inBundle.shadow).toContain('![up](../a.png) ![q](a.png?x=1) ![frag](a.png#x) ![remote](https://e.org/a.png) ![data](data:image/png;base64,AA==) ![gone](gone.png)');
    expect(inBundle.diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[4, 131, 'image-missing']]);
  });

  it('leaves images in headings and in shortcodes, and takes a formula in the alt text, as written, with its image', async () => {
    const r = await prerenderPage(page('## Head ![h](a.png)\n\n{{< note >}}![n](a.png){{< /note >}}\n\n![plot of $\\tanh$ and *em* \\$5 `c]` [b]](a.png) and $x$\n'), env('content/posts/b/index.md'));
    expect(r.shadow).toContain('## Head ![h](a.png)');
    expect(r.shadow).toContain('{{< note >}}![n](a.png){{< /note >}}');
    expect(r.shadow!.match(/<picture>/g)).toHaveLength(1);
    // As Hugo 0.169 writes it (0.111.3 keeps the backslash of `\$`).
    expect(r.shadow).toContain('alt="plot of $\\tanh$ and em $5 c] [b]"');
    expect(r.formulas.map((f) => f.tex)).toEqual(['x']);
  });

  it('finds an image in a large page whose quiet paragraphs are masked for the parse', async () => {
    const prose = 'Plain words without any sign of math at all, again and again. '.repeat(12);
    const body = `${`${prose}\n\n`.repeat(60)}A photo: ![big](a.png)\n\n${`${prose}\n\n`.repeat(10)}`;
    expect(body.length).toBeGreaterThan(40_000);
    const r = await prerenderPage(page(body), env('content/posts/b/index.md'));
    expect(r.shadow!.match(/<picture>/g)).toHaveLength(1);
    expect(r.shadow).toContain('A photo: {{< prerender-nofeed');
  });

  it('with `index` (an image render hook renders them) writes nothing and reports every image with versions', async () => {
    const r = await prerenderPage(page('## Head ![h](a.png)\n\n![x](/img/s.png) ![y](gone.png)\n'), env('content/posts/b/index.md', 'index'));
    expect(r.shadow).toBeUndefined();
    expect(Object.keys(r.imageEntries ?? {})).toEqual(['a.png', '/img/s.png']);
    expect(r.imageEntries!['a.png']).toMatchObject({ width: 1000, height: 500, format: 'png', sources: [{ type: 'image/avif' }] });
  });

  it('leaves them all, with a warning, on a page with more than the shortcodes limit of them', async () => {
    const e = env('content/posts/b/index.md');
    e.settings = { ...e.settings, limits: { ...DEFAULT_LIMITS, shortcodes: 3 } };
    const r = await prerenderPage(page('![1](a.png) ![2](a.png) ![3](a.png)\n\n![4](a.png)\n'), e);
    expect(r.shadow).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code, d.message])).toEqual([
      [6, 1, 'limit', 'this page has more than 3 Markdown images (params.prerender.limits.shortcodes), so its Markdown images are left as plain Hugo renders them. Split the page, or raise the limit'],
    ]);
    e.settings = { ...e.settings, limits: { ...DEFAULT_LIMITS, shortcodes: 4 } };
    expect((await prerenderPage(page('![1](a.png) ![2](a.png) ![3](a.png)\n\n![4](a.png)\n'), e)).shadow!.match(/<picture>/g)).toHaveLength(4);
  });

  it('with the setting off, leaves them all', async () => {
    const r = await prerenderPage(page('![x](a.png)\n'), env('content/posts/b/index.md', 'off'));
    expect(r.shadow).toBeUndefined();
  });
});

describe('findMarkdownImages and lookUpMarkdownImage', () => {
  const tree = (md: string) => parseMarkdownWithMath(md, []);
  it('finds inline, reference (first definition wins), collapsed and shortcut images, not those in headings', () => {
    const md = '# ![h](h.png)\n\n![a](a.png "A") ![b][r] ![r][] ![r]\n\n[r]: /r.png "R"\n[r]: /second.png\n';
    expect(findMarkdownImages(tree(md), 10).map((i) => [i.url, i.alt, i.title, md.slice(i.start - 10, i.end - 10)])).toEqual([
      ['a.png', 'a', 'A', '![a](a.png "A")'],
      ['/r.png', 'b', 'R', '![b][r]'],
      ['/r.png', 'r', 'R', '![r][]'],
      ['/r.png', 'r', 'R', '![r]'],
    ]);
    expect(findMarkdownImages(tree(md), 0, true).map((i) => i.url)[0]).toBe('h.png');
  });

  it('looks a percent-encoded name up decoded, and refuses what is not certain', () => {
    const s = { dir: '/s', staticDirs: ['/s/static'], assetsDir: '/s/assets' };
    const bundle = { absPath: '/s/content/b/index.md', relPath: 'content/b/index.md', frontMatter: {}, bundleDir: '/s/content/b' };
    expect(lookUpMarkdownImage('my%20photo.png', s, bundle)).toMatchObject({ rel: 'my photo.png', bases: ['/s/content/b'] });
    expect(lookUpMarkdownImage('/img/x.png', s, bundle)).toMatchObject({ rel: 'img/x.png', bases: [{ component: 'static' }] });
    for (const url of ['', ' a.png', '../a.png', 'a/../b.png', 'a//b.png', 'a.png?x', '%E0%A4%A.png', '//host/a.png', 'HTTP://x/a.png', 'a\\b.png']) {
      expect(lookUpMarkdownImage(url, s, bundle), url).toBeUndefined();
    }
  });

  it('reads params.prerender.images.markdown: true, false or "auto", else a warning', () => {
    const opt = (markdown: unknown) => imageOptions({ params: { prerender: { images: { markdown } } } });
    expect(opt(false).options.markdown).toBe(false);
    expect(opt('Auto').options.markdown).toBe('auto');
    expect(imageOptions({}).options.markdown).toBe('auto');
    const bad = opt('yes');
    expect(bad.options.markdown).toBe('auto');
    expect(bad.diagnostics.map((d) => d.message)).toEqual(['params.prerender.images.markdown must be true, false or "auto"; using "auto"']);
  });
});
