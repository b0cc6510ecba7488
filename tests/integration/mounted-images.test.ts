/**
 * Images that the site's static or assets mounts bring from elsewhere: `source = "vendor/pics"`,
 * `target = "static/images"` (Hugo serves vendor/pics/x.png at /images/x.png), a package's folder at
 * `assets/img`, a folder outside the site at `static/shared`. Found by an audit: figures and Markdown
 * images looked for /images/x.png in static/images/x.png and vendor/pics/images/x.png, warned "not
 * found" and stayed unprocessed; and a file of static/images/ that Hugo 0.111.3 does not publish (it
 * reads static/images/ from the mount at that target alone) was processed and served. Now each is looked
 * up as the Hugo in use reads its mounts (src/site/component-lookup.ts), compared here with plain Hugo.
 */
import type { Diagnostic } from '../../src/content/types.js';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { checkSite } from '../../src/check.js';
import { versionBefore } from '../../src/site/hugo-version.js';
import { describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { listFiles } from '../helpers/prerender.js';
import { buildPlain, buildPrerendered, excludeLine } from '../helpers/plain-vs-prerendered.js';
import { ONE_PIXEL_PNG, write } from '../helpers/temp-site.js';

const PAGE = [
  '---',
  'title: "Bundle"',
  '---',
  'Math $x$.',
  '',
  '{{< figure src="/images/x.png" alt="x" >}}',
  '',
  '{{< figure src="/img/y.png" alt="y" >}}',
  '',
  '![md x](/images/x.png)',
  '',
  '![md local](/images/local.png)',
  '',
  '![md shared](/shared/s.png)',
  '',
  '{{< figure src="/images/private/p.png" alt="p" >}}',
  '',
].join('\n');

describeEachHugo('images the site\'s static and assets mounts bring from other folders', (hugo) => {
  const old = versionBefore(hugo.version, '0.124.0');
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    const top = tempDir('hp-mounted-img-');
    site = path.join(top, 'site');
    // A folder outside the site, mounted by its absolute path (as a content mount outside may be).
    const shared = path.join(top, 'shared-pics');
    write(shared, 's.png', ONE_PIXEL_PNG);
    const exclude = excludeLine(hugo, 'private/**');
    const files: Record<string, string | Buffer> = {
      'hugo.toml': [
        'baseURL = "https://example.org/"',
        'title = "Mounted"',
        '[[module.mounts]]',
        'source = "static"',
        'target = "static"',
        '[[module.mounts]]',
        'source = "vendor/pics"',
        'target = "static/images"',
        exclude,
        '[[module.mounts]]',
        `source = ${JSON.stringify(shared)}`,
        'target = "static/shared"',
        '[[module.mounts]]',
        'source = "assets"',
        'target = "assets"',
        '[[module.mounts]]',
        'source = "third_party/some-pkg/img"',
        'target = "assets/img"',
        '',
      ].join('\n'),
      'layouts/_default/baseof.html': '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
      'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
      'content/posts/b/index.md': PAGE,
      'vendor/pics/x.png': ONE_PIXEL_PNG,
      'vendor/pics/private/p.png': ONE_PIXEL_PNG,
      'static/images/local.png': ONE_PIXEL_PNG,
      'static/keep.txt': 'static itself is read too\n',
      'assets/keep.txt': 'assets\n',
      'third_party/some-pkg/img/y.png': ONE_PIXEL_PNG,
    };
    for (const [rel, data] of Object.entries(files)) write(site, rel, data);
    plain = buildPlain(hugo, site);

    const r = await buildPrerendered(hugo, site, { hugo: hugo.bin });
    diagnostics = r.prerendered.diagnostics;
    built = r.built;
  });

  it('publishes what plain Hugo publishes, and the variants of each image Hugo publishes', () => {
    const variants = listFiles(path.join(site, '.prerender/static/prerender/img')).map((f) => path.posix.basename(f).replace(/-\d+\.\w+$/, ''));
    expect([...new Set(variants)].sort()).toEqual(old ? ['s', 'x', 'y'] : ['local', 's', 'x', 'y']);
    const published = listFiles(built.publicDir);
    // Hugo 0.169's figure publishes /img/y.png through resources.Get; ours serves its variants instead.
    const same = (list: string[]) => list.filter((f) => !f.startsWith('prerender/') && f !== 'img/y.png');
    expect(same(published)).toEqual(same(listFiles(plain.publicDir)));
    expect(listFiles(plain.publicDir).filter((f) => f.startsWith('images/') || f.startsWith('shared/'))).toEqual(
      old ? ['images/x.png', 'shared/s.png'] : ['images/local.png', 'images/x.png', 'shared/s.png'],
    );
  });

  it('serves each image Hugo publishes with its variants and real size, and leaves the others as plain Hugo renders them', () => {
    const html = built.read('posts/b/index.html').replace(/\s+/g, ' ');
    const plainHtml = plain.read('posts/b/index.html').replace(/\s+/g, ' ');
    const served = (name: string, alt: string) => new RegExp(`<img src="/prerender/img/[0-9a-f]+/${name}-1\\.png" srcset="[^"]*" sizes="[^"]*" (?:\\s*)alt="${alt}" width="1" height="1"`);
    expect(html).toMatch(served('x', 'x'));
    expect(html).toMatch(served('y', 'y'));
    expect(html).toMatch(served('x', 'md x'));
    expect(html).toMatch(served('s', 'md shared'));
    const asWritten = [['/images/private/p.png', 'p'], ...(old ? [['/images/local.png', 'md local']] : [])];
    for (const [src, alt] of asWritten) {
      const tag = new RegExp(`<img src="${src!.replace(/[.]/g, '\\.')}" alt="${alt}"`);
      expect(html, alt).toMatch(tag);
      expect(plainHtml, alt).toMatch(tag);
    }
    if (!old) expect(html).toMatch(served('local', 'md local'));
  });

  it('warns, at the figure or image, only about the files Hugo does not publish, and check says the same', async () => {
    const expected = [
      ...(old ? [{ code: 'image-missing', file: 'content/posts/b/index.md', line: 12, column: 1 }] : []),
      { code: 'figure-missing', file: 'content/posts/b/index.md', line: 16, column: 12 },
    ];
    expect(diagnostics).toMatchObject(expected.map((e) => ({ severity: 'warning', ...e })));
    expect(diagnostics.length).toBe(expected.length);
    if (old) {
      expect(diagnostics[0]!.message).toBe(
        'Markdown image "/images/local.png": static/images/local.png is not published by the Hugo that builds this site (before 0.124): it reads static/images/ from the mount of vendor/pics at static/images alone, so the page shows a broken image: it is not processed, and the image is left as written (move the file into vendor/pics, or upgrade Hugo)',
      );
    }
    expect(diagnostics[diagnostics.length - 1]!.message).toMatch(/^figure: image "\/images\/private\/p\.png": vendor\/pics\/private\/p\.png is a file the site's mounts leave out/);
    const checked = await checkSite(site, { hugo: hugo.bin });
    expect(checked.pages[0]!.diagnostics.filter((d) => d.code === 'figure-missing' || d.code === 'image-missing')).toMatchObject(expected);
  });
});
