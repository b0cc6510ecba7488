/**
 * Every diagram shortcode rendered with representative parameters into one HTML page and checked in
 * Chromium, in light mode, dark mode by `prefers-color-scheme`, dark mode by a theme's `.dark` class or
 * `data-theme="dark"` attribute on <html>, and a theme's explicit light toggle on a dark OS:
 * - no two text boxes (getBBox, in viewBox units) overlap, and none leaves the viewBox;
 * - no edge and no arrowhead runs through a text box;
 * - text and accent colours follow the mode (and the explicit light toggle wins over the OS);
 * - on a 360 px wide phone (a 328 px column), the default figures set every full-size label at ≥ 9 px
 *   and their largest labels (the nodes) at ≥ 10 px.
 * Screenshots of each figure in light and dark go to test-artifacts/diagrams/ (docs/diagrams/ with UPDATE_SCREENSHOTS=1) (the README shows them).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ParamValue } from '../../src/content/types.js';
import type { ShortcodeDefinition } from '../../src/render/types.js';
import {
  availableFontSetups, describeWithChromium, expectFontPaths, inFontSetups, installUserBox, launchChromium, openFigurePage, screenshotDir,
  LAYOUT_HOOK_TIMEOUT, shootFigure, type FontRun, type LaunchedBrowser, type UserBox,
} from '../helpers/browser.js';
import { renderWith } from '../helpers/svg-context.js';
import rnnUnroll from '../../shortcodes/rnn-unroll.js';
import rnnArchitectures from '../../shortcodes/rnn-architectures.js';

const DOCS = screenshotDir('diagrams');

interface Case {
  /** File name stem for screenshots; undefined: checked, not photographed. */
  shot?: string;
  def: ShortcodeDefinition<any>;
  params: Record<string, ParamValue>;
  /** The default figure of a shortcode: checked for phone legibility. */
  phone?: boolean;
}

const CASES: Case[] = [
  { shot: 'rnn-unroll', def: rnnUnroll, params: {}, phone: true },
  { shot: 'rnn-unroll-losses', def: rnnUnroll, params: { losses: true, notation: 'sup', index: 'relative', steps: 3 } },
  { shot: 'rnn-unroll-bptt', def: rnnUnroll, params: { bptt: true, steps: 5, folded: false } },
  { def: rnnUnroll, params: { outputs: false, steps: 1, weights: '' } },
  { def: rnnUnroll, params: { steps: 16, notation: 'sup', losses: true, bptt: true } },
  { def: rnnUnroll, params: { input: '\\mathbf{x}', hidden: '\\tilde{h}', output: '\\hat{y}', weights: 'W_{xh},W_{hy},W_{hh}', notation: 'sup', index: 'relative', steps: 5 } },
  { shot: 'rnn-architectures', def: rnnArchitectures, params: {}, phone: true },
  { def: rnnArchitectures, params: { wrap: 5, labels: true } },
  { def: rnnArchitectures, params: { panels: 'many-to-one', legend: false } },
  { def: rnnArchitectures, params: { panels: 'many-to-many,many-to-many-synced', labels: true } },
];

type Mode = 'light' | 'dark-media' | 'dark-class' | 'dark-data-theme' | 'light-class-dark-os';

const PAGE_CSS = `
  body { margin: 16px; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fbfbfa; }
  @media (prefers-color-scheme: dark) { html:not(.light) body { color: #dadadb; background: #1d1e20; } }
  html.dark body, html[data-theme="dark"] body { color: #dadadb; background: #1d1e20; }
  figure { margin: 0 0 24px; display: inline-block; padding: 8px; }
  /* A row of panels that is a size container lays out side by side only in a column it spans. */
  figure:has(> .hp-panels[style*="container-type"]) { display: block; }
  .phone figure { display: block; padding: 0; }
`;

