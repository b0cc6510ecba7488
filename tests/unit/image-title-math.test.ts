/**
 * Math in the title of a Markdown image that the site's (or theme's) image render hook renders: the hook
 * gets the title as written, and themes make a caption of it (Hextra, Blowfish, Doks), where MathJax
 * readers saw the formula typeset. Not typeset there: a warning at the image, naming the hook. Without a
 * hook hugo-prerender renders the image, and the title stays an attribute as in plain Hugo: no warning.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { checkSite } from '../../src/check.js';
import { HEAD_LAYOUT, ONE_PIXEL_PNG, tempSites } from '../helpers/temp-site.js';

const site = tempSites('hp-image-title-', { defaults: { 'hugo.toml': 'title = "t"\n', 'static/a.png': ONE_PIXEL_PNG, ...HEAD_LAYOUT } });
const HOOK = '<figure><img src="{{ .Destination }}" alt="{{ .Text }}"><figcaption>{{ .Title | markdownify }}</figcaption></figure>\n';
const PAGE = [
  'Text $y$.',
  '',
  '![A dot](/a.png "Caption with $x^2$")',
  '',
  '![plain](/a.png "no math") and ![none](/a.png)',
  '',
  '![by reference][r]',
  '',
  '[r]: /a.png "Defined $w$"',
  '',
].join('\n');

describe('math in the title of a Markdown image', () => {
  for (const [where, files, hook] of [
    ['the site', { 'layouts/_default/_markup/render-image.html': HOOK }, 'layouts/_default/_markup/render-image.html'],
    ['a theme', { 'hugo.toml': 'title = "t"\ntheme = "th"\n', 'themes/th/layouts/_markup/render-image.html': HOOK }, 'themes/th/layouts/_markup/render-image.html'],
  ] as const) {
    it(`with an image render hook in ${where}: a warning at each such image, naming the hook (build and check)`, async () => {
      const dir = site({ ...files, 'content/p.md': PAGE });
      const r = await buildSite({ source: dir });
      const want = [3, 7].map((line) =>
        expect.objectContaining({ severity: 'warning', code: 'image-title', file: 'content/p.md', line, column: 1, message: expect.stringContaining(`the site's image render hook (${hook})`) }),
      );
      expect(r.diagnostics.filter((d) => d.code === 'image-title')).toEqual(want);
      const c = await checkSite(dir);
      expect(c.pages.flatMap((p) => p.diagnostics).filter((d) => d.code === 'image-title')).toEqual(want);
    });
  }

  it('a hook added later: the next build warns, though the page did not change (its record is of a site without one)', async () => {
    // Markdown images left alone either way (markdown = false): only the hook changes.
    const dir = site({ 'hugo.toml': 'title = "t"\n[params.prerender.images]\nmarkdown = false\n', 'content/p.md': PAGE });
    expect((await buildSite({ source: dir })).diagnostics.filter((d) => d.code === 'image-title')).toEqual([]);
    mkdirSync(path.join(dir, 'layouts/_default/_markup'), { recursive: true });
    writeFileSync(path.join(dir, 'layouts/_default/_markup/render-image.html'), HOOK);
    expect((await buildSite({ source: dir })).diagnostics.filter((d) => d.code === 'image-title').map((d) => d.line)).toEqual([3, 7]);
  });

  it('without a hook (hugo-prerender renders the image; its title stays an attribute, as in plain Hugo): none', async () => {
    const r = await buildSite({ source: site({ 'content/p.md': PAGE }) });
    expect(r.diagnostics.filter((d) => d.code === 'image-title')).toEqual([]);
  });
});
