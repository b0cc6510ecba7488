/**
 * The computed plots in Chromium (system browser, never downloaded), light and dark:
 * - no two text boxes overlap and none leaves the viewBox (getBBox, mapped through each element's
 *   transform so the rotated y label counts as drawn), and no text enters the plot area;
 * - every data path stays inside the plot area (they are clipped, so this checks the scales);
 * - text and series colours follow the page: light, dark by `prefers-color-scheme`, dark by a theme's
 *   class on <html>;
 * - on a 360 px phone (a 328 px column) every full-size label is at least 9 px.
 * Screenshots go to test-artifacts/plots/ (docs/plots/ with UPDATE_SCREENSHOTS=1) (the README shows them).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import gradientDecay from '../../shortcodes/gradient-decay.js';
import plot from '../../shortcodes/plot.js';
import { renderShortcodeForTest, type ContextOptions } from '../helpers/render-context.js';
import {
  availableFontSetups, chromiumAvailable, expectFontPaths, inFontSetups, installUserBox, launchChromium, openFigurePage, screenshotDir,
  LAYOUT_HOOK_TIMEOUT, type FontRun, type LaunchedBrowser, type UserBox,
} from '../helpers/browser.js';

const DOCS = screenshotDir('plots');

interface Case {
  shot?: string;
  def: ShortcodeDefinition<any>;
  params: Record<string, ParamValue>;
}

const CASES: Case[] = [
  { shot: 'gradient-decay', def: gradientDecay, params: { caption: 'A tanh RNN with spectral radius 0.9, 1 and 1.1' } },
  { shot: 'gradient-decay-lstm', def: gradientDecay, params: { model: 'rnn,lstm', radius: '1.0', 'input-scale': 1, caption: 'RNN against LSTM at spectral radius 1' } },
  { shot: 'gradient-decay-models', def: gradientDecay, params: { model: 'rnn,lstm,gru', radius: '0.9,1.1', init: 'gaussian' } },
  { def: gradientDecay, params: { activation: 'relu', steps: 200, hidden: 8, seeds: 2, radius: '0.5,0.8,1,1.2,1.5,2,3', ylabel: 'a rather long label for the gradient norm, $\\|\\partial h_T/\\partial h_{T-k}\\|_2$, in words' } },
  { def: gradientDecay, params: { activation: 'linear', radius: '1', seeds: 1, steps: 3, hidden: 2 } },
  { shot: 'plot-loss', def: plot, params: { file: 'loss.csv', x: 'epoch', y: 'train,valid', labels: 'training|validation', ylabel: 'loss $\\mathcal{L}(\\theta)$', caption: 'Training curves from `loss.csv`' } },
  { shot: 'plot-lr-scatter', def: plot, params: { file: 'sweep.json', x: 'lr', y: 'loss', mode: 'scatter', xscale: 'log', xlabel: 'learning rate $\\eta$', ylabel: 'final loss' } },
  { def: plot, params: { file: 'many.csv', mode: 'both' } },
  { def: plot, params: { file: 'loss.csv', yscale: 'log', xmin: 0, xmax: 100, ymin: 0.01 } },
];

function writeData(dir: string): void {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const e = i + 1;
    const wobble = 0.03 * Math.sin(e * 1.7);
    return `${e},${(2.2 * Math.exp(-e / 9) + 0.12 + wobble).toFixed(4)},${(2.3 * Math.exp(-e / 11) + 0.3 + 0.002 * e + wobble / 2).toFixed(4)}`;
  });
  writeFileSync(path.join(dir, 'loss.csv'), `epoch,train,valid\n${rows.join('\n')}\n`);
  const lr = Array.from({ length: 24 }, (_, i) => 10 ** (-5 + (4 * i) / 23));
  writeFileSync(
    path.join(dir, 'sweep.json'),
    JSON.stringify(lr.map((x, i) => ({ lr: Number(x.toPrecision(4)), loss: Number((0.4 + 0.3 * (Math.log10(x) + 2.6) ** 2 + 0.05 * Math.cos(i * 2.1)).toFixed(4)) }))),
  );
  const many = Array.from({ length: 12 }, (_, i) => [i, ...Array.from({ length: 8 }, (_, s) => ((s + 1) * Math.sqrt(i + 1)).toFixed(3))].join(','));
  writeFileSync(path.join(dir, 'many.csv'), `step,${Array.from({ length: 8 }, (_, s) => `run ${s + 1}`).join(',')}\n${many.join('\n')}\n`);
}

type Mode = 'light' | 'dark-media' | 'dark-class';

const PAGE_CSS = `
  body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fbfbfa; }
  @media (prefers-color-scheme: dark) { body { color: #dadadb; background: #1d1e20; } }
  html.dark body { color: #dadadb; background: #1d1e20; }
  figure { margin: 0 0 24px; display: inline-block; padding: 10px 12px; width: 560px; }
  figcaption p { margin: 4px 0 0; font-size: 15px; }
  .phone figure { display: block; padding: 0; width: auto; }
`;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Geometry {
  viewBox: [number, number, number, number];
  plot: Box;
  texts: { text: string; box: Box; px: number }[];
  dataPoints: { x: number; y: number }[];
  textFill: string;
  lineStroke: string;
}

async function geometry(page: Page): Promise<Geometry[]> {
  await installUserBox(page);
  return page.$$eval('svg.hp-plot', (svgs) =>
    svgs.map((svg) => {
      const s = svg as SVGSVGElement;
      const vb = s.viewBox.baseVal;
      const userBox = (window as unknown as { hpUserBox: (e: SVGGraphicsElement) => UserBox }).hpUserBox;
      const boxOf = (e: SVGGraphicsElement) => {
        const b = userBox(e);
        return { x: b.x0, y: b.y0, w: b.x1 - b.x0, h: b.y1 - b.y0 };
      };
      const scale = s.getBoundingClientRect().width / vb.width;
      const texts = [...s.querySelectorAll('text')].map((t) => ({
        text: t.textContent ?? '',
        box: boxOf(t as SVGTextElement),
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
      }));
      const clip = s.querySelector('clipPath rect') as SVGRectElement;
      const plot = { x: clip.x.baseVal.value, y: clip.y.baseVal.value + 2, w: clip.width.baseVal.value, h: clip.height.baseVal.value - 4 };
      const dataPoints: { x: number; y: number }[] = [];
      for (const p of s.querySelectorAll('.hp-plot-line, .hp-plot-band')) {
        const g = p as SVGPathElement;
        const n = g.getTotalLength();
        for (let l = 0; l <= n; l += 3) {
          const pt = g.getPointAtLength(l);
          dataPoints.push({ x: pt.x, y: pt.y });
        }
      }
      for (const m of s.querySelectorAll('.hp-plot-markers path')) {
        const b = boxOf(m as SVGGraphicsElement);
        dataPoints.push({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
      }
      const first = s.querySelector('text');
      const line = s.querySelector('.hp-plot-line, .hp-plot-markers');
      return {
        viewBox: [vb.x, vb.y, vb.width, vb.height] as [number, number, number, number],
        plot,
        texts,
        dataPoints,
        textFill: first ? getComputedStyle(first).fill : '',
        lineStroke: line ? (line.classList.contains('hp-plot-line') ? getComputedStyle(line).stroke : getComputedStyle(line).fill) : '',
      };
    }),
  );
}

const overlaps = (a: Box, b: Box, eps = 0.5) => a.x + eps < b.x + b.w && b.x + eps < a.x + a.w && a.y + eps < b.y + b.h && b.y + eps < a.y + a.h;

describe.skipIf(!chromiumAvailable())('plot layout in Chromium', () => {
  let browser: LaunchedBrowser;
  let dataDir: string;
  const figures: string[] = [];
  const results = new Map<Mode | 'phone', Geometry[]>();

  let runs: FontRun<Geometry[]>[];

  const pageHtml = (mode: Mode, phone: boolean) =>
    `<!doctype html><html class="${mode === 'dark-class' ? 'dark' : ''}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${PAGE_CSS}</style></head>` +
    `<body class="${phone ? 'phone' : ''}">${figures.map((f, i) => `<div class="case" data-i="${i}">${f}</div>`).join('')}</body></html>`;

  async function pageWith(mode: Mode, phone = false): Promise<Page> {
    const page = await browser.context.newPage();
    if (phone) await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: mode === 'dark-media' ? 'dark' : 'light' });
    return openFigurePage(browser.context, pageHtml(mode, phone), { webFonts: true, page });
  }

  // Three font setups × served/blocked fonts × two widths, plus the colour modes: minutes on a loaded
  // two-core machine (the default 180 s hook timeout was hit under CI contention).
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hp-plot-data-'));
    writeData(dataDir);
    for (const [i, c] of CASES.entries()) {
      const opts: ContextOptions = {
        idPrefix: `case${i}`,
        page: { absPath: path.join(dataDir, 'index.md'), relPath: 'content/p/index.md', bundleDir: dataDir },
        site: { dir: dataDir, staticDirs: [], assetsDir: path.join(dataDir, 'assets') },
      };
      const r = await renderShortcodeForTest(c.def, c.params, opts);
      expect(r.reports.filter((d) => d.severity === 'error'), `${c.def.name} ${JSON.stringify(c.params)}`).toEqual([]);
      figures.push(r.html);
    }
    runs = await inFontSetups({ viewport: { width: 1300, height: 900 }, html: (phone) => pageHtml('light', phone), measure: geometry });
    browser = await launchChromium({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 2, fonts: availableFontSetups()[0] });
    mkdirSync(DOCS, { recursive: true });
    for (const mode of ['light', 'dark-media', 'dark-class'] as Mode[]) {
      const page = await pageWith(mode);
      results.set(mode, await geometry(page));
      if (mode !== 'dark-media') {
        for (const [i, c] of CASES.entries()) {
          if (!c.shot) continue;
          await page.locator(`.case[data-i="${i}"] figure`).screenshot({ path: path.join(DOCS, `${c.shot}-${mode === 'light' ? 'light' : 'dark'}.png`) });
        }
      }
      await page.close();
    }
    const phone = await pageWith('light', true);
    results.set('phone', await geometry(phone));
    await phone.close();
  }, LAYOUT_HOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const names = CASES.map((c, i) => [i, `${c.def.name} ${JSON.stringify(c.params)}`] as const);

  test.each(names)('case %i: %s — labels inside the viewBox, apart, and off the plot area, in every font setup', (i) => {
    for (const run of runs) {
      const g = run.result[i]!;
      const where = run.label;
      const [vx, vy, vw, vh] = g.viewBox;
      expect(g.texts.length).toBeGreaterThan(5);
      for (const t of g.texts) {
        const b = t.box;
        expect(b.x, `"${t.text}" leaves the viewBox on the left (${where})`).toBeGreaterThanOrEqual(vx - 0.5);
        expect(b.y, `"${t.text}" leaves the viewBox at the top (${where})`).toBeGreaterThanOrEqual(vy - 0.5);
        expect(b.x + b.w, `"${t.text}" leaves the viewBox on the right (${where})`).toBeLessThanOrEqual(vx + vw + 0.5);
        expect(b.y + b.h, `"${t.text}" leaves the viewBox at the bottom (${where})`).toBeLessThanOrEqual(vy + vh + 0.5);
        expect(overlaps(b, g.plot, 1), `"${t.text}" enters the plot area (${where})`).toBe(false);
      }
      for (let a = 0; a < g.texts.length; a++) {
        for (let b = a + 1; b < g.texts.length; b++) {
          expect(overlaps(g.texts[a]!.box, g.texts[b]!.box), `"${g.texts[a]!.text}" overlaps "${g.texts[b]!.text}" (${where})`).toBe(false);
        }
      }
    }
  });

  test.each(names)('case %i: %s — data stays inside the plot area', (i) => {
    for (const run of runs) {
      const g = run.result[i]!;
      expect(g.dataPoints.length).toBeGreaterThan(3);
      const { x, y, w, h } = g.plot;
      const out = g.dataPoints.find((p) => p.x < x - 0.5 || p.x > x + w + 0.5 || p.y < y - 0.5 || p.y > y + h + 0.5);
      // The ymin/xmax case cuts data on purpose (the clip path hides it); every other case must fit.
      if (i !== CASES.length - 1) expect(out, `data point ${JSON.stringify(out)} outside ${JSON.stringify(g.plot)} (${run.label})`).toBeUndefined();
    }
  });

  test('each font setup drew with the fonts it claims: served ones loaded, or all blocked', () => {
    expectFontPaths(runs);
  });

  test('colours follow the page: light, dark by class, and middle accents where only the system is dark', () => {
    for (const [i] of CASES.entries()) {
      const light = results.get('light')![i]!;
      const media = results.get('dark-media')![i]!;
      const cls = results.get('dark-class')![i]!;
      expect(light.textFill).toBe('rgb(31, 35, 40)');
      expect(media.textFill).toBe('rgb(218, 218, 219)');
      expect(cls.textFill).toBe('rgb(218, 218, 219)');
      expect(light.lineStroke).not.toBe(media.lineStroke);
      expect(light.lineStroke).not.toBe(cls.lineStroke);
      // The system alone is dark: the page may be light or dark (diagram-cells checks their contrast).
      expect(media.lineStroke).not.toBe(cls.lineStroke);
    }
  });

  test('readable on a 360 px phone: full-size labels at 9 px or more', () => {
    for (const g of results.get('phone')!) {
      for (const t of g.texts) expect(t.px, `"${t.text}"`).toBeGreaterThanOrEqual(9);
    }
  });
});
