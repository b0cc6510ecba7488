/**
 * An incremental build (what `watch` and `serve` run after a save) reports the problems of the pages it
 * kept, as a full build replays them from their records: saving one page must not make another page's
 * error disappear from the summary, from `watch`'s output or from serve's error panel while it is
 * still there (found by an audit: saving good.md emptied the panel while bad.md was still broken).
 */
import { writeFileSync } from 'node:fs';
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