function pageHtml(figures: string[], opts: { mode: Mode; phone?: boolean }): string {
  const htmlClass = opts.mode === 'dark-class' ? 'dark' : opts.mode === 'light-class-dark-os' ? 'light' : '';
  const dataTheme = opts.mode === 'dark-data-theme' ? ' data-theme="dark"' : '';
  return (
    `<!doctype html><html class="${htmlClass}"${dataTheme}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><style>${PAGE_CSS}</style></head>` +
    `<body class="${opts.phone ? 'phone' : ''}">${figures.map((f, i) => `<div class="case" data-i="${i}">${f}</div>`).join('')}</body></html>`
  );
}

async function pageWith(context: BrowserContext, figures: string[], opts: { mode: Mode; phone?: boolean }): Promise<Page> {
  const page = await context.newPage();
  const dark = opts.mode === 'dark-media' || opts.mode === 'light-class-dark-os';
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  return openFigurePage(context, pageHtml(figures, opts), { webFonts: true, page });
}

interface Geometry {
  viewBox: [number, number, number, number];
  texts: { text: string; box: { x: number; y: number; width: number; height: number } }[];
  /** Points sampled every 2 units along every drawn path (edges, arrows), outside <defs>. */
  pathPoints: { x: number; y: number }[];
  textFill: string;
  accents: Record<string, string>;
}

