/**
 * What a reader of a plot or diagram sees in Chromium beyond its layout (plot-layout.test.ts,
 * diagram-cells.test.ts):
 * - a line's points that have no neighbour to join (a validation loss logged every 5 epochs) are drawn,
 *   as markers in the series' colour, on a light page, a dark one and on paper;
 * - a data table wider than a 360 px phone, once opened, scrolls in its own box (a named region a
 *   keyboard can scroll), never the page sideways;
 * - printed, a figure that scrolls sideways on screen (a 16-step rnn-unroll, a 20 × 30 attention map)
 *   shrinks to the column instead of being cut off at the paper's edge;
 * - labels that `highlight=` pushes into the background keep 3:1 against the page, light and dark.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import gradientDecay from '../../shortcodes/gradient-decay.js';
import plot from '../../shortcodes/plot.js';
import rnnUnroll from '../../shortcodes/rnn-unroll.js';
import attentionMap from '../../shortcodes/attention-map.js';
import lstmCell from '../../shortcodes/lstm-cell.js';
import gruCell from '../../shortcodes/gru-cell.js';
import { renderShortcodeForTest } from '../helpers/render-context.js';
import {
  availableFontSetups, contrastRatio as contrast, describeWithChromium, launchChromium, openFigurePage, rgbOf as rgb, type LaunchedBrowser,
} from '../helpers/browser.js';

const PAGE_CSS = `
  body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fbfbfa; }
  @media (prefers-color-scheme: dark) { body { color: #dadadb; background: #1d1e20; } }
`;

const pageHtml = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;

describeWithChromium('plots as a reader sees them', () => {
  let browser: LaunchedBrowser;
  let dir: string;
  let sparse: string;
  let wideTables: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hp-plot-reading-'));
    const bundle = path.join(dir, 'content/p');
    mkdirSync(bundle, { recursive: true });
    const rows = Array.from({ length: 10 }, (_, i) => `${i + 1},${(2 / (i + 1)).toFixed(3)},${(i + 1) % 5 === 0 ? (2.5 / (i + 1)).toFixed(3) : ''}`);
    writeFileSync(path.join(bundle, 'sparse.csv'), `epoch,train,val\n${rows.join('\n')}\n`);
    const opts = { page: { absPath: path.join(bundle, 'index.md'), relPath: 'content/p/index.md', bundleDir: bundle }, site: { dir, staticDirs: [path.join(dir, 'static')], assetsDir: path.join(dir, 'assets') } };
    const r = await renderShortcodeForTest(plot, { file: 'sparse.csv' }, opts);
    expect(r.reports).toEqual([]);
    sparse = r.html;
    // Long legend labels become the table's headers; gradient-decay's widest: seven radii.
    const runs = Array.from({ length: 8 }, (_, i) => `${(i + 1) * 100},${[1, 2, 3, 4].map((k) => (1 / (i + k)).toFixed(6)).join(',')}`);
    writeFileSync(path.join(bundle, 'runs.csv'), `step,a,b,c,d\n${runs.join('\n')}\n`);
    const wide = await renderShortcodeForTest(
      plot,
      { file: 'runs.csv', x: 'step', labels: 'AdamW, lr=1e-2, warmup 500, cosine decay|SGD momentum 0.9, lr=1e-3, step decay|Lion, lr=3e-4, no warmup at all here|Adafactor, lr=1e-4, relative step size' },
      opts,
    );
    expect(wide.reports).toEqual([]);
    const decay = await renderShortcodeForTest(gradientDecay, { radius: '0.5,0.8,1,1.2,1.5,2,3', model: 'rnn', steps: 20, seeds: 1 }, { ...opts, idPrefix: 'hp-gd' });
    expect(decay.reports).toEqual([]);
    wideTables = wide.html + decay.html;
    browser = await launchChromium({ viewport: { width: 800, height: 900 }, fonts: availableFontSetups()[0] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, o: { scheme?: 'light' | 'dark'; print?: boolean; width?: number } = {}): Promise<Page> {
    const page = await browser.context.newPage();
    if (o.width) await page.setViewportSize({ width: o.width, height: 900 });
    await page.emulateMedia({ colorScheme: o.scheme ?? 'light', media: o.print ? 'print' : 'screen' });
    return openFigurePage(browser.context, pageHtml(html), { webFonts: true, page });
  }

  test('a validation loss logged every 5 epochs shows its two points, in its colour, light, dark and printed', async () => {
    for (const mode of [{ scheme: 'light' }, { scheme: 'dark' }, { scheme: 'light', print: true }] as const) {
      const page = await open(sparse, mode);
      const seen = await page.evaluate(() => {
        const svg = document.querySelector('svg.hp-plot')!;
        const line = svg.querySelector('.hp-plot-data .hp-stroke-input.hp-plot-line');
        const marks = [...svg.querySelectorAll('.hp-plot-data .hp-fill-input path')].map((m) => {
          const r = m.getBoundingClientRect();
          const cs = getComputedStyle(m);
          return { w: r.width, h: r.height, fill: cs.fill, opacity: Number(cs.fillOpacity) * Number(getComputedStyle(m.parentElement!).opacity), visible: cs.visibility };
        });
        const legendVal = svg.querySelectorAll('.hp-plot-legend-item')[1]!;
        const legendStroke = getComputedStyle(legendVal.querySelector('path')!).stroke;
        return { line: line ? getComputedStyle(line).stroke : undefined, marks, legendStroke, background: getComputedStyle(document.body).backgroundColor };
      });
      await page.close();
      const label = JSON.stringify(mode);
      expect(seen.marks.length, label).toBe(2);
      for (const m of seen.marks) {
        expect(m.w, label).toBeGreaterThanOrEqual(5);
        expect(m.h, label).toBeGreaterThanOrEqual(5);
        expect(m.visible, label).toBe('visible');
        expect(m.opacity, label).toBe(1);
        // The colour the legend gives the series, readable against the page.
        expect(m.fill, label).toBe(seen.legendStroke);
        expect(contrast(rgb(m.fill), rgb(seen.background)), label).toBeGreaterThanOrEqual(3);
      }
    }
  });

  test('an opened data table on a 360 px phone scrolls in its own box, a named region the keyboard can scroll; the page does not scroll sideways', async () => {
    const page = await open(wideTables, { width: 360 });
    for (const d of await page.$$('details.hp-plot-table')) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
    const seen = await page.evaluate(() => ({
      page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
      tables: [...document.querySelectorAll('details.hp-plot-table')].map((d) => {
        const box = d.querySelector('table')!.parentElement!;
        return {
          role: box.getAttribute('role'),
          label: box.getAttribute('aria-label'),
          tabIndex: box.tabIndex,
          scroll: box.scrollWidth,
          client: box.clientWidth,
          right: box.getBoundingClientRect().right,
        };
      }),
    }));
    expect(seen.tables.length).toBe(2);
    expect(seen.page.scroll, JSON.stringify(seen)).toBe(seen.page.client);
    for (const t of seen.tables) {
      expect(t.role).toBe('region');
      expect(t.label).toBe('Data table');
      expect(t.tabIndex).toBe(0);
      expect(t.scroll, 'the table is wider than the phone, so its box scrolls').toBeGreaterThan(t.client);
      expect(t.right).toBeLessThanOrEqual(360);
    }
    // Tab reaches the first table's box (after its summary), and the arrow keys scroll it.
    await page.focus('details.hp-plot-table summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // (Keyboard scrolling is animated: wait for it.)
    await page.waitForFunction(() => document.activeElement!.scrollLeft > 0, undefined, { timeout: 5000 });
    await page.close();
  });

  test('printed on a 718 px page, wide diagrams shrink to its column: none is cut off', async () => {
    const unroll = await renderShortcodeForTest(rnnUnroll, { steps: 16 }, { idPrefix: 'hp-u' });
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i + 1}`).join(' ');
    const matrix = Array.from({ length: 20 }, (_, i) => Array.from({ length: 30 }, (_, j) => (i === Math.floor(j / 1.5) ? 0.7 : 0.01).toFixed(2)).join(' ')).join('\n');
    const amap = await renderShortcodeForTest(attentionMap, { source: words(30, 'source'), target: words(20, 'target') }, { inner: matrix, idPrefix: 'hp-a' });
    expect([...unroll.reports, ...amap.reports].filter((r) => r.severity === 'error')).toEqual([]);
    // A 718 px page (A4's printable width) whose theme pads its column: 638 px for figures.
    const html = `<main style="margin:0 24px">${unroll.html}${amap.html}</main>`;
    // On screen they keep their legible width and scroll sideways in their own box; printed, they shrink.
    for (const print of [false, true]) {
      const page = await open(html, { width: 718, print });
      const seen = await page.evaluate(() => {
        const column = document.querySelector('main')!.getBoundingClientRect();
        return {
          column: { left: column.left, right: column.right },
          svgs: [...document.querySelectorAll('figure svg')].map((s) => ({ left: s.getBoundingClientRect().left, right: s.getBoundingClientRect().right, width: s.getBoundingClientRect().width })),
          scrollers: [...document.querySelectorAll('.hp-scroll')].map((e) => ({ scroll: e.scrollWidth, client: e.clientWidth })),
        };
      });
      await page.close();
      expect(seen.scrollers.length, 'both keep a legible width on a phone').toBe(2);
      if (!print) {
        for (const x of seen.scrollers) expect(x.scroll, JSON.stringify(seen)).toBeGreaterThan(x.client + 1);
        continue;
      }
      for (const x of seen.scrollers) expect(x.scroll, JSON.stringify(seen)).toBeLessThanOrEqual(x.client + 1);
      // (rnn-unroll's "Unfold" arrow comes in two layouts; the one not shown has no width.)
      const shown = seen.svgs.filter((svg) => svg.width > 0);
      expect(shown.length).toBe(4);
      for (const svg of shown) {
        expect(svg.left, JSON.stringify(seen)).toBeGreaterThanOrEqual(seen.column.left - 0.5);
        expect(svg.right, JSON.stringify(seen)).toBeLessThanOrEqual(seen.column.right + 0.5);
      }
    }
  });

  test('labels dimmed by highlight= keep 3:1 contrast against the page, light and dark; their shapes stay faint', async () => {
    const figs = [
      await renderShortcodeForTest(lstmCell, { highlight: 'forget' }, { idPrefix: 'hp-l' }),
      await renderShortcodeForTest(gruCell, { highlight: 'reset' }, { idPrefix: 'hp-g' }),
    ];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(figs.map((f) => f.html).join(''), { scheme });
      const seen = await page.evaluate(() => {
        const along = (e: Element) => {
          let o = 1;
          for (let x: Element | null = e; x && x.tagName !== 'svg'; x = x.parentElement) o *= Number(getComputedStyle(x).opacity);
          return o;
        };
        const dim = [...document.querySelectorAll('.hp-dim')];
        return {
          background: getComputedStyle(document.body).backgroundColor,
          texts: dim.flatMap((g) => [...g.querySelectorAll('text')]).map((t) => ({ text: t.textContent, fill: getComputedStyle(t).fill, opacity: along(t) * Number(getComputedStyle(t).fillOpacity) })),
          shapes: dim.flatMap((g) => [...g.querySelectorAll('path, rect, circle, ellipse')]).map((e) => along(e)),
        };
      });
      await page.close();
      expect(seen.texts.length).toBeGreaterThan(5);
      const bg = rgb(seen.background);
      for (const t of seen.texts) {
        const shown = rgb(t.fill).map((c, k) => c * t.opacity + bg[k]! * (1 - t.opacity)) as [number, number, number];
        expect(contrast(shown, bg), `${t.text} (${scheme})`).toBeGreaterThanOrEqual(3);
        expect(t.opacity, `${t.text} is still dimmed`).toBeLessThan(1);
      }
      expect(seen.shapes.length).toBeGreaterThan(5);
      for (const o of seen.shapes) expect(o).toBeLessThanOrEqual(0.22);
    }
  });
});
