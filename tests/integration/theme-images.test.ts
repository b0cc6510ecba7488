/**
 * Images a theme or module brings: `themes/t/static/images/logo.png` (Hugo publishes it at
 * /images/logo.png), a module's `assets/img/…`, a module imported by path from a folder that
 * `module.replacements` names. Figures, Markdown images and plots looked only in the site's own static and
 * assets folders: "not found", and the image left unprocessed. They are now looked up in the site's, then
 * in each theme's and module's, in Hugo's order (a file of the site's wins over the theme's at the same
 * path), as plain Hugo serves them. Each Hugo version, beside plain Hugo.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/types.js';
import { describeEachHugo, tempDir, type BuildResult } from '../helpers/hugo.js';
import { listFiles } from '../helpers/prerender.js';
import { buildPlain, buildPrerendered } from '../helpers/plain-vs-prerendered.js';
import { ONE_PIXEL_PNG, write } from '../helpers/temp-site.js';
import sharp from 'sharp';

const PAGE = [
  '---',
  'title: "Theme images"',
  '---',
  'Math $x$.',
  '',
  '{{< figure src="/images/logo.png" alt="logo" >}}',
  '',
  '![md banner](/images/banner.png)',
  '',
  '{{< figure src="/img/from-module.png" alt="module" >}}',
  '',
  '{{< figure src="/images/both.png" alt="both" >}}',
  '',
  '{{< plot file="/data/loss.csv" x="epoch" y="loss" caption="Loss." >}}',
  '',
].join('\n');

describeEachHugo("images of the site's theme and modules", (hugo) => {
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    const top = tempDir('hp-theme-img-');
    site = path.join(top, 'site');
    const wide = (background: string) => sharp({ create: { width: 900, height: 400, channels: 3, background } }).png().toBuffer();
    const files: Record<string, string | Buffer> = {
      'hugo.toml': [
        'baseURL = "https://example.org/"',
        'title = "Theme images"',
        'theme = "t"',
        '[module]',
        // Relative to themesDir (site/themes).
        'replacements = "example.org/imgmod -> ../../imgmod"',
        '[[module.imports]]',
        'path = "example.org/imgmod"',
        '',
      ].join('\n'),
      'themes/t/layouts/_default/baseof.html': '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
      'themes/t/layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'themes/t/layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
      'themes/t/static/images/logo.png': await wide('#48c'),
      'themes/t/static/images/banner.png': await wide('#c84'),
      'themes/t/static/images/both.png': ONE_PIXEL_PNG,
      'themes/t/static/data/loss.csv': 'epoch,loss\n1,2.5\n2,1.7\n3,1.2\n',
      // The site's own file at the same path wins over the theme's.
      'static/images/both.png': await wide('#4c8'),
      'content/posts/p/index.md': PAGE,
    };
    const module = await wide('#84c');
    // The same site twice, each beside its module folder: one for plain Hugo, one prerendered.
    const plainTop = tempDir('hp-theme-img-plain-');
    for (const root of [top, plainTop]) {
      for (const [rel, data] of Object.entries(files)) write(path.join(root, 'site'), rel, data);
      write(root, 'imgmod/static/img/from-module.png', module);
    }
    // Plain Hugo has no plot shortcode: a stand-in that prints nothing.
    write(plainTop, 'site/layouts/shortcodes/plot.html', '');
    plain = buildPlain(hugo, site, path.join(plainTop, 'site'));
    const r = await buildPrerendered(hugo, site, { hugo: hugo.bin });
    diagnostics = r.prerendered.diagnostics;
    built = r.built;
  });

  it('finds them: no warning, each served with its variants and real size', () => {
    expect(diagnostics.filter((d) => d.severity !== 'warning' || /missing|not found/.test(d.message))).toEqual([]);
    const html = built.read('posts/p/index.html').replace(/\s+/g, ' ');
    const served = (name: string, alt: string, width: number) =>
      new RegExp(`<img src="/prerender/img/[0-9a-f]+/${name}-\\d+\\.png" srcset="[^"]*" sizes="[^"]*" (?:\\s*)alt="${alt}" width="${width}" height="\\d+"`);
    expect(html).toMatch(served('logo', 'logo', 900));
    expect(html).toMatch(served('banner', 'md banner', 900));
    expect(html).toMatch(served('from-module', 'module', 900));
    // The site's both.png (900 wide), not the theme's (1 pixel).
    expect(html).toMatch(served('both', 'both', 900));
    // The plot read the theme's CSV: three points.
    expect(html).toMatch(/class="hp-diagram hp-plot/);
    expect(html).toContain('2.5');
  });

  it('publishes what plain Hugo publishes, and plain Hugo serves the same files at those paths', () => {
    const published = listFiles(built.publicDir).filter((f) => !f.startsWith('prerender/'));
    expect(published).toEqual(listFiles(plain.publicDir));
    expect(listFiles(plain.publicDir)).toEqual(expect.arrayContaining(['images/logo.png', 'images/banner.png', 'img/from-module.png', 'images/both.png', 'data/loss.csv']));
  });
});
