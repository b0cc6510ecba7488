/**
 * An image in a folder that the site's mounts leave out (a static mount's excludeFiles, a content mount's
 * for a bundle's folder) is not published by Hugo, so a figure or Markdown image that names it shows a
 * broken image in plain Hugo. Found by an audit: hugo-prerender read it, made its variants with sharp
 * and published them under /prerender/img/. Now it is not read: the reference stays as written, as Hugo
 * renders it, with a warning at the figure's src (or the Markdown image), as for an image that is missing.
 */
import type { Diagnostic } from '../../src/content/types.js';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { checkSite } from '../../src/check.js';
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
  '{{< figure src="/private/secret.png" alt="secret" >}}',
  '',
  '{{< figure src="private/hid.png" alt="hid" >}}',
  '',
  '![md secret](/private/secret.png)',
  '',
  '![md hid](private/hid.png)',
  '',
  '![md ok](/pub/ok.png)',
  '',
  '![md vis](vis.png)',
  '',
].join('\n');

describeEachHugo('images in folders the site\'s mounts leave out', (hugo) => {
  let site: string;
  let plain: BuildResult;
  let built: BuildResult;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    site = path.join(tempDir('hp-hidden-img-'), 'site');
    const files: Record<string, string | Buffer> = {
      'hugo.toml': [
        'baseURL = "https://example.org/"',
        'title = "Img"',
        '[[module.mounts]]',
        'source = "content"',
        'target = "content"',
        excludeLine(hugo, 'posts/b/private/**'),
        '[[module.mounts]]',
        'source = "static"',
        'target = "static"',
        excludeLine(hugo, 'private/**'),
        '',
      ].join('\n'),
      'layouts/_default/baseof.html': '<html><head>{{ partial "prerender/head.html" . }}</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
      'layouts/_default/single.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'layouts/_default/list.html': '{{ define "main" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}\n',
      'content/posts/b/index.md': PAGE,
      'content/posts/b/vis.png': ONE_PIXEL_PNG,
      'content/posts/b/private/hid.png': ONE_PIXEL_PNG,
      'static/private/secret.png': ONE_PIXEL_PNG,
      'static/pub/ok.png': ONE_PIXEL_PNG,
    };
    for (const [rel, data] of Object.entries(files)) write(site, rel, data);
    plain = buildPlain(hugo, site);

    const r = await buildPrerendered(hugo, site);
    diagnostics = r.prerendered.diagnostics;
    built = r.built;
  });

  it('processes none of them: no variant written, none published, as plain Hugo publishes none', () => {
    const variants = listFiles(path.join(site, '.prerender/static/prerender/img')).map((f) => path.posix.basename(f).replace(/-\d+\.\w+$/, ''));
    expect([...new Set(variants)].sort()).toEqual(['ok', 'vis']);
    const published = listFiles(built.publicDir);
    expect(published.filter((f) => /secret|hid/.test(f))).toEqual([]);
    expect(listFiles(plain.publicDir).filter((f) => /secret|hid/.test(f))).toEqual([]);
    expect(published.filter((f) => !f.startsWith('prerender/'))).toEqual(listFiles(plain.publicDir));
  });

  it('leaves each reference as plain Hugo renders it, and the others served', () => {
    const html = built.read('posts/b/index.html').replace(/\s+/g, ' ');
    const plainHtml = plain.read('posts/b/index.html').replace(/\s+/g, ' ');
    for (const [src, alt] of [['/private/secret.png', 'secret'], ['private/hid.png', 'hid'], ['/private/secret.png', 'md secret'], ['private/hid.png', 'md hid']]) {
      const tag = new RegExp(`<img src="${src.replace(/[.]/g, '\\.')}" alt="${alt}"`);
      expect(html, alt).toMatch(tag);
      expect(plainHtml, alt).toMatch(tag);
    }
    expect(html).toMatch(/<img src="\/prerender\/img\/[0-9a-f]+\/ok-1\.png"/);
    expect(html).toMatch(/<img src="\/prerender\/img\/[0-9a-f]+\/vis-1\.png"/);
  });

  it('warns at each reference, as for an image that is missing, and check says the same', async () => {
    const expected = [
      { code: 'figure-missing', file: 'content/posts/b/index.md', line: 6, column: 12 },
      { code: 'figure-missing', file: 'content/posts/b/index.md', line: 8, column: 12 },
      { code: 'image-missing', file: 'content/posts/b/index.md', line: 10, column: 1 },
      { code: 'image-missing', file: 'content/posts/b/index.md', line: 12, column: 1 },
    ];
    expect(diagnostics).toMatchObject(expected.map((e) => ({ severity: 'warning', ...e })));
    expect(diagnostics[0]!.message).toBe(
      'figure: image "/private/secret.png": static/private/secret.png is a file the site\'s mounts leave out (their excludeFiles, includeFiles or files, or ignoreFiles), so Hugo does not publish it and the page shows a broken image: it is not processed, and the image is left as written',
    );
    expect(diagnostics[3]!.message).toMatch(/^Markdown image "private\/hid\.png": content\/posts\/b\/private\/hid\.png is a file the site's mounts leave out/);
    const checked = await checkSite(site);
    expect(checked.pages[0]!.diagnostics.filter((d) => d.code === 'figure-missing')).toMatchObject(expected.slice(0, 2));
  });
});
