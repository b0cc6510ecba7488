/**
 * Equation numbers beside display formulas (src/render/static-assets.ts TAG_CSS), in Chromium: with
 * KaTeX's stylesheet alone a number sits at the column's right edge, over the end of a formula wider
 * than the column (found by an audit on a 360 px phone and in a 688 px column: "(1)" printed over "and").
 * With prerender.css the number never covers the formula at any width, and where the formula fits, the
 * page looks exactly as with KaTeX's stylesheet alone (every box the same).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium, openKatexPage, type LaunchedBrowser } from '../helpers/browser.js';
import { katexDistDir, PRERENDER_CSS, TAG_CSS } from '../../src/render/static-assets.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { GLYPH_CSS } from '../../src/render/katex-markup.js';
import { adaptForKatex } from '../../src/render/mathjax-compat.js';

const ORIGIN = 'http://hp-tags.test';

/** Display formulas: tagged (short, long, a numbered align with a long row), and untagged ones. */
const FORMULAS = [
  'h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h) \\quad\\text{and}\\quad \\frac{\\partial L}{\\partial W} = \\sum_{t=1}^T \\frac{\\partial L_t}{\\partial W} \\tag{1}',
  'y = x \\tag{2}',
  '\\begin{align} f_t &= \\sigma(W_f [h_{t-1}, x_t] + b_f) + \\sigma(W_i [h_{t-1}, x_t] + b_i) \\\\ c_t &= f_t \\odot c_{t-1} \\end{align}',
  '\\left( \\sum_{i=1}^{n} \\alpha_i \\right)^2 \\tag*{$\\star$}',
  'h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h) \\quad\\text{and}\\quad \\frac{\\partial L}{\\partial W} = \\sum_{t=1}^T \\frac{\\partial L_t}{\\partial W}',
  'a \\\\ b \\tag{5}',
];

describeWithChromium('equation numbers', () => {
  let browser: LaunchedBrowser;
  const { dir } = katexDistDir();
  const katexCss = readFileSync(path.join(dir, 'katex.min.css'), 'utf8') + GLYPH_CSS;
  const renderer = createMathRenderer();
  const html = adaptForKatex(FORMULAS.map((tex) => ({ tex })))
    .map(({ tex }) => `<p>Text.</p>${renderer.render(tex, true).html}`)
    .join('\n');

  async function open(page: Page, width: number, css: string): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    const body = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/katex.css"><style>${css}</style></head><body style="margin:0 auto;padding:0 8px;max-width:700px;font:16px serif">${html}</body></html>`;
    await openKatexPage(page, ORIGIN, body, katexCss);
  }

  /** Per display formula: its bases' and its number's boxes, in the coordinates of its (scrolling) block. */
  const layout = (page: Page) =>
    page.$$eval('.katex-display', (displays) =>
      displays.map((d) => {
        const origin = d.getBoundingClientRect();
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: Math.round((r.left - origin.left + d.scrollLeft) * 100) / 100, right: Math.round((r.right - origin.left + d.scrollLeft) * 100) / 100, top: Math.round(r.top - origin.top), bottom: Math.round(r.bottom - origin.top) };
        };
        const html = d.querySelector('.katex-html')!;
        const tag = html.querySelector(':scope > .tag');
        return {
          width: d.clientWidth,
          bases: [...html.querySelectorAll(':scope > .base')].map(box),
          // The number as drawn (the tag's own box grows to share the line).
          tag: tag ? box(tag.lastElementChild!) : null,
        };
      }),
    );

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 900, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('without the rule, the number covers a formula wider than the column (the defect)', async () => {
    const { page } = browser;
    await open(page, 360, PRERENDER_CSS.replace(TAG_CSS, ''));
    const [long] = await layout(page);
    const end = Math.max(...long!.bases.map((b) => b.right));
    expect(long!.tag!.left).toBeLessThan(end);
  }, 120_000);

  for (const width of [320, 360, 500, 700, 900]) {
    it(`never puts a number over its formula, ${width} px wide`, async () => {
      const { page } = browser;
      await open(page, width, PRERENDER_CSS);
      const all = await layout(page);
      expect(all).toHaveLength(FORMULAS.length);
      for (const [i, f] of all.entries()) {
        if (!f.tag) continue;
        const end = Math.max(...f.bases.map((b) => b.right));
        // Beside it, on the right (the `\\`-broken formula's number is below its last line, as KaTeX puts it).
        if (i === 5) expect(f.tag.top, FORMULAS[i]).toBeGreaterThanOrEqual(f.bases[0]!.bottom - 1);
        else expect(f.tag.left, `${FORMULAS[i]} at ${width} px`).toBeGreaterThanOrEqual(end);
      }
    }, 120_000);
  }

  it('where formula and number fit, draws every box exactly where it is without the rule', async () => {
    const { page } = browser;
    const without = PRERENDER_CSS.replace(TAG_CSS, '');
    expect(without).not.toBe(PRERENDER_CSS);
    await open(page, 900, without);
    const theirs = await layout(page);
    await open(page, 900, PRERENDER_CSS);
    const ours = await layout(page);
    // The long formulas fit at 700 px: nothing scrolls, nothing moved.
    expect(ours.map((f) => f.width)).toEqual(theirs.map((f) => f.width));
    expect(ours).toEqual(theirs);
  }, 120_000);
});
