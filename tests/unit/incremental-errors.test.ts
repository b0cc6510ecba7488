/**
 * An incremental build (what `watch` and `serve` run after a save) reports the problems of the pages it
 * kept, as a full build replays them from their records: saving one page must not make another page's
 * error disappear from the summary, from `watch`'s output or from serve's error panel while it is
 * still there (found by an audit: saving good.md emptied the panel while bad.md was still broken).
 * And it leaves the static files a full build would: KaTeX's go with the site's last formula.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HEAD_LAYOUT, tempSites } from '../helpers/temp-site.js';
import { buildSite } from '../../src/build.js';

const site = tempSites('hp-incr-errors-', { nested: true, defaults: { 'hugo.toml': 'title = "t"\n', ...HEAD_LAYOUT } });

it('keeps reporting the error of a page it did not prerender, until that page is fixed', async () => {
  const dir = site({ 'content/bad.md': 'Bad $\\frac{a$ here.\n', 'content/good.md': 'Good $x$.\n' });
  const errorsOf = (r: Awaited<ReturnType<typeof buildSite>>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}`);
  const full = await buildSite({ source: dir });
  expect(errorsOf(full)).toEqual(['content/bad.md:1:13']);
  writeFileSync(path.join(dir, 'content/good.md'), 'Good $y$.\n');
  const saved = await buildSite({ source: dir, only: new Set(['content/good.md']) });
  expect(errorsOf(saved)).toEqual(['content/bad.md:1:13']);
  expect(saved.failed).toBe(true);
  // Counted as a full build counts: the site's pages and formulas, the kept page as unchanged.
  expect(saved).toMatchObject({ pages: 2, shadowed: full.shadowed, formulas: full.formulas, unchanged: 1 });
  writeFileSync(path.join(dir, 'content/bad.md'), 'Fixed $a$ here.\n');
  const fixed = await buildSite({ source: dir, only: new Set(['content/bad.md']) });
  expect(errorsOf(fixed)).toEqual([]);
  expect(fixed.failed).toBe(false);
});

it('writes the static files the site needs: KaTeX\'s stay while a page it did not prerender has math, and go with the last formula', async () => {
  const dir = site({ 'content/a.md': 'Math $x$.\n', 'content/b.md': 'Plain text.\n', 'content/c.md': 'More $y$.\n' });
  const katex = ['katex.min.css', 'fonts/KaTeX_Main-Regular.woff2'].map((f) => path.join(dir, '.prerender/static/prerender/katex', f));
  const there = () => katex.map((f) => existsSync(f));
  await buildSite({ source: dir });
  expect(there()).toEqual([true, true]);
  writeFileSync(path.join(dir, 'content/a.md'), 'No math now.\n');
  await buildSite({ source: dir, only: new Set(['content/a.md']) });
  expect(there()).toEqual([true, true]); // c.md still shows a formula
  writeFileSync(path.join(dir, 'content/c.md'), 'None here either.\n');
  const last = await buildSite({ source: dir, only: new Set(['content/c.md']) });
  expect(last.formulas).toBe(0);
  // b.md, which has no shadow, kept them before: an incremental build took it for a page held back.
  expect(there()).toEqual([false, false]);
});

it('keeps the image variants of the pages it did not prerender (a save of one page deleted every other page’s images), writing what a full build writes', async () => {
  const sharp = (await import('sharp')).default;
  const dir = site({ 'content/posts/photo/index.md': '---\ntitle: p\n---\n{{< figure src="photo.png" alt="A photo" >}}\n\nAnd $x$.\n', 'content/note.md': 'A note with $y$.\n' });
  writeFileSync(path.join(dir, 'content/posts/photo/photo.png'), await sharp({ create: { width: 900, height: 500, channels: 3, background: '#48c' } }).png().toBuffer());
  const listing = () => readdirSync(path.join(dir, '.prerender/static/prerender/img'), { recursive: true }).map(String).sort();
  const full = await buildSite({ source: dir });
  expect(full.imagesProcessed).toBe(1);
  const variants = listing();
  expect(variants.filter((f) => /photo-\d+\.(avif|webp|png)$/.test(f)).length).toBeGreaterThan(2);
  writeFileSync(path.join(dir, 'content/note.md'), 'A note with $z$.\n');
  const saved = await buildSite({ source: dir, only: new Set(['content/note.md']) });
  expect(saved).toMatchObject({ images: 1, imagesProcessed: 0 });
  expect(listing()).toEqual(variants);
});
