/**
 * Issue 11's measure: the real posts of fixtures/corpus and our MathJax-era posts (see its README), formulas counted by each
 * site's own MathJax/KaTeX rules (scripts/corpus.mjs, independent of our parser) against what
 * hugo-prerender typesets with default settings. A change in these numbers is a change in behaviour.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/hugo.js';
import { ensureBundle } from '../helpers/prerender.js';

interface Row {
  site: string;
  pages: number;
  found: number;
  typeset: number;
}

it('typesets at least 99 % of the formulas of real MathJax-era posts with default settings', () => {
  ensureBundle();
  const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/corpus.mjs'), '--json'], { encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  const { sites, total } = JSON.parse(r.stdout) as { sites: Row[]; total: Omit<Row, 'site'> };
  expect(Object.fromEntries(sites.map((s) => [s.site, [s.pages, s.found, s.typeset]]))).toEqual({
    // Posts we wrote in the conventions of MathJax-era blogs (fixtures/mathjax/blogs). blogdown: the
    // price pair `$12 per hour, … about $300` is math to MathJax and text to hugo-prerender.
    '../mathjax/blogs/ox-hugo': [4, 24, 24],
    '../mathjax/blogs/blogdown': [5, 20, 19],
    '../mathjax/blogs/passthrough': [6, 30, 30],
    '../mathjax/blogs/hugo-blox': [1, 7, 7],
    // The real posts: three themes' example and documentation posts (the shared corpus).
    'dillonzq+LoveIt': [4, 48, 48],
    'alex-shpak+hugo-book': [1, 2, 2],
    'imfing+hextra': [2, 12, 12],
  });
  // 7 real posts of the three themes plus 16 of ours.
  expect(total.pages).toBe(23);
  expect(total.typeset / total.found).toBeGreaterThanOrEqual(0.99);
}, 300_000);