/** Per case, per SVG of its figure (rnn-architectures draws one per panel, plus its legend). */
async function geometry(page: Page): Promise<Geometry[][]> {
  await installUserBox(page);
  return page.$$eval('.case', (cases) =>
    cases.map((c) => [...c.querySelectorAll('svg.hp-diagram')].map((svg) => {
      const s = svg as SVGSVGElement;
      const vb = s.viewBox.baseVal;
      const userBox = (window as unknown as { hpUserBox: (e: SVGGraphicsElement) => UserBox }).hpUserBox;
      const texts = [...s.querySelectorAll('text')].map((t) => {
        const b = userBox(t as SVGTextElement);
        return { text: t.textContent ?? '', box: { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 } };
      });
      const pathPoints: { x: number; y: number }[] = [];
      for (const p of s.querySelectorAll('path')) {
        if (p.closest('defs')) continue;
        const g = p as SVGPathElement;
        const n = g.getTotalLength();
        for (let l = 0; l <= n; l += 2) {
          const pt = g.getPointAtLength(l);
          pathPoints.push({ x: pt.x, y: pt.y });
        }
        // Arrowheads: points inside each marker's triangle, placed as the browser places it (at the
        // path's end, or reversed at its start, along the tangent; markerUnits="userSpaceOnUse").
        for (const [attr, atEnd] of [['marker-end', true], ['marker-start', false]] as const) {
          const ref = g.getAttribute(attr)?.match(/url\(#([^)]+)\)/)?.[1];
          const marker = ref ? (s.querySelector(`[id="${ref}"]`) as SVGMarkerElement | null) : null;
          const head = marker?.querySelector('path') as SVGPathElement | null | undefined;
          if (!marker || !head || n === 0) continue;
          const end = g.getPointAtLength(atEnd ? n : 0);
          const near = g.getPointAtLength(atEnd ? Math.max(0, n - 0.5) : Math.min(n, 0.5));
          let dx = atEnd ? end.x - near.x : near.x - end.x;
          let dy = atEnd ? end.y - near.y : near.y - end.y;
          if (!atEnd) [dx, dy] = [-dx, -dy];
          const d = Math.hypot(dx, dy) || 1;
          const [ux, uy] = [dx / d, dy / d];
          const rx = marker.refX.baseVal.value;
          const ry = marker.refY.baseVal.value;
          const mvb = marker.viewBox.baseVal;
          for (let mx = mvb.x; mx <= mvb.x + mvb.width; mx += 0.5) {
            for (let my = mvb.y; my <= mvb.y + mvb.height; my += 0.5) {
              if (!head.isPointInFill(new DOMPoint(mx, my))) continue;
              const [a, b] = [mx - rx, my - ry];
              pathPoints.push({ x: end.x + a * ux - b * uy, y: end.y + a * uy + b * ux });
            }
          }
        }
      }
      const first = s.querySelector('text');
      const accents: Record<string, string> = {};
      for (const tone of ['input', 'hidden', 'output', 'highlight']) {
        const e = s.querySelector(`.hp-stroke-${tone}, .hp-fill-${tone}`);
        if (e) accents[tone] = e.classList.contains(`hp-stroke-${tone}`) ? getComputedStyle(e).stroke : getComputedStyle(e).fill;
      }
      return { viewBox: [vb.x, vb.y, vb.width, vb.height] as [number, number, number, number], texts, pathPoints, textFill: first ? getComputedStyle(first).fill : '', accents };
    })),
  );
}

describeWithChromium('diagram layout in Chromium', () => {
  let browser: LaunchedBrowser;
  let context: BrowserContext;
  let figures: string[];
  const results = new Map<Mode, Geometry[][]>();
  let runs: FontRun<Geometry[][]>[];

  // Three font setups × served/blocked fonts × two widths, plus the colour modes: minutes on a loaded
  // two-core machine (the default 180 s hook timeout was hit under CI contention).
  beforeAll(async () => {
    figures = [];
    for (const [i, c] of CASES.entries()) {
      const r = await renderWith(c.def, c.params, { idPrefix: `case${i}` });
      expect(r.errors, `${c.def.name} ${JSON.stringify(c.params)}`).toEqual([]);
      figures.push(r.html);
    }
    runs = await inFontSetups({ viewport: { width: 1800, height: 1000 }, html: (phone) => pageHtml(figures, { mode: 'light', phone }), measure: geometry });
    browser = await launchChromium({ viewport: { width: 1800, height: 1000 }, deviceScaleFactor: 2, fonts: availableFontSetups()[0] });
    context = browser.context;
    mkdirSync(DOCS, { recursive: true });
    for (const mode of ['light', 'dark-media', 'dark-class', 'dark-data-theme', 'light-class-dark-os'] as Mode[]) {
      const page = await pageWith(context, figures, { mode });
      results.set(mode, await geometry(page));
      if (mode === 'light' || mode === 'dark-class') {
        for (const [i, c] of CASES.entries()) {
          if (!c.shot) continue;
          await shootFigure(page, `.case[data-i="${i}"] figure`, path.join(DOCS, `${c.shot}-${mode === 'light' ? 'light' : 'dark'}.png`));
        }
      }
      await page.close();
    }
  }, LAYOUT_HOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  // Each run's measurements of case i: one per SVG of its figure, with the run's label.
  const svgsOf = (i: number) => runs.flatMap((run) => run.result[i]!.map((g) => ({ g, where: run.label })));

  test.each(CASES.map((c, i) => [i, `${c.def.name} ${JSON.stringify(c.params)}`] as const))('case %i: %s — text inside the viewBox, no overlaps, in every font setup', (i) => {
    expect(svgsOf(i).length).toBeGreaterThanOrEqual(runs.length);
    for (const { g, where } of svgsOf(i)) {
      const [vx, vy, vw, vh] = g.viewBox;
      expect(g.texts.length).toBeGreaterThan(0);
      const EPS = 0.5;
      for (const t of g.texts) {
        expect(t.box.x, `"${t.text}" leaves the viewBox on the left (${where})`).toBeGreaterThanOrEqual(vx - EPS);
        expect(t.box.y, `"${t.text}" leaves the viewBox at the top (${where})`).toBeGreaterThanOrEqual(vy - EPS);
        expect(t.box.x + t.box.width, `"${t.text}" leaves the viewBox on the right (${where})`).toBeLessThanOrEqual(vx + vw + EPS);
        expect(t.box.y + t.box.height, `"${t.text}" leaves the viewBox at the bottom (${where})`).toBeLessThanOrEqual(vy + vh + EPS);
      }
      for (let a = 0; a < g.texts.length; a++) {
        for (let b = a + 1; b < g.texts.length; b++) {
          const A = g.texts[a]!.box;
          const B = g.texts[b]!.box;
          const overlap = A.x + EPS < B.x + B.width && B.x + EPS < A.x + A.width && A.y + EPS < B.y + B.height && B.y + EPS < A.y + A.height;
          expect(overlap, `"${g.texts[a]!.text}" overlaps "${g.texts[b]!.text}" (${where})`).toBe(false);
        }
      }
    }
  });

  test.each(CASES.map((c, i) => [i, `${c.def.name} ${JSON.stringify(c.params)}`] as const))('case %i: %s — no edge runs through a label, in every font setup', (i) => {
    for (const run of runs) expect(run.result[i]!.reduce((n, g) => n + g.pathPoints.length, 0)).toBeGreaterThan(10);
    for (const { g, where } of svgsOf(i)) {
      const IN = 1; // a point must be more than 1 unit inside a text box to count
      for (const t of g.texts) {
        const b = t.box;
        const hit = g.pathPoints.find((p) => p.x > b.x + IN && p.x < b.x + b.width - IN && p.y > b.y + IN && p.y < b.y + b.height - IN);
        expect(hit, `an edge runs through "${t.text}" at ${JSON.stringify(hit)} (${where})`).toBeUndefined();
      }
    }
  });

  test('each font setup drew with the fonts it claims: served ones loaded, or all blocked', () => {
    expectFontPaths(runs);
  });

  test('colours follow light and dark mode, by class and attribute; middle accents by media query alone; an explicit light toggle wins', () => {
    for (const [i] of CASES.entries()) {
      const light = results.get('light')![i]![0]!;
      const darkMedia = results.get('dark-media')![i]![0]!;
      const darkClass = results.get('dark-class')![i]![0]!;
      const darkAttr = results.get('dark-data-theme')![i]![0]!;
      const lightToggle = results.get('light-class-dark-os')![i]![0]!;
      expect(light.textFill).not.toBe(darkMedia.textFill);
      expect(light.textFill).not.toBe(darkClass.textFill);
      expect(lightToggle.textFill).toBe(light.textFill);
      const tones = Object.keys(light.accents);
      expect(tones.length).toBeGreaterThan(0);
      for (const tone of tones) {
        expect(darkMedia.accents[tone], tone).not.toBe(light.accents[tone]);
        expect(darkClass.accents[tone], tone).not.toBe(light.accents[tone]);
        // The system alone is dark: the page may be light or dark, so not the toggle's dark accents.
        expect(darkMedia.accents[tone], tone).not.toBe(darkClass.accents[tone]);
        expect(darkAttr.accents[tone], tone).toBe(darkClass.accents[tone]);
        expect(lightToggle.accents[tone], tone).toBe(light.accents[tone]);
      }
    }
  });

  test('default figures stay legible on a 360 px wide phone', async () => {
    const cases = CASES.filter((c) => c.phone);
    const page = await pageWith(context, cases.map((c) => figures[CASES.indexOf(c)]!), { mode: 'light', phone: true });
    await page.setViewportSize({ width: 360, height: 740 });
    // Only what is drawn: a figure may carry a second layout for the other screen width, not displayed
    // (rnn-unroll's arrow pointing down, seq2seq-attention's turned layout).
    const sizes = await page.$$eval('svg.hp-diagram', (svgs) =>
      svgs.filter((svg) => svg.getBoundingClientRect().width > 0).map((svg) => {
        const s = svg as SVGSVGElement;
        const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
        const fonts = [...s.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
        return { width: s.getBoundingClientRect().width, min: Math.min(...fonts), max: Math.max(...fonts) };
      }),
    );
    await page.close();
    expect(sizes.length).toBeGreaterThanOrEqual(cases.length);
    for (const s of sizes) {
      expect(s.width).toBeLessThanOrEqual(360);
      expect(s.min).toBeGreaterThanOrEqual(9);
      expect(s.max).toBeGreaterThanOrEqual(10);
    }
  });
});
