/**
 * Issue 11's measure: the real posts of fixtures/corpus (see its README), formulas counted by each
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
    'andrewheiss+ath-hugo': [16, 749, 746],
    'RyanBalshaw+sjmelck_pages': [6, 252, 252],
    'kaushalmodi+ox-hugo': [8, 325, 325],
    'tidymodels+tidymodels.org-legacy': [8, 10, 10],
    'HugoBlox+hugo-blox-builder': [2, 8, 8],
    'dillonzq+LoveIt': [4, 48, 48],
    'alex-shpak+hugo-book': [1, 2, 2],
    'imfing+hextra': [2, 12, 12],
  });
  // 40 posts from public Hugo blogs plus the 7 of the three themes.
  expect(total.pages).toBe(47);
  expect(total.typeset / total.found).toBeGreaterThanOrEqual(0.99);
}, 300_000);
