/**
 * KaTeX's markup as the build writes it (src/render/katex-markup.ts: the glyphs of the HTML rendering in
 * data-c attributes drawn by the stylesheet, the TeX in the MathML's alttext) looks exactly like KaTeX's
 * own markup in Chromium: the same page of formulas, once with KaTeX's output and once with ours, each
 * with the stylesheet the build writes, gives the same pixels and the same box for every formula. Without
 * any stylesheet (a feed reader, a head without the partial) each formula shows once: Chromium draws the
 * MathML, and the HTML rendering has nothing to draw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium, openKatexPage, screenshotDir, type LaunchedBrowser } from '../helpers/browser.js';
import { katexDistDir } from '../../src/render/static-assets.js';
import { createMathRenderer } from '../../src/render/katex.js';
import { GLYPH_CSS } from '../../src/render/katex-markup.js';

const ORIGIN = 'http://hp-glyphs.test';

const FORMULAS: [string, boolean][] = [
  ['h_t = \\tanh(W h_{t-1} + x_t)', false],
  ['\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1 - h_t^2)\\, W', true],
  ['\\sqrt{x} \\xrightarrow{f} \\hat{x} \\text{ a b } \\vec{v}', false],
  ['\\begin{aligned} f_t &= \\sigma(W_f [h_{t-1}, x_t] + b_f) \\\\ c_t &= f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t \\end{aligned}', true],
  ['\\overbrace{a+b}^{n} \\cancel{x} \\boxed{y} \\mathbb{R}^{d} \\mathcal{L}', false],
  ['\\left( \\sum_{i=1}^{n} \\alpha_i \\right)^2 \\tag{3}', true],
  ['\\ce{H2O} \\quad \\$5 \\& \\{x\\} \\binom{n}{k}', false],
  ['\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix} \\underbrace{x}_{\\text{in}}', true],
];

function doc(formulas: string[], css: boolean): string {
  const body = formulas.map((f) => `<p style="font-size:20px;margin:0 0 12px">${f}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8">${css ? '<link rel="stylesheet" href="/katex.css">' : ''}</head><body style="margin:16px;width:860px">${body}</body></html>`;
}

describeWithChromium('KaTeX glyphs in data-c attributes', () => {
  let browser: LaunchedBrowser;
  const { dir } = katexDistDir();
  const css = readFileSync(path.join(dir, 'katex.min.css'), 'utf8');
  const renderer = createMathRenderer();
  const theirs = FORMULAS.map(([tex, display]) => katex.renderToString(tex, { displayMode: display, output: 'htmlAndMathml' }));
  const ours = FORMULAS.map(([tex, display]) => renderer.render(tex, display).html);

  const open = (page: Page, html: string, stylesheet: string) => openKatexPage(page, ORIGIN, html, stylesheet);
  const boxes = (page: Page) =>
    page.$$eval('p > .katex, p > .katex-display', (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
      }),
    );

  beforeAll(async () => {
    browser = await launchChromium({ viewport: { width: 900, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every formula exactly as KaTeX\'s own markup: same pixels, same boxes', async () => {
    const { page } = browser;
    // Chromium's software rasteriser now and then anti-aliases one of KaTeX's own SVG pieces (the
    // overbrace) a little differently from one load to the next (14 pixels in 810,000, in both markups):
    // a pair of screenshots is taken again, up to three times, and one identical pair is required. A
    // wrong glyph or a formula drawn twice differs on every attempt.
    let same = false;
    for (let attempt = 0; attempt < 3 && !same; attempt++) {
      await open(page, doc(theirs, true), css);
      const theirBoxes = await boxes(page);
      const theirShot = await page.screenshot({ fullPage: true });
      await open(page, doc(ours, true), css + GLYPH_CSS);
      const ourBoxes = await boxes(page);
      const ourShot = await page.screenshot({ fullPage: true, path: path.join(screenshotDir('katex-glyphs'), 'ours.png') });
      expect(ourBoxes).toHaveLength(FORMULAS.length);
      expect(ourBoxes).toEqual(theirBoxes);
      // Something was drawn: every formula has a size.
      for (const [, , w, h] of ourBoxes) expect(w * h).toBeGreaterThan(0);
      same = ourShot.equals(theirShot);
    }
    expect(same).toBe(true);
  }, 120_000);

  it('without a stylesheet, shows each formula once, as MathML; its text is the MathML\'s, once', async () => {
    const { page } = browser;
    await open(page, doc(ours, false), '');
    const seen = await page.$$eval('p', (ps) =>
      ps.map((p) => ({
        math: p.querySelector('math')!.getBoundingClientRect().width,
        html: (p.querySelector('.katex-html') as HTMLElement).innerText,
        text: p.innerText,
        all: p.textContent,
      })),
    );
    for (const s of seen) {
      expect(s.math).toBeGreaterThan(0);
      // The HTML rendering shows no text (its glyphs are drawn by the stylesheet only).
      expect(s.html.trim()).toBe('');
    }
    // The first formula: its letters once, as themes' plainify and a reader's copy would have them.
    expect(seen[0]!.all).toBe('ht=tanh\u2061(Wht−1+xt)');
  }, 120_000);
});
